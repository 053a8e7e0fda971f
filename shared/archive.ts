import { z } from 'zod';
import { caseRecordSchema, newPassphraseSchema, passphraseSchema } from './domain';
import { errorCodes } from './errors';

/**
 * Encrypted case archives (issue 7): the vault's sharing identity, the contacts a lawyer sends
 * archives to, an export's progress and an import's summary. The archive format itself is
 * core's (electron/core/archive/archive-format.ts).
 */

/** bech32's 32 characters: what follows "age1" in an X25519 recipient (52 of data, 6 of checksum). */
const bech32Chars = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const recipientPattern = new RegExp(`^age1[${bech32Chars}]{58}$`);

/** An age X25519 recipient as typed or pasted; core also checks its checksum. */
export const recipientSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(recipientPattern, 'An age recipient: age1 followed by 58 letters and digits');

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

/** How a fingerprint is read aloud: groups of five digits, the same for both people. */
export const fingerprintSchema = z.array(z.string().regex(/^\d{5}$/)).length(6);

export const sharingIdentitySchema = z.object({
  recipient: z.string(),
  fingerprint: fingerprintSchema,
  /** The recipient as a QR code, an SVG document (no script: made by core from the recipient only). */
  qrSvg: z.string().max(200_000),
});
export type SharingIdentity = z.infer<typeof sharingIdentitySchema>;

const contactName = z.string().trim().min(1).max(200);
const contactNote = z.string().trim().max(2000);

/** A colleague's recipient, as the encrypted vault index keeps it. */
export const contactRecordSchema = z
  .object({
    id: z.uuid(),
    name: contactName,
    recipient: recipientSchema,
    note: contactNote.optional(),
    addedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type ContactRecord = z.infer<typeof contactRecordSchema>;

export const contactViewSchema = contactRecordSchema.extend({ fingerprint: fingerprintSchema });
export type ContactView = z.infer<typeof contactViewSchema>;

export const contactInputSchema = z
  .object({ name: contactName, recipient: recipientSchema, note: contactNote.optional() })
  .strict();
export type ContactInput = z.input<typeof contactInputSchema>;

/** Who can open an archive: one or more recipients, or one passphrase (never both: age forbids it). */
export const archiveProtectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('recipients'),
      recipients: z.array(recipientSchema).min(1).max(50),
    })
    .strict(),
  z.object({ kind: z.literal('passphrase'), passphrase: newPassphraseSchema }).strict(),
]);
export type ArchiveProtection = z.infer<typeof archiveProtectionSchema>;

export const archiveExportRequestSchema = z
  .object({ caseId: z.uuid(), protection: archiveProtectionSchema })
  .strict();
export type ArchiveExportRequest = z.infer<typeof archiveExportRequestSchema>;

/** What an export produced: the archive's own SHA-256 (to compare aloud), its files and size. */
export const archiveExportResultSchema = z.object({
  sha256,
  files: count,
  size: count,
  /** The name offered when saving; it does not reveal the case. */
  fileName: z.string().min(1).max(200),
});
export type ArchiveExportResult = z.infer<typeof archiveExportResultSchema>;

/**
 * An export job: `file` when core writes where the lawyer chose (a native save dialog),
 * `download` when the renderer fetches the finished archive in pieces (browser mode).
 */
export const archiveDeliverySchema = z.enum(['file', 'download']);

export const archiveJobSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  delivery: archiveDeliverySchema,
  /** Bytes of the case's files written so far, of `total`. */
  done: count,
  total: count,
  result: archiveExportResultSchema.optional(),
  error: z.object({ code: z.enum(errorCodes), message: z.string() }).optional(),
});
export type ArchiveJob = z.infer<typeof archiveJobSchema>;

/** Pieces of an archive between core and the renderer: 4 MiB, base64 in JSON. */
export const archivePieceSize = 4 * 1024 * 1024;
const base64Piece = z.base64().max(Math.ceil(archivePieceSize / 3) * 4);

export const archivePieceSchema = z.object({ bytes: base64Piece, size: count });

export const archiveImportBeginSchema = z
  .object({
    size: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    /** For an archive protected by a passphrase; without it, the vault's own key opens it. */
    passphrase: passphraseSchema.optional(),
  })
  .strict();

export const archiveImportPieceSchema = z
  .object({
    importId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
    offset: count,
    bytes: base64Piece,
  })
  .strict();

/** What a verified archive holds, shown before the lawyer accepts it. Nothing is in the vault yet. */
export const archiveImportSummarySchema = z.object({
  importId: z.string(),
  case: caseRecordSchema,
  /** A case with this id is already in the vault: the archive comes in as a copy with a new id. */
  asCopy: z.boolean(),
  counts: z.object({
    evidence: count,
    persons: count,
    charges: count,
    events: count,
    files: count,
  }),
  /** Bytes of the case's files. */
  bytes: count,
  exportedAt: z.string(),
  exportedBy: z.object({ recipient: z.string().optional(), app: z.string() }),
  /** The contact whose recipient the sender named as theirs (a claim: age does not sign). */
  senderContact: z.string().nullable(),
  custody: z.object({ head: sha256, entries: count }),
  archiveSha256: sha256,
});
export type ArchiveImportSummary = z.infer<typeof archiveImportSummarySchema>;
