import type {
  DatePrecision,
  ElementStatus,
  EventRecord,
  LinkRecord,
} from '../../../shared/charges';
import type { Reliability } from '../../../shared/evidence';
import type { CaseFile } from '../cases/case-file';

/**
 * What the analysis screens show, computed from the case: element by element where the defence
 * stands, the chronology's date conflicts, and how many independent sources back each event.
 */

type Counts = { defence: number; prosecution: number; contradicts: number; context: number };

/**
 * An element is what the prosecution must prove. Evidence for the prosecution supports it;
 * evidence for the defence, or that contradicts it, refutes it; both at once contest it.
 */
export function elementStatus(counts: Counts): ElementStatus {
  const against = counts.defence + counts.contradicts;
  if (counts.prosecution === 0 && against === 0) return 'unaddressed';
  if (against === 0) return 'supported';
  return counts.prosecution === 0 ? 'refuted' : 'contested';
}

export function board(data: CaseFile) {
  const byElement = new Map<string, LinkRecord[]>();
  for (const link of data.links)
    byElement.set(link.elementId, [...(byElement.get(link.elementId) ?? []), link]);
  return data.charges.map((charge) => ({
    chargeId: charge.id,
    elements: charge.elements.map((element) => {
      const counts: Counts = { defence: 0, prosecution: 0, contradicts: 0, context: 0 };
      for (const link of byElement.get(element.id) ?? []) counts[link.stance] += 1;
      const computed = elementStatus(counts);
      return {
        elementId: element.id,
        computed,
        status: element.override?.status ?? computed,
        counts,
        gap: counts.defence + counts.contradicts === 0,
      };
    }),
  }));
}

/**
 * Groups of items that are not independent of each other: an item and everything it derives
 * from, directly or through others (a report that repeats a video, and a second report that
 * repeats the first, all stand on the video). Union-find over the derived-from links.
 */
export function dependenceGroups(data: CaseFile): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const item of data.evidence) {
    parent.set(item.id, parent.get(item.id) ?? item.id);
    for (const from of item.derivedFrom) {
      parent.set(from, parent.get(from) ?? from);
      parent.set(find(item.id), find(from));
    }
  }
  const numbers = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const item of data.evidence) {
    const root = find(item.id);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    groups.set(item.id, numbers.get(root) ?? 0);
  }
  return groups;
}

export function corroboration(data: CaseFile) {
  const groups = dependenceGroups(data);
  const items = new Map(data.evidence.map((e) => [e.id, e]));
  const grades = new Map(data.sources.map((s) => [s.id, s.reliability]));
  return data.events.map((event) => {
    const ids = [...new Set([...event.evidenceIds, ...event.datings.map((d) => d.evidenceId)])];
    const sources = ids.flatMap((evidenceId) => {
      const item = items.get(evidenceId);
      if (item === undefined) return [];
      const reliability: Reliability | undefined =
        item.sourceId === undefined ? undefined : grades.get(item.sourceId);
      return [
        {
          evidenceId,
          ...(reliability === undefined ? {} : { reliability }),
          credibility: item.credibility,
          group: groups.get(evidenceId) ?? 0,
        },
      ];
    });
    return { eventId: event.id, sources, independent: new Set(sources.map((s) => s.group)).size };
  });
}

/** The span of time a date at a precision stands for, as [start, end) in ms (UTC). */
export function dateSpan(date: string, precision: DatePrecision): [number, number] {
  const [y = 0, m = 1, d = 1] = date.slice(0, 10).split('-').map(Number);
  const hasTime = date.length > 10;
  if (precision === 'exact' && hasTime) {
    const t = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(date) ? date : `${date}Z`);
    return [t - 60_000, t + 60_000];
  }
  const dayStart = Date.UTC(y, m - 1, date.length >= 10 ? d : 1);
  if (date.length === 4) return widen([Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)], precision);
  if (date.length === 7 || precision === 'month')
    return widen([Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)], precision);
  return widen([dayStart, dayStart + 86_400_000], precision);
}

/** "Approximately" allows a week either side. */
function widen(span: [number, number], precision: DatePrecision): [number, number] {
  const week = 7 * 86_400_000;
  return precision === 'approx' ? [span[0] - week, span[1] + week] : span;
}

/** Two datings of one event conflict when the times they stand for do not overlap. */
export function conflicts(events: readonly EventRecord[]) {
  return events.flatMap((event) => {
    const own = dateSpan(event.date, event.precision);
    const differing = event.datings.filter((dating) => {
      const span = dateSpan(dating.date, dating.precision);
      return span[1] <= own[0] || span[0] >= own[1];
    });
    if (differing.length === 0) return [];
    return [
      {
        eventId: event.id,
        dates: [
          { date: event.date },
          ...differing.map((d) => ({ date: d.date, evidenceId: d.evidenceId })),
        ],
      },
    ];
  });
}

/** The chronology in date order (earliest first; a less precise date sorts at its start). */
export function sortedEvents(events: readonly EventRecord[]): EventRecord[] {
  return [...events].sort(
    (a, b) => dateSpan(a.date, a.precision)[0] - dateSpan(b.date, b.precision)[0],
  );
}
