import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord, PersonRecord } from '../../../shared/evidence';
import { searchInputSchema } from '../../../shared/search';
import type { CaseFile } from '../../../electron/core/cases/case-file';
import { CaseIndex } from '../../../electron/core/search/case-index';
import { hitFilter } from '../../../electron/core/search/hit-filter';
import { parseQuery, queryTree } from '../../../electron/core/search/search-query';

const now = '2026-11-20T10:00:00.000Z';

function statement(text: string): EvidenceRecord {
  return {
    id: randomUUID(),
    kind: 'statement',
    title: 'Statement',
    credibility: 6,
    tags: [],
    personIds: [],
    derivedFrom: [],
    metadata: {},
    intakeNotes: [],
    statement: { text },
    moments: [],
    stills: [],
    addedAt: now,
    updatedAt: now,
  };
}

function caseOf(evidence: EvidenceRecord[], persons: PersonRecord[] = []): CaseFile {
  return {
    version: 1,
    case: {
      id: randomUUID(),
      title: 'Case',
      clients: [],
      status: 'open',
      createdAt: now,
      updatedAt: now,
    },
    evidence,
    persons,
    sources: [],
    charges: [],
    links: [],
    events: [],
    dossiers: [],
    custody: [],
  };
}

/** One statement per spelling; searching each spelling returns the texts it finds. */
async function searcher(spellings: readonly string[], persons: PersonRecord[] = []) {
  const items = spellings.map((s) => statement(`Свидетель: ${s}.`));
  const index = CaseIndex.empty();
  await index.refresh(caseOf(items, persons), () => Promise.resolve(undefined));
  const textOf = new Map(items.map((item, i) => [item.id, spellings[i] ?? '']));
  return (query: string): string[] => {
    const request = searchInputSchema.parse({ query, prefix: false });
    const tree = queryTree(parseQuery(request.query, false), index.nameTable);
    if (tree === null) return [];
    return index
      .search(tree, hitFilter({ kinds: ['statement'] }), 100)
      .hits.map((hit) => textOf.get(hit.doc.entityId) ?? '');
  };
}

const sameName: readonly (readonly string[])[] = [
  // The defendant of issue 8, as the press, his passport, a catalogue and his wife write him.
  [
    'Degtyaryov',
    'Degtyarev',
    'Degtiarev',
    'Degtârëv',
    'Degtyarëv',
    'DEGTYAREV',
    'Дегтярёв',
    'Дегтярев',
    'Дегтярёва',
    'Дегтярёвой',
    'Дегтярёвым',
  ],
  ['Grebenyuk', 'Grebenuk', 'Grebeniuk', 'Гребенюк', 'Гребенюка', 'Гребенюком'],
  // yu / iu / u and ya / ia / a
  ['Yuliya', 'Iuliia', 'Yulia', 'Юлия', 'Юлии'],
  // yo / e
  ['Fyodor', 'Fedor', 'Fiodor', 'Фёдор', 'Федора'],
  // kh / h, and the apostrophe for ь
  ['Kharkov', 'Harkov', 'Khar’kov', 'Харьков'],
  // ts / tz
  ['Tsoi', 'Tzoi', 'Цой'],
  // y / i
  ['Dmitriy', 'Dmitrii', 'Dmitry', 'Дмитрий'],
  ['Yel’tsin', 'Yeltsin', 'Eltsin', 'Ельцин'],
];

describe('every spelling of one name finds every other, and no other name', () => {
  const all = sameName.flat();
  it.each(sameName.map((group) => [group[0] ?? '', group] as const))('%s', async (_name, group) => {
    const find = await searcher(all);
    for (const spelling of group) {
      const found = find(spelling);
      expect(new Set(found), spelling).toEqual(new Set(group));
    }
  });
});

describe('names that only look alike stay apart', () => {
  it.each([
    ['Grebenyuk', 'Hrebeniuk'],
    ['Galina', 'Halina'],
    ['Ivanov', 'Ivanenko'],
    ['Kuznetsov', 'Kuzmin'],
  ])('%s does not find %s', async (a, b) => {
    const find = await searcher([a, b]);
    expect(find(a)).toEqual([a]);
    expect(find(b)).toEqual([b]);
  });
});

describe('word forms', () => {
  it('finds Russian and English inflections through their stems, ё as е', async () => {
    const find = await searcher(['ни обучения', 'no training', 'ещё', 'была задержана']);
    expect(find('обучение')).toEqual(['ни обучения']);
    expect(find('trained')).toEqual(['no training']);
    expect(find('еще')).toEqual(['ещё']);
    expect(find('задержан')).toEqual(['была задержана']);
  });

  it('finds a name written in lower case, as notes often have it', async () => {
    const find = await searcher(['звонила дегтярёвой', 'met grebenyuk']);
    expect(find('Degtyarev')).toEqual(['звонила дегтярёвой']);
    expect(find('Гребенюк')).toEqual(['met grebenyuk']);
  });
});

describe('a person’s registered variants', () => {
  it('expand the query word for word: surname for surname, given name for given name', async () => {
    const person: PersonRecord = {
      id: randomUUID(),
      displayName: 'Алексей Гребенюк',
      variants: [{ text: 'Hrebeniuk Oleksii', origin: 'source', script: 'latin' }],
      role: 'expert',
      protected: false,
      createdAt: now,
      updatedAt: now,
    };
    const find = await searcher(['Hrebeniuk', 'Oleksii', 'Алексей Гребенюк'], [person]);
    expect(new Set(find('Grebenyuk'))).toEqual(new Set(['Hrebeniuk', 'Алексей Гребенюк']));
    expect(new Set(find('Alexei'))).toEqual(new Set(['Oleksii', 'Алексей Гребенюк']));
  });
});
