import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../shared/evidence';
import type { CaseFile } from '../../../electron/core/cases/case-file';
import { CaseIndex } from '../../../electron/core/search/case-index';
import { hitFilter } from '../../../electron/core/search/hit-filter';
import { parseQuery, queryTree } from '../../../electron/core/search/search-query';
import { matcherFor, place } from '../../../electron/core/search/snippets';

const now = '2026-11-20T10:00:00.000Z';

async function snippetFor(text: string, query: string) {
  const item: EvidenceRecord = {
    id: randomUUID(),
    kind: 'document',
    title: 'Protocol',
    credibility: 6,
    tags: [],
    personIds: [],
    derivedFrom: [],
    metadata: {},
    intakeNotes: [],
    textBlob: { blobId: 'a'.repeat(26), chars: text.length },
    moments: [],
    stills: [],
    addedAt: now,
    updatedAt: now,
  };
  const data: CaseFile = {
    version: 1,
    case: {
      id: randomUUID(),
      title: 'Case',
      clients: [],
      status: 'open',
      createdAt: now,
      updatedAt: now,
    },
    evidence: [item],
    persons: [],
    sources: [],
    charges: [],
    links: [],
    events: [],
    dossiers: [],
    custody: [],
  };
  const index = CaseIndex.empty();
  await index.refresh(data, () => Promise.resolve(text));
  const tree = queryTree(parseQuery(query, false), index.nameTable);
  const [hit] = tree === null ? [] : index.search(tree, hitFilter({ kinds: ['document'] }), 1).hits;
  if (hit === undefined) throw new Error('no hit');
  const placed = place(hit.doc, hit.result, matcherFor(hit.result));
  return {
    ...placed,
    marked: placed.snippet.ranges.map(([a, b]) => placed.snippet.text.slice(a, b)),
  };
}

describe('snippets', () => {
  it('cut a long text around the first match, marked at both ends, white space folded', async () => {
    const filler = 'Lorem ipsum dolor sit amet.\n\n '.repeat(20_000);
    const text = `${filler}Свидетель\t\tДегтярёв   сказал, что Дегтярёва не было.\n${filler}`;
    const found = await snippetFor(text, 'Degtyarev');
    expect(found.snippet.text.startsWith('…')).toBe(true);
    expect(found.snippet.text.endsWith('…')).toBe(true);
    expect(found.snippet.text.length).toBeLessThanOrEqual(230);
    expect(found.snippet.text).toContain('Свидетель Дегтярёв сказал, что Дегтярёва не было.');
    expect(found.marked).toEqual(['Дегтярёв', 'Дегтярёва']);
    expect(found.match).toBe('Дегтярёв');
  });

  it('keep a short text whole, and mark every form of the word', async () => {
    const found = await snippetFor('Degtyarev, Degtyaryov and Дегтярёвой.', 'Дегтярёв');
    expect(found.snippet.text).toBe('Degtyarev, Degtyaryov and Дегтярёвой.');
    expect(found.marked).toEqual(['Degtyarev', 'Degtyaryov', 'Дегтярёвой']);
  });

  it('mark at most a hundred words', async () => {
    const found = await snippetFor('да '.repeat(500), 'да');
    expect(found.snippet.ranges.length).toBeLessThanOrEqual(100);
    expect(found.marked.every((w) => w === 'да')).toBe(true);
  });
});
