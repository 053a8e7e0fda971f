import { z } from 'zod';
import type { ChannelName } from './channels';
import {
  appInfoSchema,
  caseInputSchema,
  caseRecordSchema,
  caseStatusSchema,
  caseSummarySchema,
  folderPathSchema,
  newPassphraseSchema,
  passphraseSchema,
  recoveryKeyInputSchema,
  vaultStatusSchema,
} from './domain';

/**
 * The one typed contract between the renderer (or any client) and core. Each channel names a
 * zod schema for its input, parsed at every boundary, and for its output, checked before it
 * leaves core. Electron IPC, browser mode and the CLI all serve these same channels.
 */
type ChannelSpec = { readonly input: z.ZodType; readonly output: z.ZodType };

const noInput = z.object({}).strict();

export const contract = {
  /** renderer → core: version, platform, transport and vault state, for the status bar. */
  'app:info': { input: noInput, output: appInfoSchema },
  /** The vault's state, folder and auto-lock setting. */
  'vault:status': { input: noInput, output: vaultStatusSchema },
  /** Creates a vault in an empty folder; the recovery key is returned this once and never again. */
  'vault:create': {
    input: z.object({ dir: folderPathSchema, passphrase: newPassphraseSchema }).strict(),
    output: z.object({ vaultId: z.string(), recoveryKey: z.string() }),
  },
  /** WRONG_PASSPHRASE changes nothing; VAULT_IN_USE when another Habeas process has it open. */
  'vault:unlock': {
    input: z.object({ passphrase: passphraseSchema }).strict(),
    output: vaultStatusSchema,
  },
  /** Opens with the recovery key and sets a new passphrase. */
  'vault:recover': {
    input: z
      .object({ recoveryKey: recoveryKeyInputSchema, newPassphrase: newPassphraseSchema })
      .strict(),
    output: vaultStatusSchema,
  },
  /** Wipes the key from memory; media handles die with it. */
  'vault:lock': { input: noInput, output: vaultStatusSchema },
  'vault:change-passphrase': {
    input: z.object({ current: passphraseSchema, next: newPassphraseSchema }).strict(),
    output: vaultStatusSchema,
  },
  'vault:set-auto-lock': {
    input: z.object({ minutes: z.number().int().min(0).max(480) }).strict(),
    output: vaultStatusSchema,
  },
  /**
   * The lawyer is using the app (keys, clicks): restarts the idle auto-lock countdown. Sent by
   * the renderer at most every few seconds; status polls do not count as activity.
   */
  'vault:activity': { input: noInput, output: z.object({ ok: z.literal(true) }) },
  /** The desktop app's folder picker; `available: false` where there is none (browser mode). */
  'dialog:choose-folder': {
    input: noInput,
    output: z.object({ available: z.boolean(), path: z.string().max(4096).nullable() }),
  },
  /** The cases of the unlocked vault, most recently changed first. VAULT_LOCKED when locked. */
  'case:list': { input: noInput, output: z.array(caseSummarySchema) },
  'case:create': { input: caseInputSchema, output: caseRecordSchema },
  /** One case: its record, how much it holds, and whether its custody log verifies. */
  'case:show': {
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({
      case: caseRecordSchema,
      counts: z.object({
        evidence: z.number().int(),
        persons: z.number().int(),
        charges: z.number().int(),
        events: z.number().int(),
      }),
      custody: z.object({ ok: z.boolean(), head: z.string(), entries: z.number().int() }),
    }),
  },
  /** Edits a case (all its fields, as the form sends them) and/or closes or reopens it. */
  'case:update': {
    input: z
      .object({
        id: z.uuid(),
        fields: caseInputSchema.optional(),
        status: caseStatusSchema.optional(),
      })
      .strict(),
    output: caseRecordSchema,
  },
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
