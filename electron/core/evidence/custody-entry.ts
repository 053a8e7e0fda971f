import type { CustodyEntry } from '../../../shared/custody';
import { nextEntry, type CustodyAction } from '../custody/custody-log';
import type { CaseFile } from '../cases/case-file';

/** Appends one entry to a case's custody log (inside a case change). */
export function logCustody(
  data: CaseFile,
  entry: {
    readonly action: CustodyAction;
    readonly subject: { readonly kind: string; readonly id: string };
    readonly actor: string;
    readonly at: Date;
    readonly details?: CustodyEntry['details'];
  },
): void {
  data.custody.push(nextEntry(data.custody, entry));
}
