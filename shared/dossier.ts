import { z } from 'zod';
import { errorCodes } from './errors';

/**
 * The court-ready PDF dossier (issue 6): what the lawyer asks for, and what a build produced.
 * Profiles name where the dossier is filed; each has checks that run before a file is written.
 */
export const dossierProfiles = ['generic', 'echr', 'uk-bundle'] as const;
export const dossierProfileSchema = z.enum(dossierProfiles);
export type DossierProfile = z.infer<typeof dossierProfileSchema>;

export const dossierLanguages = ['en', 'ru'] as const;
export type DossierLanguage = (typeof dossierLanguages)[number];

/** Letters, digits, "-" and "_": a Bates prefix ends up on every page and in file names. */
export const batesPrefixSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{0,12}$/, 'Letters, digits, - and _ only, at most 12');

export const dossierRequestSchema = z
  .object({
    caseId: z.uuid(),
    /** The title of the filing on the cover, e.g. "Application for release on bail". */
    filingTitle: z.string().trim().min(1).max(300),
    /** The date on the cover (ISO date); today when absent. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** The charges to analyse, in this order; all of the case's charges when absent. */
    chargeIds: z.array(z.uuid()).max(200).optional(),
    /** The exhibits, in this order; every item of the case (oldest first) when absent. */
    exhibitIds: z.array(z.uuid()).max(20_000).optional(),
    profile: dossierProfileSchema.default('generic'),
    batesPrefix: batesPrefixSchema.default('HAB'),
    /** Protected witnesses by pseudonym everywhere; items not chosen are listed as withheld. */
    disclosure: z.boolean().default(false),
    /** The language of the dossier's own text (headings, labels, certificate). */
    language: z.enum(dossierLanguages).default('en'),
  })
  .strict();
export type DossierRequest = z.output<typeof dossierRequestSchema>;
export type DossierRequestInput = z.input<typeof dossierRequestSchema>;

/** Why an exhibit is a slip sheet rather than its own pages. */
export const exhibitProblemCodes = [
  'password-protected',
  'damaged',
  'unsupported',
  'integrity-failed',
  'no-file',
  /** Disclosure: a file that may name a protected witness, reproduced as redacted text or withheld. */
  'redacted',
] as const;
export const exhibitProblemSchema = z.object({
  evidenceId: z.uuid(),
  exhibit: z.string(),
  code: z.enum(exhibitProblemCodes),
});
export type ExhibitProblem = z.infer<typeof exhibitProblemSchema>;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const dossierFileSchema = z.object({
  /** The file name offered when saving: ASCII for the ECHR profile. */
  name: z.string().min(1).max(200),
  blobId: z.string().regex(/^[a-z2-7]{26}$/),
  pages: z.number().int().positive(),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  /** First and last Bates numbers in this volume. */
  firstBates: z.string(),
  lastBates: z.string(),
});
export type DossierFile = z.infer<typeof dossierFileSchema>;

/** A built dossier as the case keeps it: its files are encrypted blobs of the case. */
export const dossierRecordSchema = z.object({
  id: z.uuid(),
  builtAt: z.string(),
  builtBy: z.string().max(200),
  filingTitle: z.string(),
  profile: dossierProfileSchema,
  disclosure: z.boolean(),
  language: z.enum(dossierLanguages),
  batesPrefix: z.string(),
  exhibits: z.number().int().nonnegative(),
  files: z.array(dossierFileSchema).min(1),
  problems: z.array(exhibitProblemSchema),
});
export type DossierRecord = z.infer<typeof dossierRecordSchema>;

/** A dossier as the renderer sees it: each file with a URL to preview or save it. */
export const dossierViewSchema = dossierRecordSchema.extend({
  files: z.array(dossierFileSchema.extend({ url: z.string() })),
});
export type DossierView = z.infer<typeof dossierViewSchema>;

export const dossierStages = [
  'reading',
  'front-matter',
  'exhibits',
  'stamping',
  'checking',
  'saving',
] as const;

export const dossierProgressSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: z.enum(dossierStages),
  /** Exhibits placed so far, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  dossier: dossierViewSchema.optional(),
  error: z
    .object({ code: z.enum(errorCodes), message: z.string(), details: z.unknown().optional() })
    .optional(),
});
export type DossierProgress = z.infer<typeof dossierProgressSchema>;
