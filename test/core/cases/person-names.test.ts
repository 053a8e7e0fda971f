import { describe, expect, it } from 'vitest';
import {
  detectScript,
  generateVariants,
  maxVariants,
  mergeVariants,
  nameKey,
  nameSkeleton,
  namesMatch,
  personMatches,
  surnameSkeleton,
} from '../../../electron/core/cases/person-names';
import { romanisationSystems, romanise } from '../../../electron/core/cases/romanisation';
import type { NameVariant, PersonRecord } from '../../../shared/evidence';

describe('detectScript', () => {
  it.each([
    ['Дегтярёв', 'cyrillic'],
    ['Degtyarev', 'latin'],
    ['Degtârëv', 'latin'],
    ['Elʹcin', 'latin'],
    // A Latin name with one Cyrillic о pasted in is still Latin; a mostly Cyrillic one is not.
    ['Petrоv', 'latin'],
    ['Дегтярёв (Degtyarev)', 'latin'],
    ['Дегтярёв А. В. (Degt.)', 'cyrillic'],
    ['ალექსი', 'other'],
    ['332', 'other'],
  ])('%s is %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe('nameKey', () => {
  it.each([
    ['Дегтярёв', 'дегтярев'],
    ['  ДЕГТЯРЕВ ', 'дегтярев'],
    ['Дегтярёв  А.В.', 'дегтярев а в'],
    ['Петров-Водкин', 'петров водкин'],
    ['Yel’tsin', 'yeltsin'],
    // NFD input (е + combining diaeresis) and NFC ё give one key.
    ['Дегтяре\u0308в', 'дегтярев'],
  ])('%s → %s', (text, key) => {
    expect(nameKey(text)).toBe(key);
  });
});

describe('matching names across scripts and romanisations', () => {
  const degtyarev = ['Дегтярёв', 'Дегтярев', 'Degtyaryov', 'Degtyarev', 'Degtiarev', 'Degtyarëv'];
  const grebenyuk = ['Гребенюк', 'Grebenyuk', 'Grebenuk', 'Grebeniuk', 'Grebenûk'];

  it.each(degtyarev.flatMap((a) => degtyarev.map((b) => [a, b])))('%s ~ %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
  });

  it.each(grebenyuk.flatMap((a) => grebenyuk.map((b) => [a, b])))('%s ~ %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
  });

  it.each([
    // More of what the press prints: -iy/-y/-ii, ye/e, yo/e, ’ and ь.
    ['Жмайловский', 'Zhmaylovsky'],
    ['Жмайловский', 'Zhmailovskii'],
    ['Ельцин', 'Yeltsin'],
    ['Ельцин', 'Yel’tsin'],
    ['Соловьёв', 'Solovyov'],
    ['Соловьёв', 'Soloviev'],
    ['Юлия Щербакова', 'Iuliia Shcherbakova'],
    ['Юлия Щербакова', 'Yulia Shcherbakova'],
    ['Евгений', 'Yevgeny'],
    ['Евгений', 'Evgenii'],
    ['Алексей', 'Alexei'],
    ['Пётр', 'Pyotr'],
    ['Пётр', 'Piotr'],
    ['Мария', 'Maria'],
    ['Кузнецов', 'Kuznetsov'],
    // Word order does not matter: surname first (official) or last (press).
    ['Дегтярёв Иван', 'Ivan Degtyarev'],
    ['Дегтярёв Иван Петрович', 'Ivan Petrovich Degtyaryov'],
  ])('%s ~ %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
  });

  it.each([
    // Female and male forms are different persons.
    ['Petrov', 'Petrova'],
    ['Дегтярёв', 'Degtyareva'],
    ['Кузнецова', 'Kuznetsov'],
    // Different surnames that share most letters.
    ['Degtyarev', 'Degtyarov'],
    ['Ivanov', 'Ivanenko'],
    ['Zhukov', 'Zukov'],
    ['Shukin', 'Shchukin'],
    // Ukrainian г as h: a lawyer adds such a spelling by hand (see person-names.ts).
    ['Гребенюк', 'Hrebeniuk'],
    // Every word must be there: a patronymic or an initial more is another name.
    ['Иван Петрович Дегтярёв', 'Ivan Degtyarev'],
    ['Дегтярёв А. В.', 'Degtyarev'],
    // Nothing matches nothing.
    ['', ''],
    ['...', '...'],
  ])('%s is not %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });

  it('gives every romanisation of a Russian name one skeleton', () => {
    const names = ['Дегтярёв', 'Гребенюк', 'Юлия Щербакова', 'Ельцин', 'Соловьёв', 'Сергей'];
    const more = ['Евгений', 'Цой', 'Жмайловский', 'Кузнецова', 'Мария', 'Наталья', 'Щукин'];
    for (const name of [...names, ...more]) {
      const skeletons = new Set(
        romanisationSystems.map((system) => nameSkeleton(romanise(name, system))),
      );
      expect([...skeletons], name).toEqual([nameSkeleton(name)]);
    }
  });

  it('folds a skeleton to itself and keeps word order', () => {
    expect(nameSkeleton('Иван Петрович Дегтярёв')).toBe('ivan petrovich degtarev');
    for (const name of ['Дегтярёв', 'Щербакова', 'Хабибуллин', 'Жмайловский', 'Alexei']) {
      expect(nameSkeleton(nameSkeleton(name))).toBe(nameSkeleton(name));
    }
  });
});

