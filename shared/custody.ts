import { z } from 'zod';

/** One entry of a case's custody log, as stored and as shown; the chain itself is core's. */
export const custodyActionSchema = z.enum([
  'create',
  'intake',
  'view',
  'edit',
  'export',
  'import',
  'delete',
]);
export type CustodyAction = z.infer<typeof custodyActionSchema>;

const hexHash = z.string().regex(/^[0-9a-f]{64}$/);

export const custodyEntrySchema = z
  .object({
    seq: z.number().int().min(0),
    at: z.iso.datetime(),
    action: custodyActionSchema,
    /** What the entry is about: the case itself, an evidence item, a dossier… */
    subject: z.object({ kind: z.string().min(1).max(40), id: z.string().min(1).max(200) }).strict(),
    /** Who did it, as the lawyer's name or the tool: "habeas-cli", "app". */
    actor: z.string().min(1).max(200),
    details: z
      .record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .optional(),
    prev: hexHash,
    hash: hexHash,
  })
  .strict();
export type CustodyEntry = z.infer<typeof custodyEntrySchema>;
