import type { Query } from 'minisearch';
import type { NameTable } from './name-table';
import { skeletonMark, wordKeys, wordsOf } from './search-terms';

/**
 * What a lawyer types, as a MiniSearch query tree: every word must be found (AND), each in any
 * of its forms (OR): its stem, its skeleton, and the other registered spellings of a person's
 * name it is part of. The last word may be unfinished: it also matches the start of a term.
 *
 * No fuzzy matching: one edit away, Hrebeniuk would find Гребенюк and Galina Halina, which
 * person-names.ts decided against; a spelling the folds miss is registered as a variant.
 */

export type QueryWord = {
  readonly text: string;
  readonly keys: readonly string[];
  readonly prefix: boolean;
};

/** More words than this add nothing but time. */
const maxWords = 16;
/** A shorter start of a word would match a large part of the index. */
const minPrefix = 3;

export function parseQuery(text: string, prefixLast: boolean): QueryWord[] {
  const words = wordsOf(text).slice(0, maxWords);
  // Only a word still being typed is a prefix: "Degtyarev " (with a space) is a whole word.
  const open = prefixLast && /[\p{L}\p{N}]$/u.test(text);
  return words
    .map((word, i) => ({
      text: word,
      keys: wordKeys(word),
      prefix: open && i === words.length - 1,
    }))
    .filter((w) => w.keys.length > 0);
}

function termLength(term: string): number {
  return term.startsWith(skeletonMark) ? term.length - 1 : term.length;
}

function wordQuery(word: QueryWord, names: NameTable): Query {
  const own: Query = {
    combineWith: 'OR',
    queries: [...word.keys],
    // The word's own term's prefixes cover its stem's: one expansion, not two, per keystroke.
    prefix: (term) => word.prefix && term === word.keys[0] && termLength(term) >= minPrefix,
  };
  const expanded = names.expand(word.keys, word.prefix);
  if (expanded.length === 0) return own;
  return {
    combineWith: 'OR',
    queries: [own, { combineWith: 'OR', queries: expanded, prefix: false }],
  };
}

/** The query tree for one case (its persons decide the expansions); null for no words. */
export function queryTree(words: readonly QueryWord[], names: NameTable): Query | null {
  if (words.length === 0) return null;
  return { combineWith: 'AND', queries: words.map((word) => wordQuery(word, names)) };
}
