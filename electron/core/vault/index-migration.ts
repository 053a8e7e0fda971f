import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type X25519Identity, decryptBuffer, encryptBuffer, identityFromSecret } from '../crypto';
import { toBase64 } from './base64-bytes';
import { writeFileAtomic } from './atomic-write';
import { caseDir, vaultIndexVersion, type VaultIndex, type VaultIndexV1 } from './vault-index';

/**
 * Version 1 → 2: each case gets a key of its own. Its file is re-encrypted to the new key into
 * `cases/<id>/case.age`; the new index is written; only then are the old files removed. A crash
 * part way leaves the version 1 index in place (the migration runs again) and at worst a new
 * case file that the next run overwrites.
 */
export async function migrateIndexV1(
  dir: string,
  old: VaultIndexV1,
  storage: X25519Identity,
  writeIndex: (index: VaultIndex) => Promise<void>,
): Promise<VaultIndex> {
  const cases: VaultIndex['cases'] = [];
  for (const entry of old.cases) {
    const secret = randomBytes(32);
    const identity = identityFromSecret(secret);
    const plaintext = await decryptBuffer(await readFile(join(dir, entry.file)), [
      { kind: 'x25519', secretKey: storage.secretKey },
    ]);
    await mkdir(join(dir, caseDir(entry.id), 'blobs'), { recursive: true });
    await writeFileAtomic(
      join(dir, caseDir(entry.id), 'case.age'),
      await encryptBuffer(plaintext, [{ kind: 'x25519', publicKey: identity.publicKey }]),
    );
    identity.secretKey.fill(0);
    const { id, title, clients, status, updatedAt } = entry;
    cases.push({ id, title, clients, status, updatedAt, secret: toBase64(secret) });
    secret.fill(0);
  }
  const index: VaultIndex = {
    version: vaultIndexVersion,
    createdAt: old.createdAt,
    cases,
    deletedCases: [],
    templates: [],
    contacts: [],
  };
  await writeIndex(index);
  for (const entry of old.cases) await unlink(join(dir, entry.file)).catch(() => undefined);
  return index;
}
