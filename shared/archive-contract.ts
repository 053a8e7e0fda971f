import { z } from 'zod';
import {
  archiveExportRequestSchema,
  archiveImportBeginSchema,
  archiveImportPieceSchema,
  archiveImportSummarySchema,
  archiveJobSchema,
  archivePieceSchema,
  contactInputSchema,
  contactViewSchema,
  sharingIdentitySchema,
} from './archive';

const done = z.object({ ok: z.literal(true) });
const job = z.object({ jobId: z.uuid() }).strict();
const importRef = z.object({ importId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }).strict();

/** The channels of encrypted case archives and the contacts they are sent to (issue 7). Spread into shared/contract.ts. */
export const archiveContract = {
  /** This vault's sharing recipient (age1…) with its fingerprint and QR code, to give colleagues. */
  'sharing:identity': { input: z.object({}).strict(), output: sharingIdentitySchema },
  /** The colleagues archives go to, by name, each with the fingerprint of their key. */
  'contact:list': { input: z.object({}).strict(), output: z.array(contactViewSchema) },
  'contact:add': { input: contactInputSchema, output: contactViewSchema },
  'contact:update': {
    input: contactInputSchema.extend({ id: z.uuid() }).strict(),
    output: contactViewSchema,
  },
  'contact:delete': { input: z.object({ id: z.uuid() }).strict(), output: done },
  /**
   * Starts an export of a case to recipients or a passphrase. Where the transport has a save
   * dialog (Electron) it asks where first, and `jobId` is null if the lawyer cancels it;
   * otherwise (browser mode) the finished archive is fetched with archive:download.
   */
  'archive:export': {
    input: archiveExportRequestSchema,
    output: z.object({ jobId: z.uuid().nullable() }),
  },
  'archive:progress': { input: job, output: archiveJobSchema },
  /** Stops an export; nothing of it is kept. */
  'archive:cancel': { input: job, output: done },
  /** A piece of a finished download, from `offset`; `size` is the whole archive's. */
  'archive:download': {
    input: job.extend({ offset: z.number().int().nonnegative() }).strict(),
    output: archivePieceSchema,
  },
  /** The renderer has saved the archive (or gives up): core removes its copy. */
  'archive:discard': { input: job, output: done },
  /** Starts an import of `size` bytes; the pieces follow with archive:import-piece. */
  'archive:import-begin': {
    input: archiveImportBeginSchema,
    output: z.object({ importId: z.string(), pieceSize: z.number().int().positive() }),
  },
  'archive:import-piece': {
    input: archiveImportPieceSchema,
    output: z.object({ received: z.number().int().nonnegative() }),
  },
  /** After the last piece: every check done and the case staged; what it holds. */
  'archive:import-finish': { input: importRef, output: archiveImportSummarySchema },
  /** The lawyer accepts: the case goes into the vault (as a copy if it is there already). */
  'archive:import-accept': { input: importRef, output: z.object({ caseId: z.uuid() }) },
  /** Drops an import at any stage: nothing of it stays. */
  'archive:import-cancel': { input: importRef, output: done },
} as const;
