import {
  generatedVariantOrigins,
  type NameVariant,
  type PersonRecord,
} from '../../../shared/evidence';
import { cyrillicSpellings, romanisations, romanise } from './romanisation';

/**
 * One person, many spellings: how Habeas decides that two printed names are the same person.
 * Pure functions, no I/O; the person service and search call them.
 *
 * Two levels of sameness:
 *   nameKey       the same name typed differently: case, ё/е, spaces, hyphens, punctuation.
 *   nameSkeleton  the same name in another script or romanisation: a folded Latin form in which
 *                 Дегтярёв, Degtyaryov, Degtyarev, Degtiarev and Degtârëv all read "degtarev".
 *
 * Decisions, each pinned by a test:
 *   - Words may come in any order ("Дегтярёв Иван" is "Иван Дегтярёв": official Russian style
 *     puts the surname first, the press puts it last), but every word must be there: "Ivan
 *     Degtyarev" is not "Иван Петрович Дегтярёв". surnameSkeleton() is there for a looser hint.
 *   - Female and male forms stay different persons: Petrov is not Petrova.
 *   - Ukrainian-style spellings (г as h: Hrebeniuk) do not match the Russian Гребенюк; a lawyer
 *     adds them as variants. Folding g into h would make Galina match Halina and much more.
 *   - Known gaps: GOST B's x for х (folded as ks, like Alexei), and the passport's ie for ъ.
 */

export type Script = NameVariant['script'];

/** The script most of a text's letters are in; 'other' when it has no Cyrillic or Latin. */
export function detectScript(text: string): Script {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return 'other';
  return cyrillic >= latin ? 'cyrillic' : 'latin';
}

/** The spellings Habeas generates for a name, before anyone has seen them in print. */
export function generateVariants(name: string): NameVariant[] {
  const trimmed = name.trim();
  switch (detectScript(trimmed)) {
    case 'cyrillic':
      return romanisations(trimmed)
        .filter(({ text }) => text !== trimmed)
        .map(({ system, text }) => ({ text, origin: system, script: detectScript(text) }));
    case 'latin':
      return cyrillicSpellings(trimmed).map((text) => ({
        text,
        origin: 'cyrillic',
        script: 'cyrillic',
      }));
    case 'other':
      return [];
  }
}

/** Marks inside a word that vanish (apostrophes, primes, BGN's dot): Yel’tsin is Yeltsin. */
const inWordMarks = /['’‘ʼʹʺ`´"”“·]/gu;

/**
 * The same name typed differently compares equal: NFC, lower case, ё as е, any run of spaces,
 * hyphens and punctuation as one space. "Дегтярёв" and " дегтярев " have one key.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(inWordMarks, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters of other Cyrillic alphabets the Russian systems do not cover. */
const otherCyrillic: Readonly<Record<string, string>> = { і: 'и', ї: 'йи', є: 'е', ґ: 'г' };
/** ISO 9's letters with diacritics, as the ASCII systems write them. */
const spelledOut: Readonly<Record<string, string>> = {
  ž: 'zh',
  č: 'ch',
  š: 'sh',
  ŝ: 'shch',
  û: 'yu',
  â: 'ya',
  ë: 'e',
  è: 'e',
};

/*
 * Placeholders for the consonants written with two or more letters, so that the folds below
 * see them as one letter: capitals never survive the lower-casing that comes first.
 */
const consonantTokens: readonly (readonly [RegExp, string, string])[] = [
  [/shch|shh|sch/g, 'Q', 'shch'],
  [/zh/g, 'Z', 'zh'],
  [/ch/g, 'C', 'ch'],
  [/sh/g, 'S', 'sh'],
  [/ts|tz|cz|c/g, 'T', 'ts'],
];

function foldWord(word: string): string {
  let w = word.replace(/[žčšŝûâëè]/g, (c) => spelledOut[c] ?? c);
  w = w
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '');
  w = w.replace(/kh/g, 'h').replace(/x/g, 'ks').replace(/w/g, 'v');
  for (const [pattern, token] of consonantTokens) w = w.replace(pattern, token);
  w = w
    // ё: yo (GOST B, English press), jo, io (Piotr), e (passport, newspapers).
    .replace(/[yji]o/g, 'e')
    // The glide letters are one letter, and a glide before a vowel is dropped: ya ia a, yu iu u,
    // ye ie e; so -iy -ii -yy -ij all end in i, and Mariya, Mariia and Maria meet.
    .replace(/[yj]/g, 'i')
    .replace(/i+(?=[aeou])/g, '')
    .replace(/(.)\1+/g, '$1');
  for (const [, token, spelled] of consonantTokens) w = w.replaceAll(token, spelled);
  return w;
}

