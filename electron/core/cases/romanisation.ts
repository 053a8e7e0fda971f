/**
 * Russian names in Latin letters, the ways sources actually print them. A name like Дегтярёв
 * reaches a lawyer as Degtyarev (news), Degtyaryov, Degtiarev (his passport), Degtârëv (a
 * library catalogue): Habeas generates these so that persons and search can match them all.
 *
 *   iso9        ISO 9:1995 = GOST 7.79-2000 system A (one Latin letter per Cyrillic letter,
 *               with diacritics): Дегтярёв → Degtârëv
 *   gost-b      GOST 7.79-2000 system B (ASCII): Дегтярёв → Degtyaryov
 *   bgn-pcgn    BGN/PCGN 1947: Дегтярёв → Degtyarëv, Ельцин → Yel’tsin
 *   passport    Russian international passports since 2013 (FMS order 320, after ICAO Doc 9303):
 *               Дегтярёв → Degtiarev, Юлия → Iuliia
 *   simplified  what newspapers print: BGN/PCGN without diacritics or apostrophes, ё as e:
 *               Дегтярёв → Degtyarev, Ельцин → Yeltsin
 */
export const romanisationSystems = [
  'iso9',
  'gost-b',
  'bgn-pcgn',
  'passport',
  'simplified',
] as const;
export type RomanisationSystem = (typeof romanisationSystems)[number];

type Table = Readonly<Record<string, string>>;

const cyrillic = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** A table from the Latin for each letter of `cyrillic`, in order, space-separated; "-" is nothing. */
function table(latin: string): Table {
  const letters = latin.split(' ');
  if (letters.length !== cyrillic.length) throw new Error('A romanisation table needs 33 letters.');
  return Object.fromEntries(
    [...cyrillic].map((c, i) => [c, letters[i] === '-' ? '' : (letters[i] ?? '')]),
  );
}

const iso9 = table('a b v g d e ë ž z i j k l m n o p r s t u f h c č š ŝ ʺ y ʹ è û â');
const gostB = table(
  'a b v g d e yo zh z i j k l m n o p r s t u f x cz ch sh shh `` y` ` e` yu ya',
);
const bgn = table('a b v g d e ë zh z i y k l m n o p r s t u f kh ts ch sh shch ” y ’ e yu ya');
const passport = table(
  'a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y - e iu ia',
);

const vowels = new Set('аеёиоуыэюя');
/** BGN/PCGN writes е and ё as ye and yë at the start of a word and after a vowel, й, ъ or ь. */
const yeAfter = new Set([...vowels, 'й', 'ъ', 'ь']);
/** BGN/PCGN separates two letters that would read as one digraph with a middle dot: т·с. */
const bgnDotPairs = new Set(['тс', 'кх', 'сх', 'зх', 'шч']);

function letterFor(system: RomanisationSystem, lower: string, prev: string, next: string): string {
  switch (system) {
    case 'iso9':
      return iso9[lower] ?? lower;
    case 'gost-b':
      // ц is c before e, i, y and j (the letters е, и, ы, й, and ё, э, ю, я as written), cz elsewhere.
      if (lower === 'ц') return 'еёиыйэюя'.includes(next) ? 'c' : 'cz';
      return gostB[lower] ?? lower;
    case 'bgn-pcgn':
    case 'simplified': {
      let latin = bgn[lower] ?? lower;
      if ((lower === 'е' || lower === 'ё') && (prev === '' || yeAfter.has(prev)))
        latin = `y${latin}`;
      if (system === 'bgn-pcgn') return bgnDotPairs.has(prev + lower) ? `·${latin}` : latin;
      return latin.replace('ë', 'e').replace(/[’”]/g, '');
    }
    case 'passport':
      return passport[lower] ?? lower;
  }
}

function isCyrillicLetter(char: string): boolean {
  return /[а-яё]/i.test(char);
}

