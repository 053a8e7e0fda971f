import { z } from 'zod';

/**
 * Evidence, persons and sources: what a case holds. The case file stores these records; the
 * contract sends them to the renderer as they are. Everything here is checked again when a case
 * file is read, so a record that does not parse is a damaged case, never a crash.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'ISO 8601');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const blobId = z.string().regex(/^[a-z2-7]{26}$/);

export const evidenceKinds = [
  'video',
  'article',
  'statement',
  'document',
  'image',
  'audio',
  'other',
] as const;
export const evidenceKindSchema = z.enum(evidenceKinds);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** Admiralty scale: A completely reliable … E unreliable, F cannot be judged. */
export const reliabilityGrades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const reliabilitySchema = z.enum(reliabilityGrades);
export type Reliability = z.infer<typeof reliabilitySchema>;

/** Admiralty scale: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const credibilitySchema = z.number().int().min(1).max(6);
export type Credibility = z.infer<typeof credibilitySchema>;

/**
 * What could not be read from a file at intake. The original is kept whatever the note says:
 * a lawyer keeps what they received.
 */
export const intakeNoteCodes = [
  'password-protected',
  'damaged',
  'unsupported-format',
  'too-large-to-analyse',
  'no-text',
  'analysis-failed',
] as const;
export const intakeNoteSchema = z
  .object({ code: z.enum(intakeNoteCodes), detail: z.string().max(500).optional() })
  .strict();
export type IntakeNote = z.infer<typeof intakeNoteSchema>;

/** Technical metadata read at intake with parsers of each format; every field is optional. */
export const technicalMetadataSchema = z
  .object({
    /** The format as detected from the bytes (not the name): e.g. "MP4", "WebM", "PDF 1.7". */
    format: z.string().max(100).optional(),
    capturedAt: z.string().max(40).optional(),
    createdAt: z.string().max(40).optional(),
    modifiedAt: z.string().max(40).optional(),
    gps: z
      .object({ latitude: z.number(), longitude: z.number(), altitude: z.number().optional() })
      .strict()
      .optional(),
    device: z.string().max(300).optional(),
    software: z.string().max(300).optional(),
    width: z.number().int().nonnegative().optional(),
    height: z.number().int().nonnegative().optional(),
    orientation: z.number().int().optional(),
    durationSeconds: z.number().nonnegative().optional(),
    frameRate: z.number().nonnegative().optional(),
    videoCodecs: z.array(z.string().max(100)).max(16).optional(),
    audioCodecs: z.array(z.string().max(100)).max(16).optional(),
    sampleRate: z.number().nonnegative().optional(),
    channels: z.number().int().nonnegative().optional(),
    bitrate: z.number().nonnegative().optional(),
    pageCount: z.number().int().nonnegative().optional(),
    title: z.string().max(1000).optional(),
    author: z.string().max(1000).optional(),
    subject: z.string().max(1000).optional(),
    keywords: z.string().max(1000).optional(),
    creator: z.string().max(1000).optional(),
    producer: z.string().max(1000).optional(),
    language: z.string().max(40).optional(),
    encrypted: z.boolean().optional(),
    /** The XMP packet of a PDF or image, as found (cut at 20,000 characters). */
    xmp: z.string().max(20_000).optional(),
    /** Other EXIF tags worth showing, name → value as text. */
    exif: z.record(z.string().max(100), z.string().max(1000)).optional(),
  })
  .strict();
export type TechnicalMetadata = z.infer<typeof technicalMetadataSchema>;

/** The original file as received: stored byte for byte as an encrypted blob. */
export const evidenceFileSchema = z
  .object({
    blobId,
    name: z.string().min(1).max(1000),
    mimeType: z.string().min(1).max(200),
    size: z.number().int().nonnegative(),
    sha256,
  })
  .strict();
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const momentSchema = z
  .object({ id, at: z.number().nonnegative(), note: z.string().max(5000) })
  .strict();
export type Moment = z.infer<typeof momentSchema>;

