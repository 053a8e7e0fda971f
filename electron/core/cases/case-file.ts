import { z } from 'zod';
import { chargeRecordSchema, eventRecordSchema, linkRecordSchema } from '../../../shared/charges';
import { caseRecordSchema } from '../../../shared/domain';
import { dossierRecordSchema } from '../../../shared/dossier';
import {
  evidenceRecordSchema,
  personRecordSchema,
  sourceRecordSchema,
} from '../../../shared/evidence';
import type { CustodyEntry } from '../custody/custody-log';

/**
 * `cases/<id>/case.age`: one case, an age file to the case's own identity (see vault-index.ts),
 * read and written whole. The case record, its evidence (the originals and derived files are
 * blobs in `cases/<id>/blobs/`), persons and sources, the collections later issues fill
 * (charges, links, events), and the custody log of the case.
 */
export const caseFileVersion = 1;

export const caseFileSchema = z.object({
  version: z.literal(caseFileVersion),
  case: caseRecordSchema,
  evidence: z.array(evidenceRecordSchema),
  persons: z.array(personRecordSchema),
  sources: z.array(sourceRecordSchema).default([]),
  charges: z.array(chargeRecordSchema),
  links: z.array(linkRecordSchema),
  events: z.array(eventRecordSchema),
  /** Dossiers built for the case; their PDFs are blobs of the case (issue 6). */
  dossiers: z.array(dossierRecordSchema).default([]),
  /**
   * Only the shape that appending needs is checked when a case opens (a case of 10,000 items
   * has a log as long, and opening must stay fast); each entry is checked in full, with the
   * chain, by verifyCustodyLog wherever the log is shown, verified or exported.
   */
  custody: z.array(
    z.custom<CustodyEntry>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { hash?: unknown }).hash === 'string' &&
        typeof (value as { seq?: unknown }).seq === 'number',
    ),
  ),
});
export type CaseFile = z.infer<typeof caseFileSchema>;
