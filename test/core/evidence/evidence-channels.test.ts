import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { dispatch, dispatchUploadPiece } from '../../../electron/core/api';
import type { AppCore } from '../../../electron/core/app-core';
import { makeTempDir } from '../../support/temp-dir';
import { makeTestCore } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let core: AppCore;
let root: string;
let cleanup: () => Promise<void>;
let caseId: string;

async function call<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K>> {
  const result = await dispatch(channel, input, core.ctx);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as ChannelOutput<K>;
}

/** Sends a file as the renderer does: begin, pieces in order, finish. */
async function upload(bytes: Buffer, fileName: string, pieceSize?: number) {
  const begun = await call('intake:begin', {
    caseId,
    fileName,
    size: bytes.length,
    mimeType: 'application/octet-stream',
    fields: { kind: 'video' },
  });
  const size = pieceSize ?? begun.pieceSize;
  for (let offset = 0; offset < bytes.length; offset += size) {
    const piece = bytes.subarray(offset, offset + size);
    const reply = await dispatchUploadPiece(begun.uploadId, offset, piece, core.ctx);
    expect(reply).toEqual({ ok: true, value: { received: offset + piece.length } });
  }
  return {
    uploadId: begun.uploadId,
    finished: await call('intake:finish', { uploadId: begun.uploadId }),
  };
}

beforeEach(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  root = temp.dir;
  core = await makeTestCore(temp.dir, 'browser');
  await call('vault:create', { dir: core.ctx.session.dir, passphrase });
  await call('vault:unlock', { passphrase });
  caseId = (await call('case:create', { title: 'Art. 332', clients: [] })).id;
});
afterEach(async () => {
  await core.shutdown();
  await cleanup();
});

const blobDir = () => join(root, 'vault', 'cases', caseId, 'blobs');

