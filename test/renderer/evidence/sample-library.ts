import {
  evidenceKinds,
  reliabilityGrades,
  type EvidenceSummary,
  type PersonRecord,
  type SourceRecord,
} from '../../../shared/evidence';

/**
 * A deterministic library of any size: every field varies with the item's number, so that a
 * test can work out which items a filter must keep without copying the filter's logic.
 */
export const uuidOf = (prefix: string, n: number) =>
  `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();

export const sampleSources: SourceRecord[] = reliabilityGrades.map((grade, i) => ({
  id: uuidOf('50000000', i),
  name:
    ['Meduza', 'The Moscow Times', 'Telegram: Baza', 'Novaya Gazeta', 'Mediazona', 'Unknown'][i] ??
    '',
  reliability: grade,
  createdAt: at(0),
}));

export const samplePersons: PersonRecord[] = [
  'Дегтярёв А. В.',
  'Кузнецов И. С.',
  'Кузнецова М.',
].map((displayName, i) => ({
  id: uuidOf('90000000', i),
  displayName,
  variants: [],
  role: 'client',
  protected: false,
  createdAt: at(0),
  updatedAt: at(0),
}));

export function sampleItem(n: number): EvidenceSummary {
  const kind = evidenceKinds[n % evidenceKinds.length] ?? 'other';
  const source = n % 7 === 6 ? undefined : sampleSources[n % 6];
  return {
    id: uuidOf('e0000000', n),
    kind,
    title: n % 1000 === 0 ? `Видео у части Дегтярёв ${String(n)}` : `Item ${String(n)}`,
    ...(source === undefined ? {} : { sourceId: source.id }),
    ...(n % 3 === 0 ? { eventDate: `2026-${String((n % 12) + 1).padStart(2, '0')}-15` } : {}),
    ...(n % 3 === 1 ? { published: `2025-${String((n % 12) + 1).padStart(2, '0')}-01` } : {}),
    credibility: (n % 6) + 1,
    tags: n % 10 === 0 ? ['training', 'equipment'] : n % 10 === 5 ? ['mobilisation'] : [],
    personIds: n % 4 === 0 ? [samplePersons[n % 3]?.id ?? ''] : [],
    derivedFrom: [],
    addedAt: at(n),
    updatedAt: at(n),
    ...(kind === 'statement'
      ? {}
      : { fileName: `file-${String(n)}.bin`, size: (n * 7919) % 100_000 }),
    linked: n % 5 === 0,
    hasIntakeNotes: false,
  };
}

export function sampleLibrary(count: number): EvidenceSummary[] {
  return Array.from({ length: count }, (_, n) => sampleItem(n));
}
