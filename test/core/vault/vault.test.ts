import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changePassphrase,
  createVault,
  exportIdentity,
  unlockVault,
  unlockWithRecoveryKey,
} from '../../../electron/core/vault/vault';
import { caseStore } from '../../../electron/core/cases/case-store';
import { caseBlobs } from '../../support/case-blobs';
import { verifyVault } from '../../../electron/core/vault/vault-verify';
import { ageDecrypt, hasAgeCli } from '../../support/age-cli';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let root: string;
let dir: string;
let cleanup: () => Promise<void>;

/** Every file of the vault folder with the SHA-256 of its bytes: a picture of its state. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile());
  const pairs = await Promise.all(
    files.map(async (e) => {
      const path = join(e.parentPath, e.name);
      return [
        path.slice(folder.length),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      ] as const;
    }),
  );
  return Object.fromEntries(pairs);
}

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  dir = join(root, 'vault');
});
afterEach(() => cleanup());

describe('a vault', () => {
  it('is created with a header, an encrypted index, a folder for cases and a recovery key', async () => {
    const { vaultId, recoveryKey } = await createVault(dir, passphrase, { kdfCost: fastKdf });
    expect(vaultId).toMatch(/^[0-9a-f-]{36}$/);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect((await readdir(dir)).sort()).toEqual(['cases', 'habeas-vault.json', 'vault.age']);
    const header = await readFile(join(dir, 'habeas-vault.json'), 'utf8');
    expect(header).not.toContain(recoveryKey);
    expect((await readFile(join(dir, 'vault.age'))).subarray(0, 21).toString()).toBe(
      'age-encryption.org/v1',
    );
  });

  it('refuses a second vault in the same folder, and a folder with other files', async () => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    await expect(createVault(dir, passphrase, { kdfCost: fastKdf })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    await writeFile(join(root, 'notes.txt'), 'x');
    await expect(createVault(root, passphrase, { kdfCost: fastKdf })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('unlocks with its passphrase; a wrong one changes nothing', async () => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    const before = await snapshot(dir);
    await expect(unlockVault(dir, 'wrong horse battery staple')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(await snapshot(dir)).toEqual(before);
    const vault = await unlockVault(dir, passphrase);
    expect(vault.recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(vault.index.data.cases).toEqual([]);
    await vault.close();
    expect(vault.identity.secretKey.every((b) => b === 0)).toBe(true);
  });

  it('changes the passphrase by rewriting one keyslot, and keeps every file readable', async () => {
    const { recoveryKey } = await createVault(dir, passphrase, { kdfCost: fastKdf });
    const vault = await unlockVault(dir, passphrase);
    const { caseId, blobs } = await caseBlobs(vault);
    const blob = await blobs.put(Readable.from([Buffer.from('Telegram video bytes')]));
    const headerBefore = JSON.parse(
      await readFile(join(dir, 'habeas-vault.json'), 'utf8'),
    ) as Record<string, unknown>;
    const filesBefore = await snapshot(join(dir, 'cases', caseId, 'blobs'));
    await changePassphrase(vault, 'a new and longer passphrase', { kdfCost: fastKdf });
    await vault.close();

    const headerAfter = JSON.parse(
      await readFile(join(dir, 'habeas-vault.json'), 'utf8'),
    ) as Record<string, unknown>;
    const slots = (h: Record<string, unknown>) => h['keyslots'] as Record<string, unknown>;
    expect(slots(headerAfter)['recovery']).toEqual(slots(headerBefore)['recovery']);
    expect(slots(headerAfter)['passphrase']).not.toEqual(slots(headerBefore)['passphrase']);
    expect(await snapshot(join(dir, 'cases', caseId, 'blobs'))).toEqual(filesBefore);

    await expect(unlockVault(dir, passphrase)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const reopened = await unlockVault(dir, 'a new and longer passphrase');
    expect((await caseStore(reopened).blobs(caseId).verify(blob.id)).sha256).toBe(blob.sha256);
    await reopened.close();
    const recovered = await unlockWithRecoveryKey(dir, recoveryKey.toLowerCase());
    await recovered.close();
  });

  it('refuses a wrong recovery key, and a mistyped one before trying it', async () => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    const other = await createVault(join(root, 'other'), passphrase, { kdfCost: fastKdf });
    await expect(unlockWithRecoveryKey(dir, other.recoveryKey)).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(unlockWithRecoveryKey(dir, 'AAAA-BBBB')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('rejects a header whose KDF was weakened, even with the right passphrase', async () => {
    await createVault(dir, passphrase, { kdfCost: { ...fastKdf, iterations: 2 } });
    const path = join(dir, 'habeas-vault.json');
    const header = JSON.parse(await readFile(path, 'utf8')) as {
      keyslots: { passphrase: { kdf: { iterations: number } } };
    };
    header.keyslots.passphrase.kdf.iterations = 1;
    await writeFile(path, JSON.stringify(header));
    await expect(unlockVault(dir, passphrase)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it.each([
    ['a corrupt header', '{"format": "habeas-vault", "vers', 'INTEGRITY_FAILED'],
    ['a header from the future', null, 'VAULT_VERSION_UNSUPPORTED'],
  ])('answers %s with a clear error', async (_label, text, code) => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    const path = join(dir, 'habeas-vault.json');
    const future = { ...(JSON.parse(await readFile(path, 'utf8')) as object), version: 99 };
    await writeFile(path, text ?? JSON.stringify(future));
    await expect(unlockVault(dir, passphrase)).rejects.toMatchObject({ code });
  });

  it('verifies every file, naming a damaged one and going on with the rest', async () => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    const vault = await unlockVault(dir, passphrase);
    const { caseId, blobs } = await caseBlobs(vault);
    const good = await blobs.put(Readable.from([Buffer.alloc(200_000, 7)]));
    const bad = await blobs.put(Readable.from([Buffer.alloc(200_000, 9)]));
    // The index, the case file and two blobs, each decrypted with its own key.
    expect(await verifyVault(vault)).toEqual({ ok: true, checked: 4, failures: [] });
    const path = blobs.path(bad.id);
    const bytes = await readFile(path);
    bytes[bytes.length - 70_000] = (bytes[bytes.length - 70_000] ?? 0) ^ 0x01;
    await writeFile(path, bytes);
    expect(await verifyVault(vault)).toEqual({
      ok: false,
      checked: 4,
      failures: [{ file: `cases/${caseId}/blobs/${bad.id}.age`, code: 'INTEGRITY_FAILED' }],
    });
    expect((await blobs.verify(good.id)).sha256).toBe(good.sha256);
    await vault.close();
  });
});

describe.runIf(hasAgeCli())('a vault without Habeas', () => {
  it('decrypts with `age -d -i` and the exported identity', async () => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    const vault = await unlockVault(dir, passphrase);
    const original = Buffer.from('Показания жены подсудимого, 20 ноября');
    const { caseId, blobs } = await caseBlobs(vault);
    const blob = await blobs.put(Readable.from([original]));
    const identityFile = join(root, 'identity.txt');
    await writeFile(identityFile, exportIdentity(vault), { mode: 0o600 });
    await vault.close();
    expect(ageDecrypt(identityFile, join(dir, 'cases', caseId, 'blobs', `${blob.id}.age`))).toEqual(
      original,
    );
    const index = JSON.parse(ageDecrypt(identityFile, join(dir, 'vault.age')).toString()) as {
      cases: { id: string }[];
    };
    expect(index.cases.map((c) => c.id)).toEqual([caseId]);
    const caseFile = JSON.parse(
      ageDecrypt(identityFile, join(dir, 'cases', caseId, 'case.age')).toString(),
    ) as { case: { title: string } };
    expect(caseFile.case.title).toBe('Test case');
  });
});

describe('a vault that someone else wrote to', () => {
  it('refuses an index forged with the recipient it gives out, and a missing index', async () => {
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    const vault = await unlockVault(dir, passphrase);
    const shared = vault.recipient;
    await vault.close();
    const { decodeRecipient } = await import('../../../electron/core/crypto/age-keys');
    const { encryptBuffer } = await import('../../../electron/core/crypto/age-writer');
    const forged = await encryptBuffer(
      Buffer.from(
        JSON.stringify({
          version: 1,
          createdAt: new Date().toISOString(),
          // A well-formed index that hides every case: only the key can tell it is forged.
          cases: [],
        }),
      ),
      [{ kind: 'x25519', publicKey: decodeRecipient(shared) }],
    );
    const original = await readFile(join(dir, 'vault.age'));
    await writeFile(join(dir, 'vault.age'), forged);
    await expect(unlockVault(dir, passphrase)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });

    await writeFile(join(dir, 'vault.age'), original);
    await (await unlockVault(dir, passphrase)).close();
    const { unlink } = await import('node:fs/promises');
    await unlink(join(dir, 'vault.age'));
    await expect(unlockVault(dir, passphrase)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
  });

  it('opens with the passphrase in either Unicode form', async () => {
    const composed = 'Дегтярёв и Дегтярев, 17 ноября';
    await createVault(dir, composed.normalize('NFC'), { kdfCost: fastKdf });
    await (await unlockVault(dir, composed.normalize('NFD'))).close();
  });
});
