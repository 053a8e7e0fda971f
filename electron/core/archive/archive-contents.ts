import type { CaseFile } from '../cases/case-file';
import { HabeasError } from '../habeas-error';
import type { FileRole, Manifest } from './archive-format';
import { safeFileName } from './entry-names';

/**
 * The files of a case, as an archive carries them: every blob the case file refers to (an
 * item's original, its extracted text and stills, each dossier's PDFs), with the path it gets
 * in the tar and whatever the records say of its hash and size.
 */
export type BlobReference = {
  readonly blobId: string;
  readonly role: FileRole;
  readonly path: string;
  readonly sha256?: string;
  readonly size?: number;
};

/** Each blob once, in the case's order, with a path unique even on a case-blind file system. */
export function caseBlobReferences(data: CaseFile): BlobReference[] {
  const references: BlobReference[] = [];
  const seenBlobs = new Set<string>();
  const takenPaths = new Set<string>();
  for (const use of blobUses(data)) {
    if (seenBlobs.has(use.blobId)) continue;
    seenBlobs.add(use.blobId);
    const path = uniquePath(use.path, takenPaths);
    takenPaths.add(path.toLowerCase());
    references.push({ ...use, path });
  }
  return references;
}

/** Every place the case data refers to a blob (a blob referred to twice comes twice). */
function* blobUses(data: CaseFile): Generator<BlobReference> {
  for (const item of data.evidence) {
    if (item.file !== undefined) {
      const { blobId, name, sha256, size } = item.file;
      const path = `originals/${item.id}/${safeFileName(name)}`;
      yield { blobId, role: 'original', path, sha256, size };
    }
    if (item.textBlob !== undefined) {
      yield { blobId: item.textBlob.blobId, role: 'text', path: `text/${item.id}.txt` };
    }
    for (const still of item.stills) {
      const path = `stills/${item.id}/${still.id}.png`;
      yield { blobId: still.blobId, role: 'still', path, sha256: still.sha256 };
    }
  }
  for (const dossier of data.dossiers) {
    for (const file of dossier.files) {
      const path = `dossiers/${dossier.id}/${safeFileName(file.name)}`;
      yield { blobId: file.blobId, role: 'dossier', path, sha256: file.sha256, size: file.size };
    }
  }
}

function uniquePath(path: string, taken: ReadonlySet<string>): string {
  if (!taken.has(path.toLowerCase())) return path;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const stem = dot > slash + 1 ? path.slice(0, dot) : path;
  const extension = dot > slash + 1 ? path.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Checks that the manifest's files are exactly the blobs the case data refers to, each with the
 * role, hash and size the records give: no file the case does not use, none it uses missing.
 */
export function checkManifestAgainstCase(manifest: Manifest, data: CaseFile): void {
  const listed = new Map(manifest.files.map((file) => [file.blobId, file]));
  const referenced = new Set<string>();
  const mismatch = (): HabeasError =>
    new HabeasError('INTEGRITY_FAILED', 'The archive’s manifest does not match its case data.');
  for (const reference of blobUses(data)) {
    const file = listed.get(reference.blobId);
    if (file === undefined || file.role !== reference.role) throw mismatch();
    if (reference.sha256 !== undefined && reference.sha256 !== file.sha256) throw mismatch();
    if (reference.size !== undefined && reference.size !== file.size) throw mismatch();
    referenced.add(reference.blobId);
  }
  if (referenced.size !== listed.size) throw mismatch();
}

/** The case data with every blob id replaced by the one the importing vault stored it under. */
export function withBlobIds(data: CaseFile, newIds: ReadonlyMap<string, string>): CaseFile {
  const to = (blobId: string): string => {
    const id = newIds.get(blobId);
    if (id === undefined)
      throw new HabeasError('INTERNAL', 'A file of the archive was not stored.');
    return id;
  };
  return {
    ...data,
    evidence: data.evidence.map((item) => ({
      ...item,
      ...(item.file === undefined ? {} : { file: { ...item.file, blobId: to(item.file.blobId) } }),
      ...(item.textBlob === undefined
        ? {}
        : { textBlob: { ...item.textBlob, blobId: to(item.textBlob.blobId) } }),
      stills: item.stills.map((still) => ({ ...still, blobId: to(still.blobId) })),
    })),
    dossiers: data.dossiers.map((dossier) => ({
      ...dossier,
      files: dossier.files.map((file) => ({ ...file, blobId: to(file.blobId) })),
    })),
  };
}
