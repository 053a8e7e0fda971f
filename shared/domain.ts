import { z } from 'zod';

/** How the renderer reaches core: Electron IPC, the loopback server of browser mode, or the CLI. */
export const transportSchema = z.enum(['electron', 'browser', 'cli']);
export type Transport = z.infer<typeof transportSchema>;

/** absent: no vault in the configured folder yet; locked: a vault exists, its key is not in memory. */
export const vaultStateSchema = z.enum(['absent', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof vaultStateSchema>;

export const appInfoSchema = z.object({
  version: z.string().min(1).max(64),
  platform: z.string().min(1).max(32),
  transport: transportSchema,
  vaultState: vaultStateSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
