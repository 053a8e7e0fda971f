import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../shared/evidence';
import { changedFields, formFromItem } from '../../../renderer/features/evidence/item-edit';
import { intakeFieldsFor, emptyBatch } from '../../../renderer/features/evidence/intake-fields';
import { sampleSources } from './sample-library';

const item: EvidenceRecord = {
  id: 'e0000000-0000-4000-8000-000000000001',
  kind: 'statement',
  title: 'Statement of M. Kuznetsova',
  sourceId: '50000000-0000-4000-8000-000000000000',
  published: '2026-11-20T09:30:00Z',
  obtainedBy: 'Adv. Petrova',
  credibility: 3,
  tags: ['training'],
  personIds: [],
  derivedFrom: [],
  metadata: {},
  intakeNotes: [],
  statement: { text: '…', witness: 'М. Кузнецова', takenAt: '2026-11-22' },
  moments: [],
  stills: [],
  addedAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
};

describe('the item form', () => {
  it('sends nothing when nothing changed, even for a date stored with a time', () => {
    expect(changedFields(item, formFromItem(item))).toEqual({});
  });

  it('sends only the changed fields; an emptied field is removed with null', () => {
    const form = {
      ...formFromItem(item),
      title: '  Statement of Maria Kuznetsova ',
      obtainedBy: '',
      eventDate: '2026-11-17',
      credibility: 2 as const,
      tags: ['training', 'equipment'],
      sourceId: null,
      witness: 'Мария Кузнецова',
    };
    expect(changedFields(item, form)).toEqual({
      title: 'Statement of Maria Kuznetsova',
      obtainedBy: null,
      eventDate: '2026-11-17',
      credibility: 2,
      tags: ['training', 'equipment'],
      sourceId: null,
      statement: { witness: 'Мария Кузнецова' },
    });
  });

  it('never sends statement fields for another kind', () => {
    const article = { ...item, kind: 'article' as const };
    expect(changedFields(article, { ...formFromItem(article), witness: 'x' })).toEqual({});
  });
});

describe('the intake fields of a batch', () => {
  it('names a known source by its id and a new one by its name', () => {
    const batch = { ...emptyBatch, source: 'meduza', obtained: '2026-11-21', witness: 'ignored' };
    expect(intakeFieldsFor('video', '', batch, sampleSources)).toEqual({
      kind: 'video',
      sourceId: sampleSources[0]?.id,
      obtained: '2026-11-21',
    });
    expect(
      intakeFieldsFor('article', ' Report ', { ...batch, source: 'Baza (Telegram)' }, []),
    ).toEqual({
      kind: 'article',
      title: 'Report',
      sourceName: 'Baza (Telegram)',
      obtained: '2026-11-21',
    });
  });

  it('adds the witness, date, place and taker to statements only', () => {
    const batch = { ...emptyBatch, witness: 'М. Кузнецова', taken: '2026-11-22', place: 'Курск' };
    expect(intakeFieldsFor('statement', '', batch, [])).toEqual({
      kind: 'statement',
      witness: 'М. Кузнецова',
      taken: '2026-11-22',
      place: 'Курск',
    });
  });
});