/** One Russian text in Latin letters by `system`; anything not Cyrillic is kept as it is. */
export function romanise(text: string, system: RomanisationSystem): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    const lower = char.toLowerCase();
    if (!isCyrillicLetter(char)) {
      out += char;
      continue;
    }
    const prevChar = chars[i - 1] ?? '';
    const prev = isCyrillicLetter(prevChar) ? prevChar.toLowerCase() : '';
    const next = (chars[i + 1] ?? '').toLowerCase();
    const latin = letterFor(system, lower, prev, next);
    if (char === lower || latin === '') {
      out += latin;
    } else {
      // Capitals: Щ → Shch before a small letter, SHCH in a word written in capitals.
      const nextChar = chars[i + 1] ?? '';
      const allCaps = isCyrillicLetter(nextChar) && nextChar !== nextChar.toLowerCase();
      const [first = '', ...rest] = [...latin];
      out += allCaps ? latin.toUpperCase() : first.toUpperCase() + rest.join('');
    }
  }
  return out;
}

/** Every romanisation of a name, without repeats, in the order of romanisationSystems. */
export function romanisations(name: string): { system: RomanisationSystem; text: string }[] {
  const seen = new Set<string>();
  return romanisationSystems
    .map((system) => ({ system, text: romanise(name, system) }))
    .filter(({ text }) => !seen.has(text) && seen.add(text) !== undefined);
}

/*
 * The way back: a Latin spelling of a Russian name to the Cyrillic it most likely stands for.
 * Latin is ambiguous (ts is ц or т+с, a final y is -ий or -ый, ia is я or ия), so this gives a
 * few candidates, cheapest first: each reading that is not the usual one costs 1. It reads the
 * spellings of every system above, and ISO 9's diacritics (ž č š ŝ û â è ë).
 */

type Reading = {
  readonly length: number;
  readonly options: readonly (readonly [string, number])[];
};

/** Single Latin letters (and ISO 9's, and the marks for ь and ъ) to Cyrillic. */
// prettier-ignore
const plainLetters: Table = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', k: 'к', l: 'л', m: 'м',
  n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', x: 'кс', w: 'в',
  q: 'к', j: 'й', ž: 'ж', č: 'ч', š: 'ш', ŝ: 'щ', û: 'ю', â: 'я', è: 'э', ë: 'ё', ʹ: 'ь',
  ʺ: 'ъ', '’': 'ь', "'": 'ь', '`': 'ь', '”': 'ъ',
};
const digraphs: Table = { zh: 'ж', kh: 'х', ch: 'ч', sh: 'ш', tz: 'ц', cz: 'ц' };
/** The vowel after a y, j or i glide, and the iotated letter the pair stands for. */
const iotated: Table = { a: 'я', u: 'ю', o: 'ё', e: 'е' };
const latinVowels = new Set('aeiouyëâûè');

const one = (length: number, cyrillic: string): Reading => ({ length, options: [[cyrillic, 0]] });
/** Two readings: the usual one, and a less likely one that costs 1. */
const either = (length: number, usual: string, other: string): Reading => ({
  length,
  options: [
    [usual, 0],
    [other, 1],
  ],
});

