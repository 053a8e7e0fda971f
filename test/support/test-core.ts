import { join } from 'node:path';
import type { Transport } from '../../shared/domain';
import { createAppCore, type AppCore } from '../../electron/core/app-core';
import { MemoryPreferences } from '../../electron/core/preferences/preferences';
import type { KdfCost } from '../../electron/core/vault/kdf';

/** The smallest Argon2id the schema allows: the key hierarchy is the same, only cheaper. */
export const fastKdf: KdfCost = { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 };

/** A real core over a vault folder inside dir, with preferences in memory. */
export function makeTestCore(dir: string, transport: Transport = 'cli'): Promise<AppCore> {
  return createAppCore({
    transport,
    env: { HABEAS_VAULT: join(dir, 'vault') },
    dataDir: dir,
    preferences: new MemoryPreferences(),
    kdfCost: fastKdf,
  });
}
