import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ArchiveProtection } from '../../../shared/archive';
import { missingCase } from '../../../shared/errors';
import { changeCase, readCase, resolveCaseId } from '../cases/case-service';
import { caseStore } from '../cases/case-store';
import { type AgeRecipient, decodeRecipient } from '../crypto';
import { verifyCustodyLog } from '../custody/custody-log';
import { logCustody } from '../evidence/custody-entry';
import { HabeasError } from '../habeas-error';
import { asDiskError } from '../vault/atomic-write';
import type { UnlockedVault } from '../vault/vault';
import { appVersion } from '../version';
import { caseBlobReferences } from './archive-contents';
import {
  archiveExtension,
  archiveFormat,
  archiveVersion,
  caseDataPath,
  manifestPath,
  type Manifest,
  type ManifestFile,
} from './archive-format';
import { SealToFile } from './seal-thread';
import { writeTar, type TarFile } from './tar-write';

/**
 * Export of a case as an archive (format: archive-format.ts). One pass, streamed: each file is
 * decrypted from its blob chunk by chunk and framed in the tar on this thread, then encrypted to
 * the archive's recipients, hashed and written on another (seal-thread.ts), so memory stays at a
 * few megabytes whatever the size of the case.
 *
 * The files are not hashed again on the way out: each blob is authenticated chunk by chunk as
 * it is decrypted (a changed byte stops the export), its size is checked against its record,
 * and the importing side hashes every file against the manifest before it keeps anything. What
 * is hashed is the archive itself, for the lawyer to compare with the recipient.
 */
export type ExportOptions = {
  readonly protection: ArchiveProtection;
  readonly actor: string;
  readonly signal?: AbortSignal;
  /** File bytes written so far, of the total; called often. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The passphrase's scrypt work factor (log2 N); age's default unless a test lowers it. */
  readonly scryptLogN?: number;
};

export type ArchiveOutcome = {
  /** SHA-256 of the archive file, as it was written. */
  readonly sha256: string;
  readonly files: number;
  readonly size: number;
  readonly custodyHead: string;
};

/** Everything an archive will hold, checked and listed; its tar is streamed when asked for. */
type PreparedArchive = {
  readonly recipients: AgeRecipient[];
  readonly files: number;
  readonly custodyHead: string;
  /** The archive's plaintext, a tar; reports progress as it goes. */
  readonly tar: () => AsyncIterable<Buffer>;
};

async function prepareArchive(
  vault: UnlockedVault,
  caseIdOrPrefix: string,
  options: ExportOptions,
): Promise<PreparedArchive> {
  const caseId = resolveCaseId(vault, caseIdOrPrefix);
  const recipients = ageRecipients(options.protection, options.scryptLogN);
  // A snapshot: the lawyer may go on working on the case while a long export runs.
  const data = structuredClone(await readCase(vault, caseId));
  const custody = verifyCustodyLog(data.custody);
  if (!custody.ok) {
    throw new HabeasError('INTEGRITY_FAILED', 'The case’s custody log is broken: not exported.');
  }
  const blobs = caseStore(vault).blobs(caseId);
  const files: ManifestFile[] = [];
  for (const reference of caseBlobReferences(data)) {
    const { blobId, role, path } = reference;
    const file = await blobs.open(blobId);
    const size = file.plaintextSize;
    await file.close();
    if (reference.size !== undefined && reference.size !== size) {
      throw new HabeasError('INTEGRITY_FAILED', 'A stored file is not the size its record gives.');
    }
    // Only extracted text has no hash in its record; it is small.
    const sha256 = reference.sha256 ?? (await blobs.verify(blobId)).sha256;
    files.push({ path, role, blobId, sha256, size });
  }
  const caseData = Buffer.from(JSON.stringify(data), 'utf8');
  const manifest: Manifest = {
    format: archiveFormat,
    version: archiveVersion,
    case: data.case,
    exportedAt: new Date().toISOString(),
    exportedBy: { app: `Habeas ${appVersion}`, recipient: vault.recipient },
    custody: { head: custody.head, entries: custody.entries },
    data: {
      path: caseDataPath,
      sha256: createHash('sha256').update(caseData).digest('hex'),
      size: caseData.length,
    },
    files,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const inMemory = (name: string, bytes: Buffer): TarFile => ({
    name,
    size: bytes.length,
    body: () => [bytes],
  });
  const entries: TarFile[] = [
    inMemory(manifestPath, manifestBytes),
    inMemory(caseDataPath, caseData),
    ...files.map((file) => ({
      name: file.path,
      size: file.size,
      // The blob's chunks, each authenticated as it is read (the reader reads a batch ahead).
      body: () => blobs.chunks(file.blobId),
    })),
  ];
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  return {
    recipients,
    files: files.length,
    custodyHead: custody.head,
    tar: () => {
      let done = 0;
      options.onProgress?.(0, total);
      const tar = writeTar(entries, new Date(manifest.exportedAt), (bytes) => {
        done += bytes;
        options.onProgress?.(done, total);
      });
      return tar;
    },
  };
}

/** Runs a pipeline that a cancel may stop: CANCELLED then, whatever broke first. */
async function cancellable(
  signal: AbortSignal | undefined,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (signal?.aborted === true) throw new HabeasError('CANCELLED', 'Cancelled.');
    throw error;
  }
}