describe('intake over the channels', () => {
  it('takes a file in pieces, shows it with a media URL that streams the original', async () => {
    const video = randomBytes(3 * 1024 * 1024 + 17);
    const { finished } = await upload(video, 'arrest.mp4', 1024 * 1024);
    expect(finished.status).toBe('added');
    if (finished.status !== 'added') return;
    expect(finished.item.sha256).toBe(createHash('sha256').update(video).digest('hex'));

    const shown = await call('evidence:show', { caseId, id: finished.item.id });
    expect(shown.mediaUrl).toMatch(/^\/media\//);
    const response = await core.mediaHandler(
      new Request(`http://127.0.0.1${shown.mediaUrl ?? ''}`, {
        headers: { range: 'bytes=1000-1999' },
      }),
    );
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(video.subarray(1000, 2000));

    const custody = await call('custody:list', { caseId, subjectId: finished.item.id });
    expect(custody.ok).toBe(true);
    expect(custody.entries.map((e) => e.action)).toEqual(['intake', 'view']);
  });

  it('refuses pieces out of order, too many bytes, and an unknown upload', async () => {
    const begun = await call('intake:begin', {
      caseId,
      fileName: 'a.bin',
      size: 10,
      mimeType: '',
      fields: { kind: 'other' },
    });
    expect(await dispatchUploadPiece(begun.uploadId, 5, Buffer.alloc(5), core.ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await dispatchUploadPiece(begun.uploadId, 0, Buffer.alloc(11), core.ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await dispatchUploadPiece(begun.uploadId, 0, Buffer.alloc(1), core.ctx)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatchUploadPiece('../../etc', 0, Buffer.alloc(1), core.ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await readdir(blobDir())).toEqual([]);
  });

  it('leaves nothing of a cancelled upload, an unfinished one, or one cut by the lock', async () => {
    const begin = () =>
      call('intake:begin', {
        caseId,
        fileName: 'big.mp4',
        size: 4 * 1024 * 1024,
        mimeType: 'video/mp4',
        fields: { kind: 'video' },
      });
    const cancelled = await begin();
    await dispatchUploadPiece(cancelled.uploadId, 0, randomBytes(1024 * 1024), core.ctx);
    await call('intake:cancel', { uploadId: cancelled.uploadId });
    const unfinished = await begin();
    await dispatchUploadPiece(unfinished.uploadId, 0, randomBytes(1024 * 1024), core.ctx);
    await expect(call('intake:finish', { uploadId: unfinished.uploadId })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const locked = await begin();
    await dispatchUploadPiece(locked.uploadId, 0, randomBytes(1024 * 1024), core.ctx);
    await call('vault:lock', {});
    await call('vault:unlock', { passphrase });
    await expect(call('intake:finish', { uploadId: locked.uploadId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The aborted intakes remove their partial files as they unwind.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readdir(blobDir())).toEqual([]);
    expect((await call('evidence:list', { caseId })).items).toEqual([]);
  });

  it('answers a second upload of the same file with the item already there', async () => {
    const bytes = randomBytes(100_000);
    const first = await upload(bytes, 'one.mp4');
    const second = await upload(bytes, 'two.mp4');
    expect(second.finished).toEqual({
      status: 'duplicate',
      existing: {
        id: first.finished.status === 'added' ? first.finished.item.id : '',
        title: 'one',
      },
    });
  });
});

describe('working on an item', () => {
  it('keeps moments and stills, edits fields, and logs each change', async () => {
    const { finished } = await upload(randomBytes(50_000), 'video.mp4');
    if (finished.status !== 'added') throw new Error('not added');
    const id = finished.item.id;
    const moment = await call('moment:add', { caseId, evidenceId: id, at: 12.5, note: 'Приказ' });
    await call('moment:update', {
      caseId,
      evidenceId: id,
      id: moment.id,
      note: 'Приказ командира',
    });
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const still = await call('still:add', {
      caseId,
      evidenceId: id,
      at: 12.5,
      png: png.toString('base64'),
    });
    expect(still.still).toMatchObject({ width: 1, height: 1 });
    const served = await core.mediaHandler(new Request(`http://127.0.0.1${still.url}`));
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    await expect(
      call('still:add', {
        caseId,
        evidenceId: id,
        at: 1,
        png: Buffer.from('<svg/>').toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });

    const person = await call('person:add', { caseId, person: { name: 'Дегтярёв', variants: [] } });
    const updated = await call('evidence:update', {
      caseId,
      id,
      fields: {
        credibility: 2,
        tags: ['arrest'],
        personIds: [person.person.id],
        eventDate: '2026-11-17',
      },
    });
    expect(updated).toMatchObject({ credibility: 2, tags: ['arrest'], eventDate: '2026-11-17' });
    expect(updated.moments).toEqual([{ id: moment.id, at: 12.5, note: 'Приказ командира' }]);
    await expect(
      call('evidence:update', { caseId, id, fields: { derivedFrom: [id] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const log = await call('custody:list', { caseId, subjectId: id });
    expect(log.entries.map((e) => e.action)).toEqual(['intake', 'edit', 'edit', 'edit', 'edit']);
    expect(log.ok).toBe(true);

    await call('evidence:delete', { caseId, id });
    expect(await readdir(blobDir())).toEqual([]);
    const after = await call('custody:list', { caseId, subjectId: id });
    expect(after.entries.at(-1)).toMatchObject({
      action: 'delete',
      details: { sha256: finished.item.sha256 },
    });
  });

  it('keeps a statement’s text and its translation, logging their hashes only', async () => {
    const statement = await call('intake:text', {
      caseId,
      kind: 'statement',
      title: 'Показания жены',
      text: 'Первая версия.',
      fields: { witness: 'Дегтярёва Е.' },
    });
    const edited = await call('evidence:update', {
      caseId,
      id: statement.id,
      fields: { statement: { text: 'Вторая версия.' } },
      translation: {
        language: 'en',
        text: 'Second version.',
        translator: 'J. Smith',
        method: 'human',
      },
    });
    expect(edited.statement).toMatchObject({ text: 'Вторая версия.', witness: 'Дегтярёва Е.' });
    expect(edited.translation).toMatchObject({ text: 'Second version.', method: 'human' });
    const log = await call('custody:list', { caseId, subjectId: statement.id });
    const details = log.entries.at(-1)?.details ?? {};
    expect(details['statementSha256']).toBe(
      createHash('sha256').update('Вторая версия.').digest('hex'),
    );
    expect(JSON.stringify(log.entries)).not.toContain('Вторая');
  });
});

describe('persons and sources', () => {
  it('adds a person with romanisations, and updates the one a spelling matches', async () => {
    const added = await call('person:add', {
      caseId,
      person: { name: 'Дегтярёв Андрей', variants: [], role: 'client' },
    });
    expect(added.created).toBe(true);
    expect(added.person.variants.map((v) => v.text)).toContain('Degtyarev Andrey');
    const again = await call('person:add', {
      caseId,
      person: { name: 'Degtyarev Andrey', variants: ['Degtiarev Andrei'] },
    });
    expect(again.created).toBe(false);
    expect(again.person.id).toBe(added.person.id);
    await expect(
      call('person:add', { caseId, person: { name: 'Свидетель', variants: [], protected: true } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const other = await call('person:add', { caseId, person: { name: 'Андрей Д.', variants: [] } });
    const merged = await call('person:merge', {
      caseId,
      keepId: added.person.id,
      mergeId: other.person.id,
    });
    expect(merged.variants.map((v) => v.text)).toContain('Андрей Д.');
    expect(await call('person:list', { caseId })).toHaveLength(1);

    const source = await call('source:add', {
      caseId,
      source: { name: 'Meduza', reliability: 'B' },
    });
    const graded = await call('source:update', { caseId, id: source.id, reliability: 'A' });
    expect(graded.reliability).toBe('A');
    expect(await call('source:list', { caseId })).toEqual([graded]);
  });
});

describe('deleting a case over the channels', () => {
  it('needs the title typed exactly', async () => {
    await expect(
      call('case:delete', { id: caseId, confirmTitle: 'art. 332' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await call('case:delete', { id: caseId, confirmTitle: 'Art. 332' });
    expect(await call('case:list', {})).toEqual([]);
  });
});

describe('a spelling a source printed', () => {
  it('keeps its origin and the item that printed it, even when Habeas generates it too', async () => {
    const item = await call('intake:text', {
      caseId,
      kind: 'article',
      title: 'Report',
      text: 'Ivan Petrov, in the report.',
    });
    const added = await call('person:add', {
      caseId,
      person: { name: 'Ivan Petrov', variants: ['Иван Петров'], evidenceId: item.id },
    });
    const printed = added.person.variants.filter((v) => v.text === 'Иван Петров');
    expect(printed).toEqual([
      { text: 'Иван Петров', origin: 'source', script: 'cyrillic', evidenceId: item.id },
    ]);
  });
});
