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
