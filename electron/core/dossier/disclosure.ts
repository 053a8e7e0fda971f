import type { PersonRecord } from '../../../shared/evidence';

/** Russian case endings, so that "Дегтярёвой" is caught by the variant "Дегтярёв". */
const endings =
  '(?:ами|ями|ыми|ими|ого|его|ому|ему|ой|ей|ом|ем|ым|им|ых|их|ах|ях|ам|ям|ов|ев|а|я|у|ю|е|ы|и|ь)?';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ё and е as one letter, in a pattern. */
function foldYo(pattern: string): string {
  return pattern.replace(/[её]/g, '[её]').replace(/[ЕЁ]/g, '[ЕЁ]');
}

/**
 * Replaces every spelling of a protected witness (display name, each variant, and each word
 * of three letters or more in them, with Russian case endings) by the witness's pseudonym.
 * Whole names go first, so "Анна Петрова" becomes the pseudonym once, not twice.
 */
export function pseudonymiser(persons: readonly PersonRecord[]): (text: string) => string {
  const rules: { pattern: RegExp; pseudonym: string }[] = [];
  for (const person of persons) {
    if (!person.protected || person.pseudonym === undefined) continue;
    const spellings = [person.displayName, ...person.variants.map((v) => v.text)];
    const words = spellings
      .flatMap((s) => s.split(/[\s.,-]+/))
      .filter((w) => w.length >= 3)
      // "Соколова" is also "Соколовой", "Мария" also "Марии": the stem takes the endings.
      .flatMap((w) => (w.length >= 4 && /[аяйьоеыиaeiouy]$/i.test(w) ? [w, w.slice(0, -1)] : [w]));
    const whole = [...new Set(spellings)].sort((a, b) => b.length - a.length);
    const parts = [...new Set(words)].sort((a, b) => b.length - a.length);
    for (const [list, suffix] of [
      [whole, endings],
      [parts, endings],
    ] as const) {
      if (list.length === 0) continue;
      const alternatives = list.map((s) => foldYo(escape(s))).join('|');
      rules.push({
        pattern: new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${alternatives})${suffix}(?![\\p{L}\\p{N}])`,
          'giu',
        ),
        pseudonym: person.pseudonym,
      });
    }
  }
  if (rules.length === 0) return (text) => text;
  return (text) => rules.reduce((out, rule) => out.replace(rule.pattern, rule.pseudonym), text);
}

/** Does the text still name a protected witness? (Used to decide what cannot be copied.) */
export function namesProtected(persons: readonly PersonRecord[]): (text: string) => boolean {
  const replace = pseudonymiser(persons);
  return (text) => replace(text) !== text;
}