describe('surnameSkeleton', () => {
  it.each([
    ['Иван Петрович Дегтярёв', 'degtarev'],
    ['Дегтярёв Иван Петрович', 'degtarev'],
    ['Ivan Degtyarev', 'degtarev'],
    ['Degtyarev Ivan', 'degtarev'],
    ['Дегтярёв А. В.', 'degtarev'],
    ['А.В. Дегтярёв', 'degtarev'],
    ['Роман Аркадьевич Абрамович', 'abramovich'],
    ['', ''],
  ])('%s → %s', (name, skeleton) => {
    expect(surnameSkeleton(name)).toBe(skeleton);
  });

  it('lets a shorter form of a name be found by its surname', () => {
    expect(surnameSkeleton('Иван Петрович Дегтярёв')).toBe(surnameSkeleton('Ivan Degtyarev'));
  });
});

describe('generateVariants', () => {
  it('romanises a Cyrillic name in every system, each spelling once, first system first', () => {
    expect(generateVariants('Дегтярёв')).toEqual([
      { text: 'Degtârëv', origin: 'iso9', script: 'latin' },
      { text: 'Degtyaryov', origin: 'gost-b', script: 'latin' },
      { text: 'Degtyarëv', origin: 'bgn-pcgn', script: 'latin' },
      { text: 'Degtiarev', origin: 'passport', script: 'latin' },
      { text: 'Degtyarev', origin: 'simplified', script: 'latin' },
    ]);
    // Сергей: GOST B writes Sergej like ISO 9, and the newspapers Sergey like BGN/PCGN.
    expect(generateVariants(' Сергей ')).toEqual([
      { text: 'Sergej', origin: 'iso9', script: 'latin' },
      { text: 'Sergey', origin: 'bgn-pcgn', script: 'latin' },
      { text: 'Sergei', origin: 'passport', script: 'latin' },
    ]);
  });

  it('spells a Latin name back in Cyrillic, a few candidates, the likeliest first', () => {
    const variants = generateVariants('Degtyaryov');
    expect(variants[0]).toEqual({ text: 'Дегтярёв', origin: 'cyrillic', script: 'cyrillic' });
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.length).toBeLessThanOrEqual(3);
    expect(variants.every((v) => v.origin === 'cyrillic' && v.script === 'cyrillic')).toBe(true);
    expect(generateVariants('Grebenuk').map((v) => v.text)).toEqual(['Гребенук']);
  });

  it('makes nothing up for a name in another script', () => {
    expect(generateVariants('ალექსი')).toEqual([]);
  });
});

const variant = (text: string, origin: NameVariant['origin']): NameVariant => ({
  text,
  origin,
  script: detectScript(text) === 'cyrillic' ? 'cyrillic' : 'latin',
});

describe('personMatches', () => {
  const person: PersonRecord = {
    id: '00000000-0000-4000-8000-000000000001',
    displayName: 'Дегтярёв Алексей Викторович',
    variants: [
      variant('Дегтярёв Алексей Викторович', 'original'),
      variant('Alexei Degtyarev', 'source'),
    ],
    role: 'client',
    protected: false,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };

  it('matches the display name or any variant, in any spelling', () => {
    expect(personMatches(person, 'Дегтярев Алексей Викторович')).toBe(true);
    expect(personMatches(person, 'Aleksey Degtyaryov')).toBe(true);
    expect(personMatches(person, 'Дегтярёв Алексей')).toBe(true);
    expect(personMatches(person, 'Alexei Degtyareva')).toBe(false);
    expect(personMatches(person, 'Kuznetsov')).toBe(false);
  });
});

describe('mergeVariants', () => {
  it('keeps each spelling once per origin, the first seen with its evidence', () => {
    const printed: NameVariant = {
      ...variant('Degtyarev', 'source'),
      evidenceId: '00000000-0000-4000-8000-00000000000e',
    };
    const merged = mergeVariants(
      [variant('Дегтярёв', 'original'), variant('Degtyarev', 'simplified')],
      [printed, variant('дегтярев', 'original'), variant('DEGTYAREV', 'source')],
    );
    expect(merged).toEqual([
      variant('Дегтярёв', 'original'),
      variant('Degtyarev', 'simplified'),
      printed,
    ]);
  });

  it('drops generated spellings, never typed or printed ones, past the limit', () => {
    const generated = Array.from({ length: maxVariants }, (_, i) =>
      variant(`Generated${String.fromCharCode(97 + (i % 26))}${i}`, 'passport'),
    );
    const typed = Array.from({ length: 10 }, (_, i) => variant(`Typed ${i}`, 'manual'));
    const merged = mergeVariants(generated, typed);
    expect(merged).toHaveLength(maxVariants);
    expect(merged.filter((v) => v.origin === 'manual')).toEqual(typed);
    expect(merged.slice(0, 3)).toEqual(generated.slice(0, 3));
  });
});
