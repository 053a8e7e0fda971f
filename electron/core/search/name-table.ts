import type { PersonRecord } from '../../../shared/evidence';
import { nameSkeleton, surnameSkeleton } from '../cases/person-names';
import { skeletonMark, wordKeys, wordsOf } from './search-terms';

/**
 * The persons of a case by the words of their names, to expand a query with the spellings a
 * lawyer registered: most spellings of a name fold to one skeleton anyway (search-terms.ts),
 * but some do not (Ukrainian Hrebeniuk for Гребенюк, a nickname, a misprint a source made).
 *
 * Names are compared word by word. A query word that is a person's surname, in any of their
 * names, brings in the surname of every other name of theirs; one that is their first given
 * name brings in the first given name of every other name, and so on.
 */

/** A word's place in a name: the surname, or the n-th of the other words. */
type Role = 'surname' | number;

type NameWord = { readonly keys: readonly string[]; readonly role: Role };

type Person = { readonly names: readonly (readonly NameWord[])[] };

function isInitial(word: string): boolean {
  return [...word].length <= 1;
}

function nameWords(name: string): NameWord[] {
  const surname = surnameSkeleton(name);
  let given = 0;
  return wordsOf(name)
    .filter((w) => !isInitial(w))
    .map((word) => {
      const role: Role = surname !== '' && nameSkeleton(word) === surname ? 'surname' : given++;
      return { keys: wordKeys(word), role };
    });
}

function skeletonKey(keys: readonly string[]): string | undefined {
  return keys.find((k) => k.startsWith(skeletonMark));
}

export class NameTable {
  private constructor(private readonly byKey: ReadonlyMap<string, readonly [Person, Role][]>) {}

  static readonly none = new NameTable(new Map());

  static from(persons: readonly PersonRecord[]): NameTable {
    const byKey = new Map<string, [Person, Role][]>();
    for (const record of persons) {
      const person: Person = {
        names: [record.displayName, ...record.variants.map((v) => v.text)].map(nameWords),
      };
      for (const words of person.names) {
        for (const { keys, role } of words) {
          const key = skeletonKey(keys);
          if (key === undefined) continue;
          const list = byKey.get(key) ?? [];
          if (!list.some(([p, r]) => p === person && r === role)) list.push([person, role]);
          byKey.set(key, list);
        }
      }
    }
    return new NameTable(byKey);
  }

  /**
   * The terms of the other spellings of a query word that is part of a person's name, without
   * the word's own terms. With `prefix`, a word being typed matches the start of a name word.
   */
  expand(keys: readonly string[], prefix: boolean): string[] {
    const key = skeletonKey(keys);
    if (key === undefined) return [];
    const found = [...(this.byKey.get(key) ?? [])];
    if (prefix && key.length > 3)
      for (const [other, list] of this.byKey)
        if (other !== key && other.startsWith(key)) found.push(...list);
    const own = new Set(keys);
    const out = new Set<string>();
    for (const [person, role] of found)
      for (const words of person.names)
        for (const word of words)
          if (word.role === role) for (const k of word.keys) if (!own.has(k)) out.add(k);
    return [...out];
  }
}
