import type { SearchFilter } from '../../../shared/search';
import type { SearchDoc } from './search-documents';

/**
 * The filters of a search as one test of a document. Dates may be partial (an event dated to
 * the month, "2026-11"): such a date passes when any day of it lies within the range.
 */

function dayRange(date: string): [string, string] {
  const day = date.slice(0, 10);
  if (day.length === 10) return [day, day];
  if (day.length === 7) return [`${day}-01`, `${day}-31`];
  const year = day.slice(0, 4);
  return [`${year}-01-01`, `${year}-12-31`];
}

/** The filters as a test of a document; null when there are none (every document passes). */
export function hitFilter(filter: SearchFilter): ((doc: SearchDoc) => boolean) | null {
  if (Object.values(filter).every((value) => value === undefined)) return null;
  const kinds = filter.kinds === undefined ? undefined : new Set<string>(filter.kinds);
  const sources = filter.sourceIds === undefined ? undefined : new Set(filter.sourceIds);
  const persons = filter.personIds === undefined ? undefined : new Set(filter.personIds);
  const from = filter.from === undefined ? undefined : dayRange(filter.from)[0];
  const to = filter.to === undefined ? undefined : dayRange(filter.to)[1];
  return (doc) => {
    if (kinds !== undefined && !kinds.has(doc.kind)) return false;
    if (sources !== undefined && (doc.sourceId === undefined || !sources.has(doc.sourceId)))
      return false;
    if (persons !== undefined && !(doc.personIds ?? []).some((id) => persons.has(id))) return false;
    if (from !== undefined || to !== undefined) {
      if (doc.date === undefined) return false;
      const [first, last] = dayRange(doc.date);
      if (from !== undefined && last < from) return false;
      if (to !== undefined && first > to) return false;
    }
    return true;
  };
}
