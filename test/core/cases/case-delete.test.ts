import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCase,
  deleteCase,
  listCases,
  readCase,
} from '../../../electron/core/cases/case-service';
import { caseStore } from '../../../electron/core/cases/case-store';
import { decryptBuffer, encryptBuffer } from '../../../electron/core/crypto';
import { parseIdentities } from '../../support/identities';
import {
  createVault,
  exportIdentity,
  unlockVault,
  type UnlockedVault,
} from '../../../electron/core/vault/vault';
import { writeFileAtomic } from '../../../electron/core/vault/atomic-write';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let root: string;
let dir: string;
let vault: UnlockedVault;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  root = temp.dir;
  dir = join(temp.dir, 'vault');
  await createVault(dir, passphrase, { kdfCost: fastKdf });
  vault = await unlockVault(dir, passphrase);
});
afterEach(async () => {
  await vault.close();
  await cleanup();
});

describe('deleting a case', () => {
  it('needs the exact title, and then leaves nothing readable, not even a copy', async () => {
    const doomed = await createCase(vault, { title: 'Дело Дегтярёва' }, 'app');
    const kept = await createCase(vault, { title: 'Another case' }, 'app');
    await caseStore(vault)
      .blobs(doomed.id)
      .put(Readable.from([Buffer.from('the wife’s statement')]));
    // A copy of the case file made before the deletion (a backup, a block the disk kept).
    await copyFile(join(dir, 'cases', doomed.id, 'case.age'), join(root, 'leftover.age'));
    const identitiesBefore = parseIdentities(exportIdentity(vault));
    expect(
      (await decryptBuffer(await readFile(join(root, 'leftover.age')), identitiesBefore)).length,
    ).toBeGreaterThan(0);

    await expect(deleteCase(vault, doomed.id, 'Дело', 'app')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(listCases(vault)).toHaveLength(2);

    await deleteCase(vault, doomed.id, ' Дело Дегтярёва ', 'app');
    expect(listCases(vault).map((c) => c.id)).toEqual([kept.id]);
    expect(await readdir(join(dir, 'cases'))).toEqual([kept.id]);
    await expect(readCase(vault, doomed.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(vault.index.data.deletedCases).toEqual([
      { id: doomed.id, at: expect.any(String) as string, actor: 'app' },
    ]);
    // The vault's keys, all of them, no longer open the copy: its key is gone.
    const identitiesAfter = parseIdentities(exportIdentity(vault));
    await expect(
      decryptBuffer(await readFile(join(root, 'leftover.age')), identitiesAfter),
    ).rejects.toThrow();
    await vault.close();
    vault = await unlockVault(dir, passphrase);
    expect(listCases(vault).map((c) => c.id)).toEqual([kept.id]);
  });

  it('removes at unlock a case folder that no index entry names', async () => {
    const record = await createCase(vault, { title: 'Half made' }, 'app');
    await vault.close();
    // What a crash between writing the case and naming it in the index leaves behind.
    const orphan = '11111111-2222-4333-8444-555555555555';
    await mkdir(join(dir, 'cases', orphan, 'blobs'), { recursive: true });
    await copyFile(
      join(dir, 'cases', record.id, 'case.age'),
      join(dir, 'cases', orphan, 'case.age'),
    );
    vault = await unlockVault(dir, passphrase);
    expect((await readdir(join(dir, 'cases'))).sort()).toEqual([record.id]);
  });
});

describe('a vault made before cases had keys of their own', () => {
  it('is migrated at unlock: each case re-encrypted to a key of its own', async () => {
    const record = await createCase(vault, { title: 'Старое дело' }, 'app');
    const data = await readCase(vault, record.id);
    // Rebuild the version 1 layout by hand: cases/<id>.age to the storage identity.
    const storage = [{ kind: 'x25519' as const, publicKey: vault.identity.publicKey }];
    await writeFile(
      join(dir, 'cases', `${record.id}.age`),
      await encryptBuffer(Buffer.from(JSON.stringify(data)), storage),
    );
    const { id, title, clients, status, updatedAt } = record;
    const v1 = {
      version: 1,
      createdAt: vault.index.data.createdAt,
      cases: [{ id, title, clients, status, updatedAt, file: `cases/${record.id}.age` }],
    };
    await writeFileAtomic(
      join(dir, 'vault.age'),
      await encryptBuffer(Buffer.from(JSON.stringify(v1)), storage),
    );
    await vault.close();
    await rm(join(dir, 'cases', record.id), { recursive: true });

    vault = await unlockVault(dir, passphrase);
    expect(vault.index.data.version).toBe(2);
    expect((await readCase(vault, record.id)).case.title).toBe('Старое дело');
    expect(await readdir(join(dir, 'cases'))).toEqual([record.id]);
    const migrated = await readFile(join(dir, 'cases', record.id, 'case.age'));
    await expect(
      decryptBuffer(migrated, [{ kind: 'x25519', secretKey: vault.identity.secretKey }]),
    ).rejects.toThrow();
  });
});
