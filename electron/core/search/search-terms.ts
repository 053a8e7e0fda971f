import { nameSkeleton } from '../cases/person-names';
import { englishStemmer, russianStemmer } from './stemmers';

/**
 * How text becomes index terms: the same for what is indexed and for what a lawyer types, so
 * that they meet. Every term is a skeleton: the folded Latin form persons are matched by
 * (nameSkeleton: every romanisation of a Russian name gives the same one). A word gives one
 * or two:
 *
 *   its own      the skeleton with a Russian case ending cut: Дегтярёв, Дегтярёва,
 *                Дегтярёвой, Degtyaryov and Degtyarev are all "~degtarev"; Гребенюк,
 *                Grebenyuk and Grebenuk are "~grebenuk".
 *   its stem's   the skeleton of its Snowball stem (Russian for Cyrillic, English for plain
 *                Latin), when that differs: trained and training share "~train", задержан and
 *                задержали "~zaderzh".
 *
 * One term where one will do: a search costs what the postings of its terms cost, and most
 * Russian words give one (обучения and обучение are both "~obuchen").
 */

/** A word: letters and digits, with apostrophes inside (Yel’tsin, O'Brien) kept in it. */
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const inWordMarks = /['’‘ʼ`´]/g;

/** The words of a text, as MiniSearch's tokenizer. */
export function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

// One pattern for every scan: scans run to the end without yielding, so they never overlap.
const scanner = new RegExp(wordPattern.source, 'gu');

/**
 * Calls `visit` with each word of a text from `from` on, with where it starts and ends,
 * until `visit` returns true. For snippets, which scan long texts on every search.
 */
export function scanWords(
  text: string,
  from: number,
  visit: (word: string, start: number, end: number) => boolean,
): void {
  scanner.lastIndex = from;
  for (let match = scanner.exec(text); match !== null; match = scanner.exec(text))
    if (visit(match[0], match.index, match.index + match[0].length)) return;
}

/*
 * Russian case endings as they read in a skeleton (ой is "oi", ым "im", ую "u", ая "a"),
 * longest first. -ов, -ев and -ин stay: they are the surname, not its case.
 */
const skeletonEndings = [
  'iami',
  'ami',
  'imi',
  'ogo',
  'ego',
  'omu',
  'emu',
  'ah',
  'am',
  'em',
  'om',
  'im',
  'ih',
  'oi',
  'ei',
  'ou',
  'eu',
  'oe',
  'a',
  'e',
  'i',
  'o',
  'u',
];
/** A stem shorter than this is left whole: "да" stays "da" (and Юлия, Юлии are both "ul"). */
const minSkeletonStem = 2;

/** A skeleton with its case ending cut. */
export function skeletonStem(skeleton: string): string {
  for (const ending of skeletonEndings) {
    if (skeleton.endsWith(ending) && skeleton.length - ending.length >= minSkeletonStem)
      return skeleton.slice(0, -ending.length);
  }
  return skeleton;
}

function normalise(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(inWordMarks, '');
}

function stem(word: string): string {
  if (/\p{Script=Cyrillic}/u.test(word)) return russianStemmer.stem(word);
  if (/^[a-z]+$/.test(word)) return englishStemmer.stem(word);
  return word;
}

/** Marks a folded term ("~degtarev") apart from numbers and other scripts' words, kept as typed. */
export const skeletonMark = '~';

function computeKeys(word: string): string[] {
  const normal = normalise(word);
  if (normal === '') return [];
  // Numbers, and words with digits in them (a case number, "332-2"), are matched as they are.
  if (/\p{N}/u.test(normal)) return [normal];
  const skeleton = nameSkeleton(normal).replace(/ /g, '');
  // A script that is neither Cyrillic nor Latin: the word itself.
  if (skeleton === '') return [normal];
  const own = skeletonMark + skeletonStem(skeleton);
  const stemmed = nameSkeleton(stem(normal)).replace(/ /g, '');
  if (stemmed === '') return [own];
  const other = skeletonMark + skeletonStem(stemmed);
  return other === own ? [own] : [own, other];
}

/*
 * Words repeat (a case mentions the same names and words thousands of times), so their terms
 * are computed once: indexing, queries and snippets all ask for them. The cache holds terms
 * of words, which are in memory anyway while the vault is open; it is emptied when it grows
 * past its bound, and on lock (clearTermCache).
 */
const cache = new Map<string, readonly string[]>();
const maxCached = 300_000;

/** The terms a word is searched by: its own, and its stem's when that differs (see above). */
export function wordKeys(word: string): readonly string[] {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const keys = computeKeys(word);
  if (cache.size >= maxCached) cache.clear();
  cache.set(word, keys);
  return keys;
}

/**
 * The terms a word is indexed by, as MiniSearch's processTerm. A word in lower case is not a
 * name: its stem's term alone finds it, whatever form is searched (a query always asks for
 * both terms). Most words of a text are such, and each term left out is a posting fewer for
 * every search to score. What this can miss: a surname in lower case in its -ов/-ев form
 * ("дегтярёв", which Snowball cuts to "дегтяр"); names are written with a capital.
 */
export function processTerm(word: string): string[] {
  const keys = wordKeys(word);
  const [, stemmed] = keys;
  return stemmed !== undefined && /^\p{Ll}/u.test(word) ? [stemmed] : [...keys];
}

/** Forgets the words of the cases searched (on lock). */
export function clearTermCache(): void {
  cache.clear();
}
