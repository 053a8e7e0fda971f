import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json';

/**
 * The custody log of a case: every intake, view, edit, export, import and delete, in order, each
 * entry chained to the one before it:
 *
 *   hash(n) = SHA-256( prev(n) ‖ canonicalJson(entry n without its hash) )    prev(0) = 64 × "0"
 *
 * where prev(n) is hash(n-1) as lower-case hex (ASCII bytes) and the entry holds prev, so the
 * hash covers it twice over. Changing, removing, inserting or reordering any entry breaks every
 * hash after it. The last hash, the head, is printed in every dossier and archive: with it, even
 * cutting entries off the end shows.
 */
export const genesisHash = '0'.repeat(64);

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

export type NewCustodyEntry = Pick<CustodyEntry, 'action' | 'subject' | 'actor'> & {
  readonly details?: CustodyEntry['details'];
  readonly at?: Date;
};

export function entryHash(entry: Omit<CustodyEntry, 'hash'>): string {
  return createHash('sha256')
    .update(entry.prev, 'ascii')
    .update(canonicalJson(entry), 'utf8')
    .digest('hex');
}

export function headOf(log: readonly CustodyEntry[]): string {
  return log.at(-1)?.hash ?? genesisHash;
}

/** The next entry of the log; the caller stores it (the log is append-only). */
export function nextEntry(log: readonly CustodyEntry[], input: NewCustodyEntry): CustodyEntry {
  const body: Omit<CustodyEntry, 'hash'> = {
    seq: log.length,
    at: (input.at ?? new Date()).toISOString(),
    action: input.action,
    subject: { kind: input.subject.kind, id: input.subject.id },
    actor: input.actor,
    ...(input.details === undefined ? {} : { details: input.details }),
    prev: headOf(log),
  };
  return { ...body, hash: entryHash(body) };
}

export type CustodyVerdict =
  | { readonly ok: true; readonly head: string; readonly entries: number }
  | {
      readonly ok: false;
      readonly head: string;
      readonly entries: number;
      readonly brokenAt: number;
    };

/**
 * Recomputes the chain from the start. `brokenAt` is the first entry that is out of place or
 * does not hash to what it claims; `expectedHead` (from a dossier or an archive) also catches a
 * log whose tail was cut off.
 */
export function verifyCustodyLog(log: readonly unknown[], expectedHead?: string): CustodyVerdict {
  let prev = genesisHash;
  for (let seq = 0; seq < log.length; seq += 1) {
    const parsed = custodyEntrySchema.safeParse(log[seq]);
    const entry = parsed.success ? parsed.data : undefined;
    const { hash, ...body } = entry ?? { hash: '' };
    if (
      entry === undefined ||
      entry.seq !== seq ||
      entry.prev !== prev ||
      entryHash(body as Omit<CustodyEntry, 'hash'>) !== hash
    ) {
      return { ok: false, head: prev, entries: log.length, brokenAt: seq };
    }
    prev = hash;
  }
  if (expectedHead !== undefined && expectedHead !== prev) {
    return { ok: false, head: prev, entries: log.length, brokenAt: log.length };
  }
  return { ok: true, head: prev, entries: log.length };
}
