import { z } from 'zod';
import { caseRecordSchema } from '../../../shared/domain';
import { HabeasError } from '../habeas-error';
import { checkEntryName } from './entry-names';

/**
 * A Habeas case archive, format version 1 (`*.habeas`): a standard age v1 file
 * (https://age-encryption.org/v1) to one or more X25519 recipients, or to one scrypt
 * passphrase, whose plaintext is a POSIX tar (tar-write.ts) of, in this order:
 *
 *   manifest.json                 what follows, and how to check it (schema below)
 *   case.json                     the case as the vault keeps it: the case record, evidence,
 *                                 persons, sources, charges, links, events, dossiers and the
 *                                 custody log, in JSON (UTF-8)
 *   originals/<evidence id>/<name>  each original file, byte for byte, under its own name
 *   text/<evidence id>.txt        text extracted at intake (UTF-8)
 *   stills/<evidence id>/<still id>.png  frames the lawyer captured from a video
 *   dossiers/<dossier id>/<name>  the PDFs of the dossiers built for the case
 *
 * manifest.json must be the first entry; the others may come in any order, and a folder above
 * a file may have an entry of its own (as `tar c manifest.json case.json originals` writes).
 * The manifest gives the SHA-256 and size of case.json and of every file, the blob id by which
 * case.json refers to the file, the head of the custody log, and who exported the case and
 * when. Anyone with a key can read it all with `age -d -i key.txt case.habeas | tar x`.
 * No search index or other derived cache is included: the importing vault builds its own.
 */
export const archiveFormat = 'habeas-case-archive';
export const archiveVersion = 1;
export const manifestPath = 'manifest.json';
export const caseDataPath = 'case.json';
export const archiveExtension = '.habeas';

/** Bounds an archive must keep before anything of it is stored (tar bombs). */
export const archiveLimits = {
  manifestBytes: 32 * 1024 * 1024,
  caseDataBytes: 256 * 1024 * 1024,
  files: 100_000,
  fileBytes: 2 ** 40,
} as const;

export const fileRoles = ['original', 'text', 'still', 'dossier'] as const;
export type FileRole = (typeof fileRoles)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const entryName = z
  .string()
  .max(400)
  .refine((name) => {
    const verdict = checkEntryName(name);
    return verdict.ok && verdict.name === name && name !== manifestPath && name !== caseDataPath;
  }, 'not a safe entry name');

export const manifestFileSchema = z
  .object({
    path: entryName,
    role: z.enum(fileRoles),
    /** How case.json refers to this file. */
    blobId: z.string().regex(/^[a-z2-7]{26}$/),
    sha256,
    size: z.number().int().nonnegative().max(archiveLimits.fileBytes),
  })
  .strict();
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(archiveFormat),
    version: z.literal(archiveVersion),
    case: caseRecordSchema,
    exportedAt: z.iso.datetime(),
    exportedBy: z
      .object({
        app: z.string().min(1).max(100),
        /** The sending vault's sharing recipient, so that a reply can go back to it. */
        recipient: z.string().max(100).optional(),
      })
      .strict(),
    custody: z.object({ head: sha256, entries: z.number().int().nonnegative() }).strict(),
    data: z
      .object({
        path: z.literal(caseDataPath),
        sha256,
        size: z.number().int().positive().max(archiveLimits.caseDataBytes),
      })
      .strict(),
    files: z.array(manifestFileSchema).max(archiveLimits.files),
  })
  .strict()
  .superRefine((manifest, context) => {
    const paths = new Set(manifest.files.map((f) => f.path.toLowerCase()));
    const blobs = new Set(manifest.files.map((f) => f.blobId));
    if (paths.size !== manifest.files.length || blobs.size !== manifest.files.length) {
      context.addIssue({ code: 'custom', message: 'duplicate files', path: ['files'] });
    }
  });
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * Parses manifest.json: UNSUPPORTED_FILE for another format or a newer version (so that a
 * lawyer is told to update Habeas), VALIDATION_FAILED for anything else that does not fit.
 */
export function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalidManifest();
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== archiveFormat) {
    throw new HabeasError('UNSUPPORTED_FILE', 'This is not a Habeas case archive.');
  }
  if (head.data.version !== archiveVersion) {
    throw new HabeasError(
      'UNSUPPORTED_FILE',
      'This archive was made by a newer version of Habeas. Update Habeas to import it.',
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw invalidManifest();
  return parsed.data;
}

function invalidManifest(): HabeasError {
  return new HabeasError('VALIDATION_FAILED', 'The archive’s manifest is not valid.');
}
