import { z } from 'zod';
import { dossierProgressSchema, dossierRequestSchema, dossierViewSchema } from './dossier';

const dossierRef = z.object({ caseId: z.uuid(), id: z.uuid() }).strict();

/** The channels of the court-ready PDF dossier (issue 6). Spread into shared/contract.ts. */
export const dossierContract = {
  /**
   * The dossier's own pages (cover, contents, charges, chronology, exhibit index) without the
   * exhibits, as a base64 PDF for the live preview; nothing is stored.
   */
  'dossier:preview': {
    input: dossierRequestSchema,
    output: z.object({ pdf: z.base64(), pages: z.number().int().positive() }),
  },
  /** Starts a build off the main thread; follow it with dossier:progress. */
  'dossier:build': { input: dossierRequestSchema, output: z.object({ jobId: z.uuid() }) },
  'dossier:progress': {
    input: z.object({ jobId: z.uuid() }).strict(),
    output: dossierProgressSchema,
  },
  /** Stops a build; nothing of it is kept. */
  'dossier:cancel': {
    input: z.object({ jobId: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** The dossiers built for a case, newest first. */
  'dossier:list': {
    input: z.object({ caseId: z.uuid() }).strict(),
    output: z.array(dossierViewSchema),
  },
  'dossier:delete': { input: dossierRef, output: z.object({ ok: z.literal(true) }) },
  /**
   * Writes one file of a dossier where the lawyer chooses, through the native save dialog
   * (Electron). Where there is none (browser mode), `available` is false and the renderer
   * downloads the file's URL instead.
   */
  'dossier:save': {
    input: dossierRef.extend({ file: z.number().int().nonnegative() }),
    output: z.object({ available: z.boolean(), saved: z.boolean() }),
  },
} as const;