/** The custody entry of an export: on the case, with the archive's hash and who can open it. */
export async function recordExport(
  vault: UnlockedVault,
  caseId: string,
  outcome: ArchiveOutcome,
  protection: ArchiveProtection,
  actor: string,
): Promise<void> {
  await changeCase(vault, caseId, (data, now) =>
    logCustody(data, {
      action: 'export',
      subject: { kind: 'case', id: data.case.id },
      actor,
      at: now,
      details: {
        to: 'archive',
        sha256: outcome.sha256,
        files: outcome.files,
        custodyHead: outcome.custodyHead,
        ...(protection.kind === 'recipients'
          ? recipientDetails([...new Set(protection.recipients)])
          : { passphrase: true }),
      },
    }),
  );
}

/** Who an archive was for, within what a custody entry's detail may hold (30 keys and a count). */
function recipientDetails(recipients: readonly string[]): Record<string, string | number> {
  return { recipients: recipients.length, keys: recipients.slice(0, 30).join(' ') };
}

/**
 * Exports to a file: written beside it under a temporary name and renamed into place once
 * whole, so a failed or cancelled export leaves nothing. Logged in the case's custody.
 */
export async function exportCaseArchive(
  vault: UnlockedVault,
  caseIdOrPrefix: string,
  outPath: string,
  options: ExportOptions & { readonly overwrite?: boolean },
): Promise<ArchiveOutcome> {
  const caseId = resolveCaseId(vault, caseIdOrPrefix);
  if (options.overwrite !== true && (await exists(outPath))) {
    throw new HabeasError('VALIDATION_FAILED', 'The output file exists already; choose another.');
  }
  const temp = join(
    dirname(outPath),
    `.${basename(outPath)}.${randomBytes(6).toString('hex')}.part`,
  );
  const outcome = await writeArchiveFile(vault, caseId, temp, options);
  try {
    await rename(temp, outPath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await recordExport(vault, caseId, outcome, options.protection, options.actor);
  return outcome;
}

/**
 * Writes the archive to `path` (a new file), sealed and hashed on a thread of its own
 * (seal-thread.ts), and syncs it; a failure removes the file. Nothing is logged.
 */
export async function writeArchiveFile(
  vault: UnlockedVault,
  caseId: string,
  path: string,
  options: ExportOptions,
): Promise<ArchiveOutcome> {
  const prepared = await prepareArchive(vault, caseId, options);
  const handle = await open(path, 'wx', 0o600);
  try {
    const sealer = new SealToFile(handle.fd, prepared.recipients);
    const { signal } = options;
    await cancellable(signal, () =>
      signal === undefined
        ? pipeline(prepared.tar(), sealer)
        : pipeline(prepared.tar(), sealer, { signal }),
    );
    await handle.sync();
    await handle.close();
    const { sha256, size } = sealer.sealed;
    return { sha256, size, files: prepared.files, custodyHead: prepared.custodyHead };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw asDiskError(error);
  }
}

/** A file name that says what the file is without naming the case or the client. */
export function archiveFileName(now: Date = new Date()): string {
  return `habeas-case-${now.toISOString().slice(0, 10)}${archiveExtension}`;
}

function ageRecipients(protection: ArchiveProtection, logN: number | undefined): AgeRecipient[] {
  switch (protection.kind) {
    case 'recipients':
      return [...new Set(protection.recipients)].map((recipient) => ({
        kind: 'x25519',
        publicKey: decodeRecipient(recipient),
      }));
    case 'passphrase':
      // Not normalised (no NFC): age hashes the passphrase's bytes as typed, and so must we.
      return [
        {
          kind: 'scrypt',
          passphrase: protection.passphrase,
          ...(logN === undefined ? {} : { logN }),
        },
      ];
    default:
      return missingCase(protection);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
