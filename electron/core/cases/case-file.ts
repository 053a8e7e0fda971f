import { z } from 'zod';
import { caseRecordSchema } from '../../../shared/domain';
import { custodyEntrySchema } from '../custody/custody-log';

/**
 * `cases/<id>.age`: one case, an age file to the vault's storage identity, read and written
 * whole through lowdb (EncryptedJsonFile). The case record, the custody log of the case, and
 * the collections later issues fill (evidence, persons, charges, links, events).
 */
export const caseFileVersion = 1;

export const caseFileSchema = z.object({
  version: z.literal(caseFileVersion),
  case: caseRecordSchema,
  evidence: z.array(z.record(z.string(), z.unknown())),
  persons: z.array(z.record(z.string(), z.unknown())),
  charges: z.array(z.record(z.string(), z.unknown())),
  links: z.array(z.record(z.string(), z.unknown())),
  events: z.array(z.record(z.string(), z.unknown())),
  custody: z.array(custodyEntrySchema),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export function caseFilePath(id: string): string {
  return `cases/${id}.age`;
}
