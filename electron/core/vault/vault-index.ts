import { z } from 'zod';
import { caseSummarySchema } from '../../../shared/domain';

/**
 * `vault.age`: the vault's own encrypted index (lowdb). It lists the cases; each case keeps its
 * data in a file of its own.
 */
export const vaultIndexSchema = z.object({
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** One entry per case: its summary, for the case list, and the file that holds the case. */
  cases: z.array(
    caseSummarySchema.extend({ file: z.string().regex(/^cases\/[0-9a-f-]{36}\.age$/) }),
  ),
});
export type VaultIndex = z.infer<typeof vaultIndexSchema>;

export const vaultIndexFile = 'vault.age';

export function emptyVaultIndex(now: Date): VaultIndex {
  return { version: 1, createdAt: now.toISOString(), cases: [] };
}
