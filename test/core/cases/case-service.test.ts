import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCase,
  listCases,
  readCase,
  resolveCaseId,
  updateCase,
} from '../../../electron/core/cases/case-service';
import { verifyCustodyLog } from '../../../electron/core/custody/custody-log';
import { createVault, unlockVault, type UnlockedVault } from '../../../electron/core/vault/vault';
import { verifyVault } from '../../../electron/core/vault/vault-verify';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let dir: string;
let vault: UnlockedVault;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  dir = join(temp.dir, 'vault');
  await createVault(dir, passphrase, { kdfCost: fastKdf });
  vault = await unlockVault(dir, passphrase);
});
afterEach(async () => {
  await vault.close();
  await cleanup();
});

const art332 = {
  title: 'Дегтярёв и Кузнецов: отказ вернуться на фронт',
  clients: ['Дегтярёв А. В.', 'Кузнецов И. С.'],
  court: 'Военный суд гарнизона',
  caseNumber: '1-117/2026',
  jurisdiction: 'RU',
};

describe('cases', () => {
  it('are created open, with a custody entry, and listed from the index', async () => {
    const record = await createCase(vault, art332, 'habeas-cli');
    expect(record).toMatchObject({ ...art332, status: 'open' });
    expect(listCases(vault)).toEqual([
      {
        id: record.id,
        title: art332.title,
        clients: art332.clients,
        status: 'open',
        updatedAt: record.updatedAt,
      },
    ]);
    const data = await readCase(vault, record.id);
    expect(data.case).toEqual(record);
    expect(data.custody.map((e) => [e.action, e.subject, e.actor])).toEqual([
      ['create', { kind: 'case', id: record.id }, 'habeas-cli'],
    ]);
    expect(verifyCustodyLog(data.custody).ok).toBe(true);
  });

  it('persist, encrypted, across a lock and an unlock', async () => {
    const record = await createCase(vault, art332, 'app');
    await vault.close();
    const text = await readFile(join(dir, 'cases', record.id, 'case.age'));
    expect(text.includes(Buffer.from('Дегтярёв'))).toBe(false);
    vault = await unlockVault(dir, passphrase);
    expect((await readCase(vault, record.id)).case.title).toBe(art332.title);
    expect(await verifyVault(vault)).toMatchObject({ ok: true, checked: 2 });
  });

  it('are found by a unique prefix of their id', async () => {
    const record = await createCase(vault, { title: 'A' }, 'app');
    expect(resolveCaseId(vault, record.id.slice(0, 8))).toBe(record.id);
    expect(() => resolveCaseId(vault, 'ffffffff-0000')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => resolveCaseId(vault, '')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it.each([
    [{ title: '' }],
    [{ title: '   ' }],
    [{ title: 'x'.repeat(301) }],
    [{ title: 'ok', clients: [''] }],
    [{ title: 'ok', unknown: 1 } as never],
  ])('refuses %j and writes nothing', async (input) => {
    await expect(createCase(vault, input, 'app')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(listCases(vault)).toEqual([]);
  });

  it('report a missing or swapped case file as INTEGRITY_FAILED', async () => {
    const a = await createCase(vault, { title: 'A' }, 'app');
    const b = await createCase(vault, { title: 'B' }, 'app');
    await vault.close();
    // B's file in A's place does not even decrypt: each case has its own key.
    const pathA = join(dir, 'cases', a.id, 'case.age');
    await writeFile(pathA, await readFile(join(dir, 'cases', b.id, 'case.age')));
    vault = await unlockVault(dir, passphrase);
    await expect(readCase(vault, a.id)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    expect((await readCase(vault, b.id)).case.title).toBe('B');
    await unlink(pathA);
    await expect(readCase(vault, a.id)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
  });
});

describe('editing a case', () => {
  it('replaces its fields, records what changed in the custody log, and updates the list', async () => {
    const record = await createCase(vault, art332, 'app');
    const edited = await updateCase(
      vault,
      record.id,
      { fields: { ...art332, court: 'Центральный окружной военный суд', caseNumber: undefined } },
      'app',
    );
    expect(edited).toMatchObject({
      id: record.id,
      court: 'Центральный окружной военный суд',
      createdAt: record.createdAt,
    });
    expect(edited.caseNumber).toBeUndefined();
    const closed = await updateCase(vault, record.id, { status: 'closed' }, 'habeas-cli');
    expect(closed.status).toBe('closed');
    expect(listCases(vault)[0]).toMatchObject({ id: record.id, status: 'closed' });

    const data = await readCase(vault, record.id);
    expect(data.custody.map((e) => [e.action, e.details ?? null])).toEqual([
      ['create', null],
      ['edit', { fields: 'court,caseNumber' }],
      ['edit', { status: 'closed' }],
    ]);
    expect(verifyCustodyLog(data.custody).ok).toBe(true);
  });

  it('writes nothing when nothing changed, and refuses an invalid edit', async () => {
    const record = await createCase(vault, art332, 'app');
    expect(await updateCase(vault, record.id, { fields: art332 }, 'app')).toEqual(record);
    expect((await readCase(vault, record.id)).custody).toHaveLength(1);
    await expect(
      updateCase(vault, record.id, { fields: { title: '' } }, 'app'),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(updateCase(vault, 'ffffffff', { status: 'closed' }, 'app')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
