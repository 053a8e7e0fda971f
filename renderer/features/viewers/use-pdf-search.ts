import { useCallback, useRef, useState } from 'react';
import type { PdfDocument } from './pdf-document';
import {
  findInPage,
  firstMatchFrom,
  queryPattern,
  type PageText,
  type PdfMatch,
} from './pdf-search';

export type PdfSearchState = {
  readonly query: string;
  readonly matches: readonly PdfMatch[];
  /** The match shown, an index into `matches`; -1 when there is none. */
  readonly current: number;
  readonly status: 'idle' | 'searching' | 'done';
  /** Pages read so far during a search. */
  readonly pagesRead: number;
};

const idle: PdfSearchState = { query: '', matches: [], current: -1, status: 'idle', pagesRead: 0 };

/**
 * Text search across every page. Page texts are read from pdf.js once per document and kept
 * for the next search; a new search abandons the one running. `onMatch` hears of every match
 * that comes to be shown, so the viewer can turn to its page.
 */
export function usePdfSearch(doc: PdfDocument | null, onMatch: (match: PdfMatch) => void) {
  // Tagged with its document: the state of a search in another document is no state at all.
  const [tagged, setTagged] = useState<{ doc: PdfDocument | null; state: PdfSearchState }>({
    doc,
    state: idle,
  });
  const state = tagged.doc === doc ? tagged.state : idle;
  const texts = useRef(new WeakMap<PdfDocument, Map<number, PageText>>());
  const generation = useRef(0);

  const search = useCallback(
    async (query: string, fromPage: number) => {
      const run = ++generation.current;
      const pattern = queryPattern(query);
      if (doc === null || pattern === null) {
        setTagged({ doc, state: idle });
        return;
      }
      const set = (next: PdfSearchState) => setTagged({ doc, state: next });
      set({ query, matches: [], current: -1, status: 'searching', pagesRead: 0 });
      let cache = texts.current.get(doc);
      if (cache === undefined) {
        cache = new Map();
        texts.current.set(doc, cache);
      }
      const matches: PdfMatch[] = [];
      for (let page = 1; page <= doc.pageCount; page += 1) {
        let items = cache.get(page);
        if (items === undefined) {
          // A page whose text cannot be read (damaged, or only an image) has nothing to find.
          items = await doc
            .page(page)
            .then((p) => p.text())
            .catch((): PageText => []);
          cache.set(page, items);
        }
        if (run !== generation.current) return;
        matches.push(...findInPage(items, page, pattern));
        if (page % 25 === 0)
          set({ query, matches: [], current: -1, status: 'searching', pagesRead: page });
      }
      const current = matches.length === 0 ? -1 : firstMatchFrom(matches, fromPage);
      set({ query, matches, current, status: 'done', pagesRead: doc.pageCount });
      const shown = matches[current];
      if (shown !== undefined) onMatch(shown);
    },
    [doc, onMatch],
  );

  const step = (by: 1 | -1) => {
    if (state.matches.length === 0) return;
    const current = (state.current + by + state.matches.length) % state.matches.length;
    setTagged({ doc, state: { ...state, current } });
    const shown = state.matches[current];
    if (shown !== undefined) onMatch(shown);
  };

  const clear = () => {
    generation.current += 1;
    setTagged({ doc, state: idle });
  };

  return { state, search, next: () => step(1), previous: () => step(-1), clear };
}
