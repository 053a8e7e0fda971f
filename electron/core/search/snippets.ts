import type { SearchResult } from 'minisearch';
import {
  searchFields,
  type MatchRange,
  type SearchField,
  type Snippet,
} from '../../../shared/search';
import { pageOf, type SearchDoc } from './search-documents';
import { scanWords, wordKeys } from './search-terms';

/**
 * Where a hit matched, for the lawyer to see: a short piece of the field that matched best,
 * with the matched words as ranges (never markup: the renderer draws them), and the page or
 * moment to open. A word matches when one of its terms is a term the search found in the
 * document (MiniSearch reports those, prefix and fuzzy matches included).
 */

export type Matcher = (word: string) => boolean;

export function matcherFor(result: SearchResult): Matcher {
  const terms = new Set(result.terms);
  return (word) => wordKeys(word).some((k) => terms.has(k));
}

const maxRanges = 100;

/** The ranges of the matching words of a short text (a title). */
export function matchRanges(text: string, matches: Matcher): MatchRange[] {
  const ranges: MatchRange[] = [];
  scanWords(text, 0, (word, start, end) => {
    if (matches(word)) ranges.push([start, end]);
    return ranges.length >= maxRanges;
  });
  return ranges;
}

export type Placed = {
  readonly field: SearchField;
  readonly snippet: Snippet;
  readonly match?: string;
  readonly page?: number;
  readonly at?: number;
};

/** Characters of context before the first match, and the snippet's length at most. */
const lead = 60;
const width = 220;

/**
 * The text between start and end with each run of white space as one space, and the ranges
 * moved to match; "…" marks a cut at either end.
 */
function tidy(text: string, start: number, end: number, ranges: readonly MatchRange[]): Snippet {
  const prefix = start > 0 ? '…' : '';
  let out = prefix;
  const map: number[] = [];
  let lastSpace = prefix === '';
  for (let i = start; i < end; i += 1) {
    map.push(out.length);
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
    } else {
      out += c;
      lastSpace = false;
    }
  }
  map.push(out.length);
  const trimmed = out.trimEnd();
  const at = (i: number) => Math.min(map[i - start] ?? trimmed.length, trimmed.length);
  return {
    text: trimmed + (end < text.length ? '…' : ''),
    ranges: ranges.map(([a, b]) => [at(a), at(b)] as MatchRange).filter(([a, b]) => b > a),
  };
}

function windowAround(text: string, first: number): [number, number] {
  let start = Math.max(0, first - lead);
  if (start > 0) {
    const space = text.slice(start, first).search(/\s/);
    start = space === -1 ? first : start + space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    const cut = text.slice(first, end).search(/\s\S*$/);
    if (cut > 0) end = first + cut;
  }
  return [start, end];
}

/** A snippet from one text: around its first matching word, or its start when none matches. */
function cut(
  text: string,
  matches: Matcher,
): { snippet: Snippet; first?: { word: string; start: number } } {
  let first: { word: string; start: number } | undefined;
  scanWords(text, 0, (word, start) => {
    if (matches(word)) first = { word, start };
    return first !== undefined;
  });
  if (first === undefined) {
    const end = Math.min(text.length, width);
    return { snippet: tidy(text, 0, end, []) };
  }
  const [start, end] = windowAround(text, first.start);
  const ranges: MatchRange[] = [];
  scanWords(text, start, (word, from, to) => {
    if (to > end) return true;
    if (matches(word)) ranges.push([from, to]);
    return ranges.length >= maxRanges;
  });
  return { snippet: tidy(text, start, end, ranges), first };
}

/** Body fields in the order a snippet is taken from when several matched as well. */
const bodyOrder: readonly SearchField[] = searchFields.filter((f) => f !== 'title');

/**
 * The field with the most matched terms (the title only when nothing else matched), and its
 * snippet, page and moment.
 */
export function place(doc: SearchDoc, result: SearchResult, matches: Matcher): Placed {
  const counts = new Map<SearchField, number>();
  for (const fields of Object.values(result.match))
    for (const field of fields)
      counts.set(field as SearchField, (counts.get(field as SearchField) ?? 0) + 1);
  let best: SearchField | undefined;
  for (const field of bodyOrder)
    if ((counts.get(field) ?? 0) > (best === undefined ? 0 : (counts.get(best) ?? 0))) best = field;
  if (best === undefined) {
    // Only the title matched: the start of whatever the record says, for context.
    const field = bodyOrder.find((f) => (doc.fields[f]?.length ?? 0) > 0);
    const text = field === undefined ? '' : (doc.fields[field]?.[0]?.text ?? '');
    return { field: field ?? 'title', snippet: cut(text, () => false).snippet };
  }
  for (const segment of doc.fields[best] ?? []) {
    const { snippet, first } = cut(segment.text, matches);
    if (first === undefined) continue;
    const page = best === 'text' ? pageOf(doc, first.start) : undefined;
    return {
      field: best,
      snippet,
      match: first.word,
      ...(page === undefined ? {} : { page }),
      ...(segment.at === undefined ? {} : { at: segment.at }),
    };
  }
  const text = doc.fields[best]?.[0]?.text ?? '';
  return { field: best, snippet: cut(text, () => false).snippet };
}
