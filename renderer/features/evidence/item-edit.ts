import type { Credibility, EvidenceFields, EvidenceRecord } from '../../../shared/evidence';
import { dayOf } from './format';

/** The item page's form: every field as the inputs hold it (blank strings for absent values). */
export type ItemForm = {
  readonly title: string;
  readonly sourceId: string | null;
  readonly url: string;
  readonly eventDate: string;
  readonly published: string;
  readonly obtained: string;
  readonly obtainedBy: string;
  readonly language: string;
  readonly credibility: Credibility;
  readonly tags: readonly string[];
  readonly personIds: readonly string[];
  readonly derivedFrom: readonly string[];
  readonly notes: string;
  readonly witness: string;
  readonly takenAt: string;
  readonly place: string;
  readonly takenBy: string;
};

export function formFromItem(item: EvidenceRecord): ItemForm {
  return {
    title: item.title,
    sourceId: item.sourceId ?? null,
    url: item.url ?? '',
    eventDate: dayOf(item.eventDate),
    published: dayOf(item.published),
    obtained: dayOf(item.obtained),
    obtainedBy: item.obtainedBy ?? '',
    language: item.language ?? '',
    credibility: item.credibility,
    tags: item.tags,
    personIds: item.personIds,
    derivedFrom: item.derivedFrom,
    notes: item.notes ?? '',
    witness: item.statement?.witness ?? '',
    takenAt: dayOf(item.statement?.takenAt),
    place: item.statement?.place ?? '',
    takenBy: item.statement?.takenBy ?? '',
  };
}

const nullableText = ['url', 'obtainedBy', 'language'] as const;
const dates = ['eventDate', 'published', 'obtained'] as const;
const lists = ['tags', 'personIds', 'derivedFrom'] as const;
const statementText = ['witness', 'place', 'takenBy'] as const;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Only what the lawyer changed, as evidence:update takes it: an emptied field is null
 * (removed), an untouched one absent. A date whose day is unchanged stays as stored, even if
 * core holds a time with it.
 */
export function changedFields(item: EvidenceRecord, form: ItemForm): EvidenceFields {
  const before = formFromItem(item);
  const fields: Record<string, unknown> = {};
  if (form.title.trim() !== before.title) fields.title = form.title.trim();
  if (form.sourceId !== before.sourceId) fields.sourceId = form.sourceId;
  for (const key of [...nullableText, ...dates]) {
    const value = form[key].trim();
    if (value !== before[key]) fields[key] = value === '' ? null : value;
  }
  if (form.credibility !== before.credibility) fields.credibility = form.credibility;
  for (const key of lists) if (!sameList(form[key], before[key])) fields[key] = [...form[key]];
  if (form.notes !== before.notes) fields.notes = form.notes;
  if (item.kind === 'statement') {
    const statement: Record<string, string> = {};
    for (const key of statementText)
      if (form[key].trim() !== before[key]) statement[key] = form[key].trim();
    // A statement's date can be changed but not removed: core merges statement fields.
    if (form.takenAt !== before.takenAt && form.takenAt !== '') statement.takenAt = form.takenAt;
    if (Object.keys(statement).length > 0) fields.statement = statement;
  }
  return fields;
}
