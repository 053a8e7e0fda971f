import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/lib/api-client';
import { uploadFile, type UploadRequest } from '../../../renderer/features/evidence/upload-file';
import { installEvidenceFakes } from '../fake-evidence';
import { FakeVault } from '../fake-vault';

const caseId = '00000000-0000-4000-8000-000000000001';

function setup() {
  const vault = new FakeVault({ state: 'unlocked' });
  vault.cases.push({
    id: caseId,
    title: 'Degtyarev',
    clients: [],
    status: 'open',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  });
  const store = installEvidenceFakes(vault);
  const api = createApiClient(vault);
  return { vault, store, api };
}

function request(
  api: UploadRequest['api'],
  text: string,
  overrides: Partial<UploadRequest> = {},
): UploadRequest & { progress: number[] } {
  const progress: number[] = [];
  return {
    api,
    caseId,
    file: new Blob([text], { type: 'text/plain' }),
    fileName: 'statement.txt',
    fields: { kind: 'document', title: 'Statement of M. Kuznetsova' },
    signal: new AbortController().signal,
    onProgress: (sent) => progress.push(sent),
    progress,
    ...overrides,
  };
}

describe('uploading one file', () => {
  it('sends the pieces in order, reports progress and adds the item', async () => {
    const { vault, store, api } = setup();
    const upload = request(api, 'Мой муж не проходил подготовку.');
    const outcome = await uploadFile(upload);

    expect(outcome).toMatchObject({
      status: 'added',
      item: { title: 'Statement of M. Kuznetsova', fileName: 'statement.txt' },
    });
    const size = new TextEncoder().encode('Мой муж не проходил подготовку.').length;
    expect(vault.uploads.map((u) => u.offset)).toEqual(
      Array.from({ length: Math.ceil(size / 4) }, (_, i) => i * 4),
    );
    expect(upload.progress.at(0)).toBe(0);
    expect(upload.progress.at(-1)).toBe(size);
    expect(upload.progress).toEqual([...upload.progress].sort((a, b) => a - b));
    // What arrived is what was sent, byte for byte.
    const id = outcome.status === 'added' ? outcome.item.id : '';
    const arrived = new Blob((store.originals.get(id) ?? []).map((c) => new Uint8Array(c)));
    expect(await arrived.text()).toBe('Мой муж не проходил подготовку.');
  });

  it('reports the item a duplicate is already in the case as', async () => {
    const { api } = setup();
    const first = await uploadFile(request(api, 'same bytes'));
    const second = await uploadFile(
      request(api, 'same bytes', { fileName: 'copy.txt', fields: { kind: 'document' } }),
    );
    expect(second).toEqual({
      status: 'duplicate',
      existing: {
        id: first.status === 'added' ? first.item.id : 'missing',
        title: 'Statement of M. Kuznetsova',
      },
    });
  });

  it('on cancel stops sending and cancels the upload in core, which keeps nothing', async () => {
    const { vault, store, api } = setup();
    const controller = new AbortController();
    const upload = request(api, 'twelve bytes', {
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent >= 4) controller.abort();
      },
    });
    expect(await uploadFile(upload)).toEqual({ status: 'cancelled' });
    expect(vault.uploads).toHaveLength(1);
    expect(vault.callsTo('intake:cancel')).toHaveLength(1);
    expect(vault.callsTo('intake:finish')).toHaveLength(0);
    expect(store.uploads.size).toBe(0);
    expect(store.itemsOf(caseId)).toHaveLength(0);
  });

  it('does not begin at all when cancelled before its turn', async () => {
    const { vault, api } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(await uploadFile(request(api, 'x', { signal: controller.signal }))).toEqual({
      status: 'cancelled',
    });
    expect(vault.callsTo('intake:begin')).toHaveLength(0);
  });

  it('stops at a failed piece, with its error code, and cancels the upload', async () => {
    const { vault, store, api } = setup();
    store.failPiecesOf.set('statement.txt', 'DISK_FULL');
    expect(await uploadFile(request(api, 'several pieces of text'))).toEqual({
      status: 'failed',
      code: 'DISK_FULL',
    });
    expect(vault.uploads).toHaveLength(1);
    expect(vault.callsTo('intake:cancel')).toHaveLength(1);
    expect(vault.callsTo('intake:finish')).toHaveLength(0);
  });

  it('fails with the code core gives when the upload cannot begin', async () => {
    const { vault, api } = setup();
    vault.failNext('intake:begin', 'VAULT_LOCKED');
    expect(await uploadFile(request(api, 'x'))).toEqual({ status: 'failed', code: 'VAULT_LOCKED' });
    expect(vault.uploads).toHaveLength(0);
  });

  it('fails when core confirms a different byte count than was sent', async () => {
    const { vault, api } = setup();
    vault.uploadHandler = () => Promise.resolve({ ok: true, value: { received: 1 } });
    expect(await uploadFile(request(api, 'abcdefgh'))).toEqual({
      status: 'failed',
      code: 'TRANSPORT_FAILED',
    });
    expect(vault.callsTo('intake:cancel')).toHaveLength(1);
  });
});
