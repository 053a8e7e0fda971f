import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  type X25519Identity,
  encodeIdentity,
  encodeRecipient,
  identityFromSecret,
  wipeSecretKey,
} from '../crypto';
import { HabeasError } from '../habeas-error';
import { removeStaleTempFiles } from './atomic-write';
import { fromBase64, toBase64 } from './base64-bytes';
import { EncryptedJsonFile } from './encrypted-json-file';
import { calibrateKdf, deriveKey, type KdfCost, type KdfParams } from './kdf';
import {
  openPassphraseSlot,
  openRecoverySlot,
  sealPassphraseSlot,
  sealRecoverySlot,
  type PassphraseSlot,
  type SlotBinding,
} from './keyslots';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import {
  currentVaultVersion,
  readVaultHeader,
  slotBinding,
  vaultFormat,
  vaultHeaderFile,
  writeVaultHeader,
  type VaultHeader,
} from './vault-header';
import { migrateIndexV1 } from './index-migration';
import {
  anyVaultIndexSchema,
  emptyVaultIndex,
  vaultIndexFile,
  vaultIndexSchema,
  type VaultIndex,
} from './vault-index';
import { acquireVaultLock, type VaultLock } from './vault-lock';

/**
 * A vault is a folder: habeas-vault.json (plaintext header with the sealed keyslots),
 * vault.age (the encrypted index), cases/<id>/ (each case's encrypted files, to its own key),
 * habeas.lock while a process has it open. The passphrase unlocks the vault's X25519 identity; everything else is an age file
 * to that identity's recipient.
 */
export type UnlockedVault = {
  readonly dir: string;
  readonly vaultId: string;
  /** The storage identity: every file of the vault is encrypted to it. Its public key is never written anywhere. */
  readonly identity: X25519Identity;
  /** The sharing identity: colleagues encrypt case archives to its recipient. */
  readonly sharing: X25519Identity;
  /** The sharing recipient (age1…), safe to give out. */
  readonly recipient: string;
  readonly index: Low<VaultIndex>;
  /** Seals the vault secret into a new passphrase keyslot (the secret itself never leaves). */
  sealPassphrase(binding: SlotBinding, kek: Uint8Array, kdf: KdfParams): PassphraseSlot;
  /** Runs `listener` when the vault closes, before its keys are wiped (e.g. to wipe case keys). */
  onClose(listener: () => void): void;
  /** Wipes the keys from memory and releases the lock. */
  close(): Promise<void>;
};

export type KdfOptions = { readonly kdfCost?: KdfCost };

/**
 * Two X25519 identities from the one vault secret. Files are stored to the storage identity,
 * whose public key is never written or shown: age does not prove who wrote a file, so a
 * recipient given to colleagues must not be the one the vault trusts its own files from (with
 * it, anyone who can write the vault folder could forge a file the vault would accept).
 */
function vaultIdentities(secret: Uint8Array): { storage: X25519Identity; sharing: X25519Identity } {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  const storageSecret = derive('habeas/v1/storage-identity');
  const sharingSecret = derive('habeas/v1/sharing-identity');
  const identities = {
    storage: identityFromSecret(storageSecret),
    sharing: identityFromSecret(sharingSecret),
  };
  storageSecret.fill(0);
  sharingSecret.fill(0);
  return identities;
}

