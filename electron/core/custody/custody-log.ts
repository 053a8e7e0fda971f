import { createHash } from 'node:crypto';
import { custodyEntrySchema, type CustodyEntry } from '../../../shared/custody';
import { canonicalJson } from './canonical-json';

export { custodyActionSchema, custodyEntrySchema } from '../../../shared/custody';
export type { CustodyAction, CustodyEntry } from '../../../shared/custody';

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
