import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CaseFile } from '../cases/case-file';
import { registerImportedCase } from '../cases/case-service';
import { type AgeIdentity, createDecryptStream, identityFromSecret } from '../crypto';
import { canonicalJson } from '../custody/canonical-json';
import { verifyCustodyLog } from '../custody/custody-log';
import { logCustody } from '../evidence/custody-entry';
import { HabeasError } from '../habeas-error';
import { BlobStore } from '../vault/blob-store';
import { Sha256Tap } from '../vault/hash-worker';
import type { UnlockedVault } from '../vault/vault';
import { caseDir } from '../vault/vault-index';
import { checkManifestAgainstCase, withBlobIds } from './archive-contents';
import type { Manifest } from './archive-format';
import { readArchive, type ReadArchive } from './read-archive';
import { createRecipientGate } from './recipient-gate';

/**
 * Import of a case archive (format: archive-format.ts), in two steps.
 *
 * stageImport reads the whole archive once, as it arrives: the age stream is authenticated
 * chunk by chunk, the tar is read strictly (tar-read.ts) with every name checked
 * (entry-names.ts) and every entry expected by the manifest, exactly once; each file is
 * encrypted as it streams into a staging folder, `cases/<random id>/`, to a fresh case key,
 * and its hash compared with the manifest's. Then the case data is checked against the
 * manifest (every blob it uses, no other) and its custody log against the manifest's head.
 * Nothing names the staging folder: the vault does not see it, and the next unlock removes it
 * if the process dies. Any failure removes it at once, so the vault is as it was, byte for byte.
 *
 * commitImport renames the folder to the case's id (a new one when the vault has that case
 * already: a copy, never an overwrite), logs the import, writes the case file and registers the
 * case in the index, last.
 */
export type ImportOptions = {
  /** Who may open the archive: the vault's sharing key, a passphrase, identity files. */
  readonly identities: readonly AgeIdentity[];
  readonly signal?: AbortSignal;
};

export type StagedImport = {
  readonly stagingId: string;
  /** The fresh case key the staged files are encrypted to; wiped on commit or discard. */
  readonly secret: Buffer;
  readonly manifest: Manifest;
  /** The case data, its blob ids already those of the staged files. */
  readonly data: CaseFile;
  readonly archiveSha256: string;
  readonly bytes: number;
};

/**
 * The passphrase of an archive, as an age identity. age writes work factor 18 (256 MiB, about
 * a second); an archive asking for more than 2^20 (1 GiB of memory) is refused rather than let
 * whoever made it take the machine's memory.
 */
export function passphraseIdentity(passphrase: string): AgeIdentity {
  return { kind: 'scrypt', passphrase, maxLogN: 20 };
}

export async function stageImport(
  vault: UnlockedVault,
  source: Readable | AsyncIterable<Buffer>,
  options: ImportOptions,
): Promise<StagedImport> {
  const stagingId = randomUUID();
  const folder = join(vault.dir, caseDir(stagingId));
  const secret = randomBytes(32);
  const identity = identityFromSecret(secret);
  const blobs = new BlobStore(join(folder, 'blobs'), identity);
  const archiveHash = new Sha256Tap();
  let read: ReadArchive | undefined;
  try {
    await mkdir(join(folder, 'blobs'), { recursive: true, mode: 0o700 });
    const stages = [
      source,
      archiveHash,
      createRecipientGate(options.identities),
      createDecryptStream(options.identities),
      async (plaintext: AsyncIterable<Buffer>) => {
        read = await readArchive(plaintext, vault.dir, blobs, options.signal);
      },
    ] as const;
    await (options.signal === undefined
      ? pipeline(...stages)
      : pipeline(...stages, { signal: options.signal }));
    if (read === undefined) throw new HabeasError('INTERNAL', 'The archive was not read.');
    const { manifest, data, newIds, bytes } = read;
    checkCase(manifest, data);
    return {
      stagingId,
      secret,
      manifest,
      data: withBlobIds(data, newIds),
      archiveSha256: await archiveHash.digest(),
      bytes,
    };
  } catch (error) {
    secret.fill(0);
    await rm(folder, { recursive: true, force: true });
    if (options.signal?.aborted === true) throw new HabeasError('CANCELLED', 'Cancelled.');
    throw error;
  } finally {
    identity.secretKey.fill(0);
  }
}

/** Whether a case of this id is, or was, in the vault: such an archive comes in as a copy. */
export function importsAsCopy(vault: UnlockedVault, caseId: string): boolean {
  const { cases, deletedCases } = vault.index.data;
  return cases.some((c) => c.id === caseId) || deletedCases.some((d) => d.id === caseId);
}

const commits = new WeakMap<UnlockedVault, Promise<unknown>>();

/** Puts a staged case in the vault; returns its id there. One commit at a time per vault. */
export function commitImport(
  vault: UnlockedVault,
  staged: StagedImport,
  actor: string,
): Promise<{ caseId: string; asCopy: boolean }> {
  const run = (commits.get(vault) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => commitNow(vault, staged, actor));
  commits.set(vault, run);
  return run;
}

async function commitNow(
  vault: UnlockedVault,
  staged: StagedImport,
  actor: string,
): Promise<{ caseId: string; asCopy: boolean }> {
  const originalId = staged.data.case.id;
  const asCopy =
    importsAsCopy(vault, originalId) || (await exists(join(vault.dir, caseDir(originalId))));
  const caseId = asCopy ? randomUUID() : originalId;
  const now = new Date();
  const data: CaseFile = {
    ...staged.data,
    case: { ...staged.data.case, id: caseId, updatedAt: now.toISOString() },
    custody: [...staged.data.custody],
  };
  logCustody(data, {
    action: 'import',
    subject: { kind: 'case', id: caseId },
    actor,
    at: now,
    details: {
      from: 'archive',
      sha256: staged.archiveSha256,
      senderHead: staged.manifest.custody.head,
      exportedAt: staged.manifest.exportedAt,
      ...(staged.manifest.exportedBy.recipient === undefined
        ? {}
        : { exportedBy: staged.manifest.exportedBy.recipient }),
      ...(asCopy ? { copyOf: originalId } : {}),
    },
  });
  const staging = join(vault.dir, caseDir(staged.stagingId));
  try {
    await rename(staging, join(vault.dir, caseDir(caseId)));
  } catch (error) {
    await discardImport(vault, staged);
    throw error;
  }
  try {
    await registerImportedCase(vault, data, staged.secret);
  } finally {
    staged.secret.fill(0);
  }
  return { caseId, asCopy };
}

/** Drops a staged import: its folder goes, its key is wiped. */
export async function discardImport(vault: UnlockedVault, staged: StagedImport): Promise<void> {
  staged.secret.fill(0);
  await rm(join(vault.dir, caseDir(staged.stagingId)), { recursive: true, force: true });
}

function checkCase(manifest: Manifest, data: CaseFile): void {
  if (canonicalJson(manifest.case) !== canonicalJson(data.case)) {
    throw new HabeasError('INTEGRITY_FAILED', 'The archive’s manifest does not match its case.');
  }
  const custody = verifyCustodyLog(data.custody, manifest.custody.head);
  if (!custody.ok || custody.entries !== manifest.custody.entries) {
    throw new HabeasError(
      'INTEGRITY_FAILED',
      'The archive’s custody log is broken or does not end at its stated head.',
    );
  }
  checkManifestAgainstCase(manifest, data);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