async function newKdfParams(options: KdfOptions): Promise<KdfParams> {
  const cost = options.kdfCost ?? (await calibrateKdf());
  return { algorithm: 'argon2id', ...cost, salt: toBase64(randomBytes(16)) };
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

export async function createVault(
  dir: string,
  passphrase: string,
  options: KdfOptions = {},
): Promise<{ vaultId: string; recoveryKey: string }> {
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.includes(vaultHeaderFile))
    throw new HabeasError('VAULT_EXISTS', 'A vault already exists in this folder.');
  if (!(await isEmptyOrMissing(dir))) {
    throw new HabeasError('VALIDATION_FAILED', 'Choose an empty folder for a new vault.');
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const lock = await acquireVaultLock(dir);
  const secret = randomBytes(32);
  try {
    const header = {
      format: vaultFormat,
      version: currentVaultVersion,
      vaultId: randomUUID(),
    } as const;
    const kdf = await newKdfParams(options);
    const kek = await deriveKey(passphrase, kdf);
    const recovery = generateRecoveryKey();
    const full: VaultHeader = {
      ...header,
      createdAt: new Date().toISOString(),
      keyslots: {
        passphrase: sealPassphraseSlot(header, kek, kdf, secret),
        recovery: sealRecoverySlot(header, recovery.bytes, secret),
      },
    };
    kek.fill(0);
    recovery.bytes.fill(0);
    const { storage, sharing } = vaultIdentities(secret);
    await mkdir(join(dir, 'cases'), { recursive: true });
    const index = new Low(
      new EncryptedJsonFile(join(dir, vaultIndexFile), storage, vaultIndexSchema),
      emptyVaultIndex(new Date()),
    );
    await index.write();
    wipeSecretKey(storage.secretKey);
    wipeSecretKey(sharing.secretKey);
    // The header goes last: a crash before this point leaves no vault, not half of one.
    await writeVaultHeader(dir, full);
    return { vaultId: full.vaultId, recoveryKey: recovery.text };
  } finally {
    secret.fill(0);
    await lock.release();
  }
}

export type UnlockOptions = {
  /** false for `vault verify`, which must report a damaged index rather than stop at it. */
  readonly readIndex?: boolean;
};

async function openWithSecret(
  dir: string,
  header: VaultHeader,
  secret: Buffer,
  lock: VaultLock,
  options: UnlockOptions,
): Promise<UnlockedVault> {
  const { storage, sharing } = vaultIdentities(secret);
  // Kept (and wiped on close) only to seal a new passphrase slot.
  const rootSecret = Buffer.from(secret);
  secret.fill(0);
  await removeStaleTempFiles(dir);
  // The index was written when the vault was made: a missing one is damage, never "no cases".
  const index = new Low(
    new EncryptedJsonFile(join(dir, vaultIndexFile), storage, vaultIndexSchema, true),
    emptyVaultIndex(new Date()),
  );
  if (options.readIndex !== false) {
    const stored = await new EncryptedJsonFile(
      join(dir, vaultIndexFile),
      storage,
      anyVaultIndexSchema,
      true,
    ).read();
    if (stored === null) throw new HabeasError('INTEGRITY_FAILED', 'A vault file is missing.');
    index.data =
      stored.version === 1
        ? await migrateIndexV1(dir, stored, storage, (next) => index.adapter.write(next))
        : stored;
    await tidyCaseFolders(dir, new Set(index.data.cases.map((c) => c.id)));
  }
  let closed = false;
  const closeListeners: (() => void)[] = [];
  return {
    dir,
    vaultId: header.vaultId,
    identity: storage,
    sharing,
    recipient: encodeRecipient(sharing.publicKey),
    index,
    onClose: (listener) => void closeListeners.push(listener),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const listener of closeListeners) listener();
      wipeSecretKey(storage.secretKey);
      wipeSecretKey(sharing.secretKey);
      rootSecret.fill(0);
      await lock.release();
    },
    sealPassphrase: (binding, kek, kdf) => sealPassphraseSlot(binding, kek, kdf, rootSecret),
  };
}

/**
 * A case folder the index does not name: a case whose creation stopped before the index named
 * it, or whose deletion stopped after its key was dropped. Neither can ever be read again.
 */
async function tidyCaseFolders(dir: string, known: ReadonlySet<string>): Promise<void> {
  const names = await readdir(join(dir, 'cases')).catch(() => [] as string[]);
  for (const name of names) {
    if (!/^[0-9a-f-]{36}$/.test(name)) continue;
    if (known.has(name)) {
      await removeStaleTempFiles(join(dir, 'cases', name));
      await removeStaleTempFiles(join(dir, 'cases', name, 'blobs'));
    } else await rm(join(dir, 'cases', name), { recursive: true, force: true });
  }
}