/** The readings of the Latin letters at `i` of a lower-case word. */
function readingAt(word: string, i: number): Reading {
  const rest = word.slice(i);
  const prev = word[i - 1] ?? '';
  const afterConsonant = prev !== '' && !latinVowels.has(prev);
  const [first = '', second = ''] = rest;
  if (rest.startsWith('shch')) return one(4, 'щ');
  if (rest.startsWith('sch') || rest.startsWith('shh')) return one(3, 'щ');
  // Endings: -iy -ii -ij are -ий; -yy -yi -yj are -ый; a final y after a consonant is either,
  // and a final i or y after a vowel is й (Sergei, Nikolay).
  if (i > 0 && /^(iy|ij|ii)$/.test(rest)) return one(2, 'ий');
  if (afterConsonant && /^(yy|yi|yj)$/.test(rest)) return one(2, 'ый');
  if (rest === 'y' && afterConsonant) return either(1, 'ий', 'ый');
  if (rest === 'i' && i > 0 && !afterConsonant) return either(1, 'й', 'и');
  const vowel = iotated[second];
  if ((first === 'y' || first === 'j') && vowel !== undefined) {
    // After a consonant the glide may also stand for ь: Solovyev is Соловьев, Ilya is Илья.
    if (!afterConsonant) return one(2, vowel);
    return second === 'e' ? either(2, 'ье', 'е') : either(2, vowel, `ь${vowel}`);
  }
  // Passport style writes я and ю as ia and iu; a final ia after a consonant is more often -ия
  // (Maria, Natalia).
  if (first === 'i' && (second === 'a' || second === 'u')) {
    if (afterConsonant && rest === 'ia') return either(2, 'ия', 'я');
    return either(2, vowel ?? '', `и${plainLetters[second] ?? ''}`);
  }
  const pair = digraphs[rest.slice(0, 2)];
  if (pair !== undefined) return one(2, pair);
  if (rest.startsWith('ts')) return either(2, 'ц', 'тс');
  if (first === 'c') return either(1, 'ц', 'к');
  if (first === 'y') return one(1, afterConsonant ? 'ы' : 'й');
  if (first === 'e' && i === 0) return either(1, 'е', 'э');
  // Mikhail has и between vowels, Zhmailov has й: и is the more usual.
  if (first === 'i' && i > 0 && !afterConsonant && !latinVowels.has(second))
    return either(1, 'и', 'й');
  return one(1, plainLetters[first] ?? first);
}

type Candidate = { readonly text: string; readonly cost: number };

/** Keeps the `width` cheapest of every extension of `partial` by `options` (stable on ties). */
function extend(
  partial: readonly Candidate[],
  options: readonly (readonly [string, number])[],
  width: number,
): Candidate[] {
  return partial
    .flatMap((c) => options.map(([text, cost]) => ({ text: c.text + text, cost: c.cost + cost })))
    .sort((a, b) => a.cost - b.cost)
    .slice(0, width);
}

/** A Cyrillic word written with the capitals of the Latin word it came from. */
function withCaseOf(latin: string, cyrillic: string): string {
  const letters = [...latin].filter((c) => /\p{L}/u.test(c));
  if (letters.length > 1 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase()))
    return cyrillic.toUpperCase();
  const [first = '', ...rest] = [...cyrillic];
  return latin[0] !== undefined && latin[0] !== latin[0].toLowerCase()
    ? first.toUpperCase() + rest.join('')
    : cyrillic;
}

const beamWidth = 8;

function wordSpellings(word: string): Candidate[] {
  const lower = word.normalize('NFC').toLowerCase();
  let candidates: Candidate[] = [{ text: '', cost: 0 }];
  for (let i = 0; i < lower.length;) {
    const reading = readingAt(lower, i);
    candidates = extend(candidates, reading.options, beamWidth);
    i += reading.length;
  }
  return candidates.map((c) => ({ text: withCaseOf(word, c.text), cost: c.cost }));
}

/**
 * The likely Cyrillic spellings of a Russian name written in Latin letters, most likely first,
 * at most `limit` of them: Degtyarev → Дегтярев, Degtyaryov → Дегтярёв, Iuliia → Юлия.
 * Anything between words (spaces, hyphens, dots) is kept as it is.
 */
export function cyrillicSpellings(latin: string, limit = 3): string[] {
  const parts = latin.normalize('NFC').split(/([\p{L}'’ʹʺ”`]+)/u);
  let candidates: Candidate[] = [{ text: '', cost: 0 }];
  parts.forEach((part, index) => {
    const options =
      index % 2 === 1 && /\p{L}/u.test(part)
        ? wordSpellings(part).map((c) => [c.text, c.cost] as const)
        : [[part, 0] as const];
    candidates = extend(candidates, options, beamWidth);
  });
  return [...new Set(candidates.map((c) => c.text))].slice(0, limit);
}
