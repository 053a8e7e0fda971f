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

export const vaultStatusSchema = z.object({
  state: vaultStateSchema,
  /** The vault's folder on this computer, shown to the lawyer; never sent anywhere. */
  dir: z.string().max(4096),
  vaultId: z.string().nullable(),
  /** 0: never. */
  autoLockMinutes: z.number().int().min(0).max(480),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

/** What a user types to unlock: anything non-empty. */
export const passphraseSchema = z.string().min(1).max(1024);
/** A new passphrase: long enough that Argon2id has something to protect. */
export const minPassphraseLength = 10;
export const newPassphraseSchema = z.string().min(minPassphraseLength).max(1024);
export const folderPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => !path.includes('\0'), 'no NUL');
export const recoveryKeyInputSchema = z.string().min(1).max(200);

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const caseStatusSchema = z.enum(['open', 'closed']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** What a lawyer types to open a case. */
export const caseInputSchema = z
  .object({
    title: shortText(300),
    clients: z.array(shortText(200)).max(50).default([]),
    court: shortText(300).optional(),
    caseNumber: shortText(100).optional(),
    jurisdiction: shortText(100).optional(),
    notes: z.string().max(20_000).optional(),
  })
  .strict();
export type CaseInput = z.input<typeof caseInputSchema>;

export const caseRecordSchema = caseInputSchema.extend({
  id: z.uuid(),
  status: caseStatusSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** One line of the case list: what the vault index holds, no case file opened. */
export const caseSummarySchema = caseRecordSchema.pick({
  id: true,
  title: true,
  clients: true,
  status: true,
  updatedAt: true,
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;