/** Unlocks with the passphrase. A wrong passphrase changes nothing: WRONG_PASSPHRASE. */
export async function unlockVault(
  dir: string,
  passphrase: string,
  options: UnlockOptions = {},
): Promise<UnlockedVault> {
  const header = await readVaultHeader(dir);
  const lock = await acquireVaultLock(dir);
  try {
    const kek = await deriveKey(passphrase, header.keyslots.passphrase.kdf);
    const secret = openPassphraseSlot(slotBinding(header), kek, header.keyslots.passphrase);
    kek.fill(0);
    if (secret === null) throw new HabeasError('WRONG_PASSPHRASE', 'The passphrase is wrong.');
    return await openWithSecret(dir, header, secret, lock, options);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** True when the passphrase opens the vault's passphrase slot. Reads only; takes no lock. */
export async function checkPassphrase(dir: string, passphrase: string): Promise<boolean> {
  const header = await readVaultHeader(dir);
  const kek = await deriveKey(passphrase, header.keyslots.passphrase.kdf);
  const secret = openPassphraseSlot(slotBinding(header), kek, header.keyslots.passphrase);
  kek.fill(0);
  secret?.fill(0);
  return secret !== null;
}

/**
 * The sharing recipient (age1…), read without taking the lock: the app may have the vault open.
 * WRONG_PASSPHRASE when the passphrase does not open it.
 */
export async function readRecipient(dir: string, passphrase: string): Promise<string> {
  const header = await readVaultHeader(dir);
  const kek = await deriveKey(passphrase, header.keyslots.passphrase.kdf);
  const secret = openPassphraseSlot(slotBinding(header), kek, header.keyslots.passphrase);
  kek.fill(0);
  if (secret === null) throw new HabeasError('WRONG_PASSPHRASE', 'The passphrase is wrong.');
  const { storage, sharing } = vaultIdentities(secret);
  secret.fill(0);
  storage.secretKey.fill(0);
  sharing.secretKey.fill(0);
  return encodeRecipient(sharing.publicKey);
}

/** Unlocks with the recovery key shown at creation. */
export async function unlockWithRecoveryKey(
  dir: string,
  recoveryKey: string,
): Promise<UnlockedVault> {
  const keyBytes = parseRecoveryKey(recoveryKey);
  const header = await readVaultHeader(dir);
  const lock = await acquireVaultLock(dir);
  try {
    const secret = openRecoverySlot(slotBinding(header), keyBytes, header.keyslots.recovery);
    keyBytes.fill(0);
    if (secret === null)
      throw new HabeasError('WRONG_PASSPHRASE', 'The recovery key does not open this vault.');
    return await openWithSecret(dir, header, secret, lock, {});
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Rewrites the passphrase keyslot only: no content is re-encrypted, the recovery slot stays. */
export async function changePassphrase(
  vault: UnlockedVault,
  next: string,
  options: KdfOptions = {},
): Promise<void> {
  const header = await readVaultHeader(vault.dir);
  if (header.vaultId !== vault.vaultId)
    throw new HabeasError('INTEGRITY_FAILED', 'The vault header was replaced.');
  const kdf = await newKdfParams(options);
  const kek = await deriveKey(next, kdf);
  const passphrase = vault.sealPassphrase(slotBinding(header), kek, kdf);
  kek.fill(0);
  await writeVaultHeader(vault.dir, { ...header, keyslots: { ...header.keyslots, passphrase } });
}

/**
 * Both identities, as an age identity file: `age -d -i` with it opens every file of the vault
 * and every archive sent to the vault's recipient, without Habeas.
 */
export function exportIdentity(vault: UnlockedVault): string {
  return [
    `# Habeas vault ${vault.vaultId}`,
    '# storage identity: every file in the vault folder',
    encodeIdentity(vault.identity.secretKey),
    `# sharing identity: archives sent to ${vault.recipient}`,
    `# public key: ${vault.recipient}`,
    encodeIdentity(vault.sharing.secretKey),
    ...vault.index.data.cases.flatMap((entry) => [
      `# case ${entry.id}: every file in cases/${entry.id}/`,
      encodeIdentity(fromBase64(entry.secret)),
    ]),
    '',
  ].join('\n');
}
