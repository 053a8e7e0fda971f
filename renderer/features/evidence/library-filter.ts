import {
  evidenceKinds,
  reliabilityGrades,
  type Credibility,
  type EvidenceKind,
  type EvidenceSummary,
  type PersonRecord,
  type Reliability,
  type SourceRecord,
} from '../../../shared/evidence';

/**
 * The evidence library's filtering and sorting, kept pure so that it can be checked at 10,000
 * items without a browser. Rows are built once per list (names looked up, text folded), then
 * filtered and sorted as the lawyer types and clicks.
 */

export type DateKind = 'event' | 'published' | 'obtained';

export type LibraryRow = {
  readonly item: EvidenceSummary;
  readonly sourceName: string | undefined;
  readonly reliability: Reliability | undefined;
  readonly personNames: readonly string[];
  /** The most telling date the item has: of the event, else published, else obtained. */
  readonly date: string | undefined;
  readonly dateKind: DateKind | undefined;
  /** Title, file name and tags, folded for the quick filter. */
  readonly haystack: string;
};

export type LinkedFilter = 'all' | 'linked' | 'unlinked';

/** Within one facet any selected value matches; facets combine with AND. Empty: no filter. */
export type LibraryFilter = {
  readonly text: string;
  readonly kinds: readonly EvidenceKind[];
  readonly sourceIds: readonly string[];
  readonly personIds: readonly string[];
  readonly tags: readonly string[];
  readonly reliability: readonly Reliability[];
  readonly credibility: readonly Credibility[];
  readonly linked: LinkedFilter;
};

export const emptyFilter: LibraryFilter = {
  text: '',
  kinds: [],
  sourceIds: [],
  personIds: [],
  tags: [],
  reliability: [],
  credibility: [],
  linked: 'all',
};

export const sortColumns = [
  'kind',
  'title',
  'source',
  'date',
  'credibility',
  'reliability',
  'tags',
  'persons',
  'linked',
  'size',
  'added',
] as const;
export type SortColumn = (typeof sortColumns)[number];
export type SortDirection = 'asc' | 'desc';
export type LibrarySort = { readonly column: SortColumn; readonly direction: SortDirection };

export const defaultSort: LibrarySort = { column: 'added', direction: 'desc' };

/** Case and the Russian ё folded away, so that "Дегтярев" finds "Дегтярёв". */
export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replaceAll('ё', 'е');
}

export function buildRows(
  items: readonly EvidenceSummary[],
  sources: readonly SourceRecord[],
  persons: readonly PersonRecord[],
): LibraryRow[] {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const personById = new Map(persons.map((p) => [p.id, p.displayName]));
  return items.map((item) => {
    const source = item.sourceId === undefined ? undefined : sourceById.get(item.sourceId);
    const dateKind: DateKind | undefined =
      item.eventDate !== undefined
        ? 'event'
        : item.published !== undefined
          ? 'published'
          : item.obtained !== undefined
            ? 'obtained'
            : undefined;
    return {
      item,
      sourceName: source?.name,
      reliability: source?.reliability,
      personNames: item.personIds.flatMap((id) => {
        const name = personById.get(id);
        return name === undefined ? [] : [name];
      }),
      date: item.eventDate ?? item.published ?? item.obtained,
      dateKind,
      haystack: fold([item.title, item.fileName ?? '', ...item.tags].join('\n')),
    };
  });
}

function anyOf<T>(selected: readonly T[], values: readonly T[]): boolean {
  return values.some((value) => selected.includes(value));
}

export function filterRows(rows: readonly LibraryRow[], filter: LibraryFilter): LibraryRow[] {
  const words = fold(filter.text)
    .split(/\s+/)
    .filter((word) => word !== '');
  const kinds = new Set(filter.kinds);
  const sourceIds = new Set(filter.sourceIds);
  const reliability = new Set(filter.reliability);
  const credibility = new Set(filter.credibility);
  return rows.filter(({ item, haystack, reliability: grade }) => {
    if (kinds.size > 0 && !kinds.has(item.kind)) return false;
    if (sourceIds.size > 0 && (item.sourceId === undefined || !sourceIds.has(item.sourceId)))
      return false;
    if (reliability.size > 0 && (grade === undefined || !reliability.has(grade))) return false;
    if (credibility.size > 0 && !credibility.has(item.credibility)) return false;
    if (filter.personIds.length > 0 && !anyOf(filter.personIds, item.personIds)) return false;
    if (filter.tags.length > 0 && !anyOf(filter.tags, item.tags)) return false;
    if (filter.linked === 'linked' && !item.linked) return false;
    if (filter.linked === 'unlinked' && item.linked) return false;
    return words.every((word) => haystack.includes(word));
  });
}

export function isFiltered(filter: LibraryFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.kinds.length > 0 ||
    filter.sourceIds.length > 0 ||
    filter.personIds.length > 0 ||
    filter.tags.length > 0 ||
    filter.reliability.length > 0 ||
    filter.credibility.length > 0 ||
    filter.linked !== 'all'
  );
}

type Key = string | number | undefined;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortKey(row: LibraryRow, column: SortColumn): Key {
  const { item } = row;
  switch (column) {
    case 'kind':
      return evidenceKinds.indexOf(item.kind);
    case 'title':
      return item.title;
    case 'source':
      return row.sourceName;
    case 'date':
      return row.date;
    case 'credibility':
      return item.credibility;
    case 'reliability':
      return row.reliability === undefined ? undefined : reliabilityGrades.indexOf(row.reliability);
    case 'tags':
      return item.tags.length === 0 ? undefined : item.tags.join(', ');
    case 'persons':
      return row.personNames.length === 0 ? undefined : row.personNames.join(', ');
    case 'linked':
      return item.linked ? 0 : 1;
    case 'size':
      return item.size;
    case 'added':
      return item.addedAt;
  }
}

// Dates are ISO 8601, so plain string order is time order; names need the collator.
const isoColumns: ReadonlySet<SortColumn> = new Set(['date', 'added']);

function compareKeys(a: Key, b: Key, column: SortColumn): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (isoColumns.has(column)) return a === b ? 0 : String(a) < String(b) ? -1 : 1;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy. Items without a value for the column come last in either direction (an
 * undated item is not "oldest"); ties keep the order of addition, newest first.
 */
export function sortRows(rows: readonly LibraryRow[], sort: LibrarySort): LibraryRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key === undefined && b.key !== undefined) return 1;
      if (b.key === undefined && a.key !== undefined) return -1;
    } else {
      const order = compareKeys(a.key, b.key, sort.column);
      if (order !== 0) return sign * order;
    }
    const [x, y] = [a.row.item.addedAt, b.row.item.addedAt];
    return x === y ? 0 : x < y ? 1 : -1;
  });
  return keyed.map(({ row }) => row);
}

/** A click on a header: the same column flips its direction, another starts ascending. */
export function nextSort(current: LibrarySort, column: SortColumn): LibrarySort {
  if (current.column === column)
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

/** Every tag used in the library, for the tag filter's choices. */
export function allTags(items: readonly EvidenceSummary[]): string[] {
  return [...new Set(items.flatMap((item) => item.tags))].sort(collator.compare);
}
