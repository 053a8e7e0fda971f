import type { EvidenceFile, EvidenceRecord } from '../../../shared/evidence';

export const caseId = '00000000-0000-4000-8000-0000000000ca';
export const itemId = '00000000-0000-4000-8000-0000000000e1';

type Overrides = Omit<Partial<EvidenceRecord>, 'file'> & { file?: Partial<EvidenceFile> };

/** A valid record (it passes the contract's schema), with what a test changes. */
export function evidenceItem(overrides: Overrides = {}): EvidenceRecord {
  const { file, ...rest } = overrides;
  return {
    id: itemId,
    kind: 'document',
    title: 'Видео у части 20.11',
    credibility: 3,
    tags: [],
    personIds: [],
    derivedFrom: [],
    metadata: {},
    intakeNotes: [],
    moments: [],
    stills: [],
    addedAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...(file === undefined
      ? {}
      : {
          file: {
            blobId: 'abcdefghijklmnopqrstuvwxyz',
            name: 'evidence.bin',
            mimeType: 'application/octet-stream',
            size: 1024,
            sha256: 'ab'.repeat(32),
            ...file,
          },
        }),
    ...rest,
  };
}
