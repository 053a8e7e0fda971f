import { describe, expect, it } from 'vitest';
import type { SearchFilter } from '../../../shared/search';
import { hitFilter } from '../../../electron/core/search/hit-filter';
import type { SearchDoc } from '../../../electron/core/search/search-documents';

const meduza = '00000000-0000-4000-8000-00000000000a';
const wife = '00000000-0000-4000-8000-00000000000b';

function doc(more: Partial<SearchDoc>): SearchDoc {
  return {
    id: 'e:x',
    kind: 'article',
    entityId: '00000000-0000-4000-8000-000000000001',
    title: 'Item',
    fields: {},
    sig: 's',
    ...more,
  };
}

describe('search filters', () => {
  const table: [string, SearchFilter, Partial<SearchDoc>, boolean][] = [
    ['no filter keeps anything', {}, {}, true],
    ['empty lists are no filter', { kinds: undefined, from: undefined }, {}, true],
    ['a kind listed', { kinds: ['article', 'video'] }, { kind: 'article' }, true],
    ['a kind not listed', { kinds: ['statement'] }, { kind: 'article' }, false],
    ['persons are a kind too', { kinds: ['person'] }, { kind: 'person' }, true],
    ['its source', { sourceIds: [meduza] }, { sourceId: meduza }, true],
    ['another source', { sourceIds: [meduza] }, { sourceId: wife }, false],
    ['no source at all', { sourceIds: [meduza] }, {}, false],
    ['one of its persons', { personIds: [wife] }, { personIds: [meduza, wife] }, true],
    ['none of its persons', { personIds: [wife] }, { personIds: [meduza] }, false],
    ['a date within', { from: '2026-11-01', to: '2026-11-30' }, { date: '2026-11-20' }, true],
    ['the first day counts', { from: '2026-11-20' }, { date: '2026-11-20' }, true],
    ['the last day counts', { to: '2026-11-20' }, { date: '2026-11-20T23:59:00Z' }, true],
    ['a date before', { from: '2026-11-21' }, { date: '2026-11-20' }, false],
    ['a date after', { to: '2026-11-19' }, { date: '2026-11-20' }, false],
    ['undated never passes a date filter', { from: '2000-01-01' }, {}, false],
    ['a month overlapping the range', { from: '2026-11-15' }, { date: '2026-11' }, true],
    ['a month before the range', { from: '2026-12-01' }, { date: '2026-11' }, false],
    ['a year overlapping the range', { to: '2026-01-10' }, { date: '2026' }, true],
    [
      'every filter at once',
      { kinds: ['statement'], personIds: [wife], from: '2026-11-01', sourceIds: [meduza] },
      { kind: 'statement', personIds: [wife], date: '2026-11-22', sourceId: meduza },
      true,
    ],
  ];
  it.each(table)('%s', (_name, filter, more, kept) => {
    const keep = hitFilter(filter);
    expect(keep === null || keep(doc(more))).toBe(kept);
  });
});
