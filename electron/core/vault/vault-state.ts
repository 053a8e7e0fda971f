import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { VaultState } from '../../../shared/domain';

/** The plaintext header file whose presence marks a folder as a Habeas vault. */
export const vaultHeaderFile = 'habeas-vault.json';

/**
 * The vault's state as seen from disk. Unlocking is not possible before the key hierarchy
 * exists, so a vault on disk is always reported locked here.
 */
export async function readVaultState(vaultDir: string): Promise<VaultState> {
  try {
    await access(join(vaultDir, vaultHeaderFile));
    return 'locked';
  } catch {
    return 'absent';
  }
}