function skeletonWords(text: string): string[] {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[іїєґ]/g, (c) => otherCyrillic[c] ?? c);
  return romanise(lower, 'simplified')
    .replace(inWordMarks, '')
    .split(/[^\p{L}\p{M}]+/u)
    .map(foldWord)
    .filter((w) => w !== '');
}

/**
 * The folded Latin form of a name in either script (Cyrillic is romanised first): every
 * romanisation of one Russian name gives the same skeleton. Words keep their order; folding a
 * skeleton again changes nothing.
 */
export function nameSkeleton(text: string): string {
  return skeletonWords(text).join(' ');
}

/** Words of a name, skeletonised and sorted, so that word order does not matter. */
function orderFree(words: readonly string[]): string {
  return [...words].sort().join(' ');
}

/** True when two names are the same name: typed differently, or in another spelling. */
export function namesMatch(a: string, b: string): boolean {
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  if (keyA === '' || keyB === '') return false;
  if (keyA === keyB) return true;
  const wordsA = skeletonWords(a);
  const wordsB = skeletonWords(b);
  return wordsA.length > 0 && orderFree(wordsA) === orderFree(wordsB);
}

const patronymic = /(vich|vna|ich|ichna)$/;
/** Common endings of Russian and Ukrainian surnames, as skeletons (-ская is ska). */
const surnameEnding = /(ov|ev|ova|eva|in|ina|ski|ska|enko|uk|ih)$/;

function isInitials(word: string): boolean {
  return /^(\p{L}\.)+$/u.test(word) || word.replace(/\P{L}/gu, '').length <= 1;
}

/**
 * The skeleton of a name's surname, or '' when there is none: a hint that "Ivan Degtyarev"
 * and "Иван Петрович Дегтярёв" may be one person, never proof (Degtyarev is a common name).
 * Initials are skipped. Of three words, the surname is the last after a patronymic in the
 * middle (Иван Петрович Дегтярёв), the first before a patronymic at the end (Дегтярёв Иван
 * Петрович); of two, the one that looks like a surname when only one does, else the last.
 */
export function surnameSkeleton(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((w) => !isInitials(w))
    .map((w) => skeletonWords(w).join(' '))
    .filter((w) => w !== '');
  const [first = '', second = ''] = words;
  const last = words[words.length - 1] ?? '';
  if (words.length >= 3 && !patronymic.test(second) && patronymic.test(last)) return first;
  if (words.length === 2 && surnameEnding.test(first) && !surnameEnding.test(last)) return first;
  return last;
}

/** True when the name is the person's display name or any of their variants. */
export function personMatches(person: PersonRecord, name: string): boolean {
  return [person.displayName, ...person.variants.map((v) => v.text)].some((known) =>
    namesMatch(known, name),
  );
}

/** What a person record holds at most (shared/evidence.ts). */
export const maxVariants = 200;

const generatedOrigins = new Set<NameVariant['origin']>(generatedVariantOrigins);

/** True for a variant Habeas made up, as opposed to one a person typed or a source printed. */
export function isGenerated(variant: NameVariant): boolean {
  return generatedOrigins.has(variant.origin);
}

/**
 * Variant lists combined in order, each spelling once per origin (by nameKey): the first one
 * seen wins, with its evidence. Past maxVariants, generated spellings go first, from the end:
 * what a lawyer typed or a source printed is never the one dropped.
 */
export function mergeVariants(...lists: readonly (readonly NameVariant[])[]): NameVariant[] {
  const seen = new Set<string>();
  const out: NameVariant[] = [];
  for (const variant of lists.flat()) {
    const id = `${variant.origin}\u0000${nameKey(variant.text)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(variant);
  }
  for (let i = out.length - 1; i >= 0 && out.length > maxVariants; i -= 1) {
    const variant = out[i];
    if (variant !== undefined && isGenerated(variant)) out.splice(i, 1);
  }
  return out.slice(0, maxVariants);
}
