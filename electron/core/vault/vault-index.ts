import { z } from 'zod';
import { contactRecordSchema } from '../../../shared/archive';
import { chargeTemplateSchema } from '../../../shared/charges';
import { caseSummarySchema } from '../../../shared/domain';
import { base64Bytes } from './base64-bytes';

/**
 * `vault.age`: the vault's own encrypted index (lowdb), to the storage identity. It lists the
 * cases, and holds each case's key:
 *
 *   cases[i].secret   32 random bytes (base64): the case's X25519 identity. Every file of the
 *                     case (`cases/<id>/case.age`, `cases/<id>/blobs/*.age`) is an age file to
 *                     that identity's recipient, which is never written anywhere.
 *
 * Deleting a case drops its secret from the index first: from then on no copy of its files
 * (a backup, a block the file system did not overwrite) can be decrypted with the vault's keys.
 *
 * Version 1 (before per-case keys) kept each case in `cases/<id>.age` to the storage identity;
 * `migrateVaultIndex` moves such a vault to version 2.
 */
export const vaultIndexVersion = 2;

const caseEntrySchema = caseSummarySchema.extend({
  secret: base64Bytes(32),
});
export type CaseIndexEntry = z.infer<typeof caseEntrySchema>;

export const vaultIndexSchema = z.object({
  version: z.literal(vaultIndexVersion),
  createdAt: z.iso.datetime(),
  /** One entry per case: its summary, for the case list, and its key. */
  cases: z.array(caseEntrySchema),
  deletedCases: z
    .array(
      z.object({ id: z.uuid(), at: z.iso.datetime(), actor: z.string().min(1).max(200) }).strict(),
    )
    .default([]),
  /** Charge templates the lawyer imported; one with a shipped template's id replaces it. */
  templates: z.array(chargeTemplateSchema).max(500).default([]),
  /** Colleagues' age recipients, to send case archives to (issue 7). */
  contacts: z.array(contactRecordSchema).max(1000).default([]),
});
export type VaultIndex = z.infer<typeof vaultIndexSchema>;

/** Version 1, read only to migrate it. */
export const vaultIndexV1Schema = z.object({
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  cases: z.array(
    caseSummarySchema.extend({ file: z.string().regex(/^cases\/[0-9a-f-]{36}\.age$/) }),
  ),
});
export type VaultIndexV1 = z.infer<typeof vaultIndexV1Schema>;

export const anyVaultIndexSchema = z.union([vaultIndexSchema, vaultIndexV1Schema]);

export const vaultIndexFile = 'vault.age';

export function emptyVaultIndex(now: Date): VaultIndex {
  return {
    version: vaultIndexVersion,
    createdAt: now.toISOString(),
    cases: [],
    deletedCases: [],
    templates: [],
    contacts: [],
  };
}

/** Where a case's files live, relative to the vault folder. */
export function caseDir(caseId: string): string {
  return `cases/${caseId}`;
}