/** A frame the lawyer captured from a video: a derived encrypted PNG. */
export const stillSchema = z
  .object({
    id,
    at: z.number().nonnegative(),
    blobId,
    sha256,
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    note: z.string().max(5000).optional(),
  })
  .strict();
export type Still = z.infer<typeof stillSchema>;

export const translationSchema = z
  .object({
    language: text(40),
    text: z.string().max(2_000_000),
    translator: z.string().trim().max(200).optional(),
    method: z.enum(['human', 'machine']),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type Translation = z.infer<typeof translationSchema>;

export const statementFieldsSchema = z
  .object({
    witness: z.string().trim().max(300).optional(),
    witnessPersonId: id.optional(),
    takenAt: isoDate.optional(),
    place: z.string().trim().max(300).optional(),
    takenBy: z.string().trim().max(300).optional(),
    /** The statement's text: typed, or extracted from an imported document and then edited. */
    text: z.string().max(2_000_000),
  })
  .strict();
export type StatementFields = z.infer<typeof statementFieldsSchema>;

export const articleFieldsSchema = z
  .object({
    outlet: z.string().trim().max(300).optional(),
    author: z.string().trim().max(300).optional(),
    url: z.string().trim().max(2000).optional(),
    published: isoDate.optional(),
    /** Readability's cleaned article HTML is not kept; its text is the derived text. */
    excerpt: z.string().max(2000).optional(),
  })
  .strict();
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

/** What a lawyer can edit on an item (every field optional; absent means unchanged). */
export const evidenceFieldsSchema = z
  .object({
    title: text(500),
    sourceId: id.nullable(),
    url: z.string().trim().max(2000).nullable(),
    eventDate: isoDate.nullable(),
    published: isoDate.nullable(),
    obtained: isoDate.nullable(),
    obtainedBy: z.string().trim().max(300).nullable(),
    language: z.string().trim().max(40).nullable(),
    credibility: credibilitySchema,
    tags: z.array(text(100)).max(100),
    personIds: z.array(id).max(500),
    derivedFrom: z.array(id).max(500),
    notes: z.string().max(20_000),
    statement: statementFieldsSchema.partial().strict(),
    article: articleFieldsSchema,
  })
  .partial()
  .strict();
export type EvidenceFields = z.infer<typeof evidenceFieldsSchema>;

export const evidenceRecordSchema = z
  .object({
    id,
    kind: evidenceKindSchema,
    title: text(500),
    /** Absent for a statement typed into Habeas. */
    file: evidenceFileSchema.optional(),
    sourceId: id.optional(),
    url: z.string().max(2000).optional(),
    eventDate: isoDate.optional(),
    published: isoDate.optional(),
    obtained: isoDate.optional(),
    obtainedBy: z.string().max(300).optional(),
    language: z.string().max(40).optional(),
    credibility: credibilitySchema,
    tags: z.array(z.string().max(100)).max(100),
    personIds: z.array(id).max(500),
    /** Items this one repeats or was made from: a report that shows a video derives from it. */
    derivedFrom: z.array(id).max(500),
    notes: z.string().max(20_000).optional(),
    metadata: technicalMetadataSchema,
    intakeNotes: z.array(intakeNoteSchema).max(20),
    /** Text extracted for search and reading, as a derived encrypted blob. */
    textBlob: z.object({ blobId, chars: z.number().int().nonnegative() }).strict().optional(),
    statement: statementFieldsSchema.optional(),
    article: articleFieldsSchema.optional(),
    translation: translationSchema.optional(),
    moments: z.array(momentSchema).max(10_000),
    stills: z.array(stillSchema).max(1000),
    addedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

export const personRoles = [
  'client',
  'witness',
  'relative',
  'officer',
  'investigator',
  'prosecutor',
  'judge',
  'journalist',
  'lawyer',
  'expert',
  'other',
] as const;
export const personRoleSchema = z.enum(personRoles);
export type PersonRole = z.infer<typeof personRoleSchema>;

/** How a variant came to be: typed, printed by a source, or generated by a romanisation system. */
/** Spellings a person typed or a source printed. */
export const writtenVariantOrigins = ['original', 'source', 'manual'] as const;
/** Spellings Habeas generates, one per romanisation system, in the order they are shown. */
export const generatedVariantOrigins = [
  'iso9',
  'gost-b',
  'bgn-pcgn',
  'passport',
  'simplified',
  'cyrillic',
] as const;
export const variantOrigins = [...writtenVariantOrigins, ...generatedVariantOrigins] as const;
export const nameVariantSchema = z
  .object({
    text: text(300),
    origin: z.enum(variantOrigins),
    script: z.enum(['cyrillic', 'latin', 'other']),
    /** For a variant a source printed: the evidence item that printed it. */
    evidenceId: id.optional(),
  })
  .strict();
export type NameVariant = z.infer<typeof nameVariantSchema>;

export const personRecordSchema = z
  .object({
    id,
    displayName: text(300),
    variants: z.array(nameVariantSchema).max(200),
    role: personRoleSchema,
    protected: z.boolean(),
    pseudonym: text(300).optional(),
    notes: z.string().max(20_000).optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict()
  .refine((p) => !p.protected || p.pseudonym !== undefined, {
    message: 'A protected witness needs a pseudonym.',
    path: ['pseudonym'],
  });
export type PersonRecord = z.infer<typeof personRecordSchema>;

export const personInputSchema = z
  .object({
    name: text(300),
    variants: z.array(text(300)).max(100).default([]),
    role: personRoleSchema.optional(),
    protected: z.boolean().optional(),
    pseudonym: text(300).optional(),
    notes: z.string().max(20_000).optional(),
    /** The item a source-printed variant came from. */
    evidenceId: id.optional(),
  })
  .strict();
export type PersonInput = z.input<typeof personInputSchema>;

export const sourceRecordSchema = z
  .object({
    id,
    name: text(300),
    url: z.string().trim().max(2000).optional(),
    reliability: reliabilitySchema,
    notes: z.string().max(20_000).optional(),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

export const sourceInputSchema = z
  .object({
    name: text(300),
    url: z.string().trim().max(2000).optional(),
    reliability: reliabilitySchema.default('F'),
    notes: z.string().max(20_000).optional(),
  })
  .strict();
export type SourceInput = z.input<typeof sourceInputSchema>;

/** What comes with a file at intake (CLI flags, the intake form); all optional. */
export const intakeFieldsSchema = z
  .object({
    kind: evidenceKindSchema,
    title: text(500).optional(),
    sourceId: id.optional(),
    /** A source by name: found, or created with reliability F. */
    sourceName: text(300).optional(),
    url: z.string().trim().max(2000).optional(),
    eventDate: isoDate.optional(),
    published: isoDate.optional(),
    obtained: isoDate.optional(),
    obtainedBy: z.string().trim().max(300).optional(),
    language: z.string().trim().max(40).optional(),
    credibility: credibilitySchema.optional(),
    tags: z.array(text(100)).max(100).optional(),
    witness: z.string().trim().max(300).optional(),
    taken: isoDate.optional(),
    place: z.string().trim().max(300).optional(),
    takenBy: z.string().trim().max(300).optional(),
  })
  .strict();
export type IntakeFields = z.infer<typeof intakeFieldsSchema>;

export { blobId as blobIdSchema, isoDate as isoDateSchema, sha256 as sha256Schema };

/** One row of the evidence library: enough to filter and sort 10,000 items without their text. */
export const evidenceSummarySchema = evidenceRecordSchema
  .pick({
    id: true,
    kind: true,
    title: true,
    sourceId: true,
    eventDate: true,
    published: true,
    obtained: true,
    language: true,
    credibility: true,
    tags: true,
    personIds: true,
    derivedFrom: true,
    addedAt: true,
    updatedAt: true,
  })
  .extend({
    fileName: z.string().max(1000).optional(),
    mimeType: z.string().max(200).optional(),
    size: z.number().int().nonnegative().optional(),
    sha256: sha256.optional(),
    /** Linked to at least one charge element (filled once charges exist). */
    linked: z.boolean(),
    hasIntakeNotes: z.boolean(),
  });
export type EvidenceSummary = z.infer<typeof evidenceSummarySchema>;
