import type { PersonRecord } from '../../../shared/evidence';
import { scanWords, wordKeys, wordsOf } from '../search/search-terms';
import { cleanText } from './clean-text';

/**
 * Replaces every spelling of a protected witness by the witness's pseudonym. Words are
 * compared by the search's folded key, so one registered spelling catches the others: Latin
 * and Cyrillic, romanisation variants (Degtyaryov, Degtyarev), ё and е, and Russian case
 * endings (Соколова, Соколовой, Sokolovoy). The text is cleaned first (invisible characters
 * out, NFC), so a zero-width space cannot split a name past the check and then vanish.
 * Adjacent words of one person ("Марии Соколовой") become the pseudonym once.
 */
export function pseudonymiser(persons: readonly PersonRecord[]): (text: string) => string {
  const pseudonyms = new Map<string, string>();
  for (const person of persons) {
    if (!person.protected || person.pseudonym === undefined) continue;
    const spellings = [person.displayName, ...person.variants.map((v) => v.text)];
    for (const word of spellings.flatMap((s) => wordsOf(s.normalize('NFC')))) {
      const key = wordKeys(word)[0];
      if (word.length >= 3 && key !== undefined) pseudonyms.set(key, person.pseudonym);
    }
  }
  if (pseudonyms.size === 0) return (text) => text;
  return (text) => {
    const clean = cleanText(text).normalize('NFC');
    let out = '';
    let last = 0;
    let previous: string | undefined;
    scanWords(clean, 0, (word, start, end) => {
      const key = wordKeys(word)[0];
      const pseudonym = key === undefined ? undefined : pseudonyms.get(key);
      if (pseudonym === undefined) {
        previous = undefined;
        return false;
      }
      const gap = clean.slice(last, start);
      out += previous === pseudonym && /^\s+$/.test(gap) ? '' : `${gap}${pseudonym}`;
      previous = pseudonym;
      last = end;
      return false;
    });
    return out + clean.slice(last);
  };
}

/** Does the text name a protected witness in any spelling? (What cannot be copied as it is.) */
export function namesProtected(persons: readonly PersonRecord[]): (text: string) => boolean {
  const replace = pseudonymiser(persons);
  return (text) => replace(text) !== cleanText(text).normalize('NFC');
}
