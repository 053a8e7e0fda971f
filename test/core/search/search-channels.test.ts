import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSearchCase, type SearchCase } from './search-case';

let c: SearchCase;

beforeAll(async () => {
  c = await seedSearchCase();
}, 60_000);
afterAll(() => c.cleanup());

describe('search:query finds a name in every spelling (issue 8)', () => {
  const defendant = ['Degtyaryov', 'Degtyarev', 'Дегтярёв', 'Дегтярёва', 'Дегтярёвой'];

  it.each(defendant)(
    '%s finds both reports, the statement and the PDF, not the neighbour',
    async (q) => {
      const found = await c.find(q);
      expect(found).toEqual(
        expect.arrayContaining([c.ids.meduza, c.ids.moscowTimes, c.ids.statement, c.ids.protocol]),
      );
      expect(found).not.toContain(c.ids.unrelated);
      expect(found).not.toContain(c.ids.ukrainian);
    },
  );

  it.each(['Grebenyuk', 'Grebenuk', 'Гребенюк', 'Гребенюка'])(
    '%s finds both reports that quote the expert',
    async (q) => {
      const found = await c.find(q);
      expect(found).toEqual(expect.arrayContaining([c.ids.meduza, c.ids.moscowTimes]));
      expect(found).not.toContain(c.ids.statement);
    },
  );

  it('ranks the item that names him most above passing mentions, whatever the spelling', async () => {
    const items = {
      filter: { kinds: ['article' as const, 'statement' as const, 'document' as const] },
    };
    for (const q of ['Дегтярёвой', 'Degtyaryov', 'Degtyarev'])
      expect((await c.find(q, items))[0]).toBe(c.ids.statement);
  });

  it('matches Russian and English word forms through stemming', async () => {
    expect(await c.find('обучение')).toContain(c.ids.statement);
    expect(await c.find('trained')).toContain(c.ids.meduza);
  });

  it('shows a snippet of the statement with the Cyrillic name as a range', async () => {
    const { hits } = await c.call('search:query', { caseId: c.caseId, query: 'Degtyarev' });
    const hit = hits.find((h) => h.id === c.ids.statement);
    expect(hit?.kind).toBe('statement');
    expect(hit?.field).toBe('text');
    const marked = hit?.snippet.ranges.map(([a, b]) => hit.snippet.text.slice(a, b));
    expect(marked).toEqual(['Дегтярёв', 'Дегтярёву', 'Дегтярёвой']);
    expect(hit?.match).toBe('Дегтярёв');
    // The case's title says Degtyaryov too: the case itself is a hit, its title marked.
    const caseHit = hits.find((h) => h.kind === 'case');
    expect(caseHit?.titleRanges.map(([a, b]) => caseHit.title.slice(a, b))).toEqual(['Degtyaryov']);
  });

  it('points to the page of the PDF the name is on', async () => {
    const { hits } = await c.call('search:query', { caseId: c.caseId, query: 'Дегтярёв' });
    const pdf = hits.find((h) => h.id === c.ids.protocol);
    expect(pdf?.page).toBe(3);
    expect(pdf?.match).toBe('Degtyarev');
  });

  it('finds a word as it is being typed, and not a finished word as a prefix', async () => {
    expect(await c.find('Degty')).toContain(c.ids.statement);
    expect(await c.find('Degty ', { prefix: true })).toEqual([]);
    expect(await c.find('Degty', { prefix: false })).toEqual([]);
  });

  it('filters by kind, source, date and person', async () => {
    const query = 'Degtyarev';
    expect(await c.find(query, { filter: { kinds: ['statement'] } })).toEqual([c.ids.statement]);
    expect(await c.find(query, { filter: { sourceIds: [c.sources.meduza] } })).toEqual([
      c.ids.meduza,
    ]);
    expect(
      new Set(await c.find(query, { filter: { from: '2026-11-21', to: '2026-11-30' } })),
    ).toEqual(new Set([c.ids.moscowTimes, c.ids.statement]));
    const { person } = await c.call('person:add', {
      caseId: c.caseId,
      person: { name: 'Мария Дегтярёва', role: 'relative' },
    });
    await c.call('evidence:update', {
      caseId: c.caseId,
      id: c.ids.statement,
      fields: { personIds: [person.id] },
    });
    expect(await c.find(query, { filter: { personIds: [person.id] } })).toEqual(
      expect.arrayContaining([c.ids.statement, person.id]),
    );
    expect(await c.find(query, { filter: { personIds: [person.id], kinds: ['article'] } })).toEqual(
      [],
    );
  });

  it('searches every case when none is named, each hit saying its case', async () => {
    const other = await c.call('case:create', { title: 'Another case', clients: [] });
    await c.call('intake:text', {
      caseId: other.id,
      kind: 'statement',
      title: 'Another statement',
      text: 'Свидетель Дегтярев не явился.',
    });
    const { hits } = await c.call('search:query', { query: 'Degtyaryov' });
    const cases = new Set(hits.map((h) => h.caseTitle));
    expect(cases).toEqual(new Set(['Art. 332: Degtyaryov', 'Another case']));
  });

  it('finds nothing for a query with no words, and refuses an oversized one', async () => {
    expect(await c.find(' … !')).toEqual([]);
    await expect(c.find('x'.repeat(501))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('the persons’ registered variants', () => {
  it('bring in a spelling the folds do not: Grebenyuk finds Hrebeniuk once registered', async () => {
    expect(await c.find('Grebenyuk')).not.toContain(c.ids.ukrainian);
    const { person } = await c.call('person:add', {
      caseId: c.caseId,
      person: { name: 'Алексей Гребенюк', variants: ['Oleksii Hrebeniuk'], role: 'expert' },
    });
    for (const q of ['Grebenyuk', 'Grebenuk', 'Гребенюк']) {
      const found = await c.find(q);
      expect(found).toEqual(
        expect.arrayContaining([c.ids.meduza, c.ids.moscowTimes, c.ids.ukrainian, person.id]),
      );
    }
    // The given name follows the given name: Alexei finds Oleksii, not the surname alone.
    expect(await c.find('Алексей')).toContain(c.ids.ukrainian);
  });
});

describe('an index kept current', () => {
  it('follows edits, moments, translations and deletions at once', async () => {
    expect(await c.find('Kuznetsov')).toEqual([c.ids.unrelated]);
    await c.call('evidence:update', {
      caseId: c.caseId,
      id: c.ids.unrelated,
      fields: { notes: 'Also mentions a grey minibus' },
    });
    expect(await c.find('minibus')).toEqual([c.ids.unrelated]);

    await c.call('moment:add', {
      caseId: c.caseId,
      evidenceId: c.ids.video,
      at: 65.5,
      note: 'Дегтярёва выводят из машины',
    });
    const { hits } = await c.call('search:query', { caseId: c.caseId, query: 'Degtyarev' });
    const moment = hits.find((h) => h.id === c.ids.video);
    expect(moment?.field).toBe('moments');
    expect(moment?.at).toBe(65.5);

    await c.call('evidence:update', {
      caseId: c.caseId,
      id: c.ids.meduza,
      translation: {
        language: 'ru',
        text: 'Двое мобилизованных задержаны у части',
        method: 'human',
      },
    });
    expect(await c.find('задержаны')).toContain(c.ids.meduza);

    // A statement taken in from a file counts by its edited text, not the text it came with.
    const scanned = await c.upload(
      Buffer.from('Показания соседа: видел машину у части.'),
      'neighbour.txt',
      'statement',
    );
    expect(await c.find('машину')).toContain(scanned);
    await c.call('evidence:update', {
      caseId: c.caseId,
      id: scanned,
      fields: { statement: { text: 'Показания соседа: видел, как Гребенюк вышел из автобуса.' } },
    });
    expect(await c.find('Grebenyuk')).toContain(scanned);
    expect(await c.find('машину')).not.toContain(scanned);

    await c.call('evidence:delete', { caseId: c.caseId, id: c.ids.unrelated });
    expect(await c.find('Kuznetsov')).toEqual([]);
  });
});
