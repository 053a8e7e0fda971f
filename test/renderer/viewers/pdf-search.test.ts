import { describe, expect, it } from 'vitest';
import {
  findInPages,
  firstMatchFrom,
  foldText,
  queryPattern,
  type PageText,
} from '../../../renderer/features/viewers/pdf-search';

const line = (...runs: string[]): PageText =>
  runs.map((str, i) => ({ str, hasEOL: i === runs.length - 1 }));

const pages: PageText[] = [
  // Page 1: the name split across two runs, as pdf.js often gives it.
  [...line('Рядовой ', 'Дегтя', 'рёв А. В.'), ...line('отказался выполнить приказ')],
  // Page 2: nothing.
  line('Протокол задержания'),
  // Page 3: another spelling, the name broken over a line end, and English.
  [
    ...line('Свидетель видел, как ДЕГТЯРЕВ'),
    ...line('и Кузнецов'),
    ...line('were detained by the military police.'),
    ...line('The Military'),
    ...line('Police report'),
  ],
];

describe('search across PDF pages', () => {
  it('finds a name however it is split, cased or spelt with ё or е', () => {
    const matches = findInPages(pages, 'дегтярёв');
    expect(matches).toEqual([
      { page: 1, items: [1, 2] },
      { page: 3, items: [0] },
    ]);
    expect(findInPages(pages, 'Дегтярев')).toEqual(matches);
  });

  it('matches any spaces or line breaks between the words of the query', () => {
    expect(findInPages(pages, 'military   police')).toEqual([
      { page: 3, items: [2] },
      { page: 3, items: [3, 4] },
    ]);
    expect(findInPages(pages, 'ДЕГТЯРЕВ и Кузнецов')).toEqual([{ page: 3, items: [0, 1] }]);
  });

  it('takes the query literally, not as a pattern', () => {
    expect(findInPages([line('Art. 332 (2)')], '332 (2)')).toEqual([{ page: 1, items: [0] }]);
    expect(findInPages([line('Art. 332 (2)')], 'A.t')).toEqual([]);
    expect(findInPages(pages, '.*')).toEqual([]);
  });

  it('finds nothing for an empty query, or a word that is not there', () => {
    expect(queryPattern('   ')).toBeNull();
    expect(findInPages(pages, '')).toEqual([]);
    expect(findInPages(pages, 'трибунал')).toEqual([]);
  });

  it('starts from the first match on or after the page being read', () => {
    const matches = findInPages(pages, 'дегтярев');
    expect(firstMatchFrom(matches, 1)).toBe(0);
    expect(firstMatchFrom(matches, 2)).toBe(1);
    expect(firstMatchFrom(matches, 4)).toBe(0);
  });

  it('folds without moving any character', () => {
    for (const text of ['Ёжик İstanbul ß', 'ДЕГТЯРЁВ', 'emoji 😀 Ok']) {
      expect(foldText(text)).toHaveLength(text.length);
    }
    expect(foldText('ЁЖИК Дегтярёв')).toBe('ежик дегтярев');
  });
});
