import { describe, expect, it } from 'vitest';
import {
  buildRows,
  emptyFilter,
  filterRows,
  nextSort,
  sortRows,
  type LibraryRow,
} from '../../../renderer/features/evidence/library-filter';
import { sampleItem, sampleLibrary, samplePersons, sampleSources, uuidOf } from './sample-library';

const items = sampleLibrary(10_000);
const rows = buildRows(items, sampleSources, samplePersons);
const numbers = (list: readonly LibraryRow[]) =>
  list.map((row) => Number.parseInt(row.item.id.slice(-12), 16));
const range = (predicate: (n: number) => boolean) =>
  Array.from({ length: 10_000 }, (_, n) => n).filter(predicate);

describe('the library filter, at 10,000 items', () => {
  it('keeps everything with no filter', () => {
    expect(filterRows(rows, emptyFilter)).toHaveLength(10_000);
  });

  it('finds titles across case and ё/е, every word required', () => {
    const found = filterRows(rows, { ...emptyFilter, text: '  дегтярев   ВИДЕО ' });
    expect(numbers(found)).toEqual(range((n) => n % 1000 === 0));
    expect(filterRows(rows, { ...emptyFilter, text: 'дегтярев nothing-like-this' })).toEqual([]);
  });

  it('finds file names and tags', () => {
    expect(numbers(filterRows(rows, { ...emptyFilter, text: 'file-9999.bin' }))).toEqual([9999]);
    expect(numbers(filterRows(rows, { ...emptyFilter, text: 'mobilis' }))).toEqual(
      range((n) => n % 10 === 5),
    );
  });

  it('combines facets with AND and values within a facet with OR', () => {
    const found = filterRows(rows, {
      ...emptyFilter,
      kinds: ['video', 'image'],
      credibility: [1, 2],
      linked: 'linked',
    });
    const expected = range((n) => [0, 4].includes(n % 7) && [0, 1].includes(n % 6) && n % 5 === 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(numbers(found)).toEqual(expected);
  });

  it('filters by source, by its reliability, by person and by tag', () => {
    const meduza = sampleSources[0]?.id ?? '';
    expect(numbers(filterRows(rows, { ...emptyFilter, sourceIds: [meduza] }))).toEqual(
      range((n) => n % 7 !== 6 && n % 6 === 0),
    );
    // Grades A and F: Meduza and "Unknown"; items without a source have no grade.
    expect(numbers(filterRows(rows, { ...emptyFilter, reliability: ['A', 'F'] }))).toEqual(
      range((n) => n % 7 !== 6 && (n % 6 === 0 || n % 6 === 5)),
    );
    const kuznetsov = samplePersons[1]?.id ?? '';
    expect(numbers(filterRows(rows, { ...emptyFilter, personIds: [kuznetsov] }))).toEqual(
      range((n) => n % 4 === 0 && n % 3 === 1),
    );
    expect(
      numbers(filterRows(rows, { ...emptyFilter, tags: ['training', 'mobilisation'] })),
    ).toEqual(range((n) => n % 5 === 0));
  });

  it('keeps the unlinked items only', () => {
    expect(filterRows(rows, { ...emptyFilter, linked: 'unlinked' })).toHaveLength(8000);
  });

  it('names sources and persons on each row and picks the most telling date', () => {
    const row = buildRows([sampleItem(12)], sampleSources, samplePersons)[0];
    expect(row).toMatchObject({
      sourceName: 'Meduza',
      reliability: 'A',
      personNames: ['Дегтярёв А. В.'],
      date: '2026-01-15',
      dateKind: 'event',
    });
    const unknown = buildRows(
      [{ ...sampleItem(2), personIds: [uuidOf('90000000', 99)], sourceId: uuidOf('5', 1) }],
      sampleSources,
      samplePersons,
    )[0];
    expect(unknown).toMatchObject({ sourceName: undefined, personNames: [] });
  });
});

describe('sorting the library, at 10,000 items', () => {
  it('sorts by title naturally, both ways', () => {
    const asc = sortRows(rows, { column: 'title', direction: 'asc' });
    const titles = asc.map((row) => row.item.title);
    expect(titles.slice(0, 3)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    expect(titles.indexOf('Item 9')).toBeLessThan(titles.indexOf('Item 10'));
    const desc = sortRows(rows, { column: 'title', direction: 'desc' });
    expect(desc[0]?.item.title).toBe('Видео у части Дегтярёв 9000');
    expect(desc).toHaveLength(10_000);
  });

  it('puts items without a value last in either direction', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortRows(rows, { column: 'date', direction });
      const dated = sorted.filter((row) => row.date !== undefined).length;
      expect(sorted.slice(dated).every((row) => row.date === undefined)).toBe(true);
      const dates = sorted.slice(0, dated).map((row) => row.date ?? '');
      const expected = [...dates].sort();
      expect(dates).toEqual(direction === 'asc' ? expected : expected.reverse());
    }
    const bySource = sortRows(rows, { column: 'source', direction: 'desc' });
    expect(bySource.at(-1)?.sourceName).toBeUndefined();
    expect(bySource[0]?.sourceName).toBe('Unknown');
  });

  it('sorts numbers as numbers and grades from best to worst', () => {
    const sizes = sortRows(rows, { column: 'size', direction: 'asc' })
      .map((row) => row.item.size)
      .filter((size) => size !== undefined);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const grades = sortRows(rows, { column: 'reliability', direction: 'asc' }).map(
      (row) => row.reliability,
    );
    expect(grades[0]).toBe('A');
    expect(grades.filter((g) => g !== undefined).at(-1)).toBe('F');
  });

  it('breaks ties by newest first', () => {
    const sorted = sortRows(rows, { column: 'linked', direction: 'asc' });
    expect(numbers(sorted.slice(0, 3))).toEqual([9995, 9990, 9985]);
  });

  it('flips the direction on the same column and starts ascending on another', () => {
    expect(nextSort({ column: 'title', direction: 'asc' }, 'title')).toEqual({
      column: 'title',
      direction: 'desc',
    });
    expect(nextSort({ column: 'title', direction: 'desc' }, 'size')).toEqual({
      column: 'size',
      direction: 'asc',
    });
  });
});
