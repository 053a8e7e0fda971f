import { createHash } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { caseFileSchema, type CaseFile } from '../cases/case-file';
import { HabeasError } from '../habeas-error';
import type { BlobStore } from '../vault/blob-store';
import {
  archiveLimits,
  caseDataPath,
  manifestPath,
  parseManifest,
  type Manifest,
  type ManifestFile,
} from './archive-format';
import { checkEntryName } from './entry-names';
import { readTar, refused } from './tar-read';

/**
 * Reads the tar of an archive against its manifest, as it streams: the manifest first (and
 * its declared sizes against the free disk space), then every entry it lists, exactly once,
 * each file stored in `blobs` as it arrives and its hash compared with the manifest's. Any
 * name, type, size or hash out of place stops the read with an error; the caller removes what
 * was stored.
 */

/** Room kept free on the disk beyond what the archive's files take. */
const diskMargin = 64 * 1024 * 1024;

export type ReadArchive = {
  readonly manifest: Manifest;
  readonly data: CaseFile;
  readonly newIds: Map<string, string>;
  readonly bytes: number;
};

export async function readArchive(
  plaintext: AsyncIterable<Buffer>,
  vaultDir: string,
  blobs: BlobStore,
  signal: AbortSignal | undefined,
): Promise<ReadArchive> {
  let manifest: Manifest | undefined;
  let expected = new Map<string, ManifestFile>();
  let directories = new Set<string>();
  let data: CaseFile | undefined;
  const seen = new Set<string>();
  const newIds = new Map<string, string>();
  let bytes = 0;
  for await (const entry of readTar(plaintext)) {
    const verdict = checkEntryName(entry.name, entry.type === 'directory');
    if (!verdict.ok) throw refused(verdict.reason);
    const { name } = verdict;
    if (seen.has(name)) throw refused('the same entry twice');
    seen.add(name);
    if (manifest === undefined) {
      if (entry.type !== 'file' || name !== manifestPath) {
        throw new HabeasError('UNSUPPORTED_FILE', 'This is not a Habeas case archive.');
      }
      if (entry.size > archiveLimits.manifestBytes) throw refused('an oversized manifest');
      manifest = parseManifest(await readWhole(entry.body, entry.size));
      await checkFreeSpace(vaultDir, manifest);
      expected = new Map(manifest.files.map((file) => [file.path, file]));
      directories = parentFolders(manifest.files.map((file) => file.path));
    } else if (entry.type === 'directory') {
      if (!directories.has(name)) throw refused('an entry its manifest does not list');
    } else if (name === caseDataPath) {
      if (entry.size !== manifest.data.size) throw sizeMismatch();
      const json = await readWhole(entry.body, entry.size);
      if (sha256(json) !== manifest.data.sha256) throw hashMismatch();
      data = parseCaseData(json);
    } else {
      const file = expected.get(name);
      if (file === undefined) throw refused('an entry its manifest does not list');
      if (entry.size !== file.size) throw sizeMismatch();
      const stored = await blobs.put(entry.body, signal);
      if (stored.sha256 !== file.sha256 || stored.size !== file.size) throw hashMismatch();
      newIds.set(file.blobId, stored.id);
      bytes += stored.size;
    }
  }
  if (manifest === undefined) {
    throw new HabeasError('UNSUPPORTED_FILE', 'This is not a Habeas case archive.');
  }
  if (data === undefined || newIds.size !== manifest.files.length) {
    throw new HabeasError('INTEGRITY_FAILED', 'The archive is incomplete: files are missing.');
  }
  return { manifest, data, newIds, bytes };
}

/** The case data must be the manifest's case, with the manifest's files and custody head. */
function parseCaseData(json: Buffer): CaseFile {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    value = undefined;
  }
  const parsed = caseFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new HabeasError('VALIDATION_FAILED', 'The archive’s case data is not valid.');
  }
  return parsed.data;
}

async function readWhole(body: AsyncIterable<Buffer>, size: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(size);
  let filled = 0;
  for await (const piece of body) filled += piece.copy(out, filled);
  return out.subarray(0, filled);
}

/** Every folder above the files: `tar c` of a folder lists them as entries of their own. */
function parentFolders(paths: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const path of paths) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      folders.add(segments.slice(0, depth).join('/'));
    }
  }
  return folders;
}

/** A tar bomb's declared sizes are refused before a byte of it is written. */
async function checkFreeSpace(vaultDir: string, manifest: Manifest): Promise<void> {
  const needed = manifest.files.reduce((sum, file) => sum + file.size, manifest.data.size);
  const disk = await statfs(vaultDir);
  if (needed + diskMargin > disk.bavail * disk.bsize) {
    throw new HabeasError(
      'DISK_FULL',
      'There is not enough free disk space for this archive. Nothing was imported.',
    );
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sizeMismatch(): HabeasError {
  return new HabeasError('INTEGRITY_FAILED', 'A file of the archive is not the size listed.');
}

function hashMismatch(): HabeasError {
  return new HabeasError('INTEGRITY_FAILED', 'A file of the archive does not match its hash.');
}
