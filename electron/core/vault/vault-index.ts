import { z } from 'zod';

/**
 * `vault.age`: the vault's own encrypted index (lowdb). It lists the cases; each case keeps its
 * data in a file of its own.
 */
export const vaultIndexSchema = z.object({
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  cases: z.array(z.object({ id: z.string(), file: z.string() }).loose()),
});
export type VaultIndex = z.infer<typeof vaultIndexSchema>;

export const vaultIndexFile = 'vault.age';

export function emptyVaultIndex(now: Date): VaultIndex {
  return { version: 1, createdAt: now.toISOString(), cases: [] };
}
