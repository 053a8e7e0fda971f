import type { EvidenceKind, IntakeFields, SourceRecord } from '../../../shared/evidence';

/** What the intake form holds for a whole batch; empty strings are fields left blank. */
export type BatchDetails = {
  readonly source: string;
  readonly url: string;
  readonly published: string;
  readonly obtained: string;
  readonly obtainedBy: string;
  readonly language: string;
  readonly witness: string;
  readonly taken: string;
  readonly place: string;
  readonly takenBy: string;
};

export const emptyBatch: BatchDetails = {
  source: '',
  url: '',
  published: '',
  obtained: '',
  obtainedBy: '',
  language: '',
  witness: '',
  taken: '',
  place: '',
  takenBy: '',
};

function filled<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed === '' ? {} : ({ [key]: trimmed } as Record<K, string>);
}

/**
 * A source typed into the form: a known one by its name (any case), else a new name that core
 * creates with reliability F.
 */
export function sourceField(
  name: string,
  sources: readonly SourceRecord[],
): Pick<IntakeFields, 'sourceId' | 'sourceName'> {
  const trimmed = name.trim();
  if (trimmed === '') return {};
  const lower = trimmed.toLocaleLowerCase();
  const known = sources.find((s) => s.name.toLocaleLowerCase() === lower);
  return known === undefined ? { sourceName: trimmed } : { sourceId: known.id };
}

/** The fields sent with one file: the batch's details, and a statement's only for a statement. */
export function intakeFieldsFor(
  kind: EvidenceKind,
  title: string,
  batch: BatchDetails,
  sources: readonly SourceRecord[],
): IntakeFields {
  return {
    kind,
    ...filled('title', title),
    ...sourceField(batch.source, sources),
    ...filled('url', batch.url),
    ...filled('published', batch.published),
    ...filled('obtained', batch.obtained),
    ...filled('obtainedBy', batch.obtainedBy),
    ...filled('language', batch.language),
    ...(kind === 'statement'
      ? {
          ...filled('witness', batch.witness),
          ...filled('taken', batch.taken),
          ...filled('place', batch.place),
          ...filled('takenBy', batch.takenBy),
        }
      : {}),
  };
}
