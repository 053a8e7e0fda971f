import { describe, expect, it } from 'vitest';
import {
  cyrillicSpellings,
  romanisations,
  romanise,
  type RomanisationSystem,
} from '../../../electron/core/cases/romanisation';

describe('romanisation of Russian names', () => {
  it.each<[string, RomanisationSystem, string]>([
    // The defendant of DESIGN.md's case, as each system writes him.
    ['Дегтярёв', 'iso9', 'Degtârëv'],
    ['Дегтярёв', 'gost-b', 'Degtyaryov'],
    ['Дегтярёв', 'bgn-pcgn', 'Degtyarëv'],
    ['Дегтярёв', 'passport', 'Degtiarev'],
    ['Дегтярёв', 'simplified', 'Degtyarev'],
    // е/ё as ye/yë at the start and after ь in BGN/PCGN; the passport drops ь.
    ['Ельцин', 'bgn-pcgn', 'Yel’tsin'],
    ['Ельцин', 'simplified', 'Yeltsin'],
    ['Ельцин', 'passport', 'Eltsin'],
    ['Ельцин', 'iso9', 'Elʹcin'],
    ['Ельцин', 'gost-b', 'El`cin'],
    ['Соловьёв', 'bgn-pcgn', 'Solov’yëv'],
    ['Соловьёв', 'simplified', 'Solovyev'],
    // й: y (BGN), i (passport), j (ISO 9 and GOST B).
    ['Сергей', 'bgn-pcgn', 'Sergey'],
    ['Сергей', 'passport', 'Sergei'],
    ['Сергей', 'iso9', 'Sergej'],
    // ю, я, щ, ц.
    ['Юлия Щербакова', 'passport', 'Iuliia Shcherbakova'],
    ['Юлия Щербакова', 'bgn-pcgn', 'Yuliya Shcherbakova'],
    ['Юлия Щербакова', 'iso9', 'Ûliâ Ŝerbakova'],
    ['Юлия Щербакова', 'gost-b', 'Yuliya Shherbakova'],
    ['Цой', 'gost-b', 'Czoj'],
    ['Цой', 'bgn-pcgn', 'Tsoy'],
    // Letters in capitals stay in capitals; BGN/PCGN's dot keeps т·с two letters.
    ['ДЕГТЯРЁВ', 'passport', 'DEGTIAREV'],
    ['ЩУКИН', 'bgn-pcgn', 'SHCHUKIN'],
    ['Детство', 'bgn-pcgn', 'Det·stvo'],
    ['Подъячев', 'passport', 'Podieiachev'],
    // Anything not Cyrillic passes through.
    ['Art. 332 УК РФ', 'passport', 'Art. 332 UK RF'],
  ])('%s in %s is %s', (name, system, expected) => {
    expect(romanise(name, system)).toBe(expected);
  });

  it('lists every distinct romanisation of a name once', () => {
    expect(romanisations('Дегтярёв').map((r) => r.text)).toEqual([
      'Degtârëv',
      'Degtyaryov',
      'Degtyarëv',
      'Degtiarev',
      'Degtyarev',
    ]);
    expect(romanisations('Иван').map((r) => r.text)).toEqual(['Ivan']);
  });
});

describe('Cyrillic spellings of a Latin name', () => {
  it.each<[string, string]>([
    // DESIGN.md's defendant as the press and his passport print him.
    ['Degtyarev', 'Дегтярев'],
    ['Degtyaryov', 'Дегтярёв'],
    ['Degtiarev', 'Дегтярев'],
    ['Degtyarëv', 'Дегтярёв'],
    ['Degtârëv', 'Дегтярёв'],
    ['Grebenyuk', 'Гребенюк'],
    ['Grebeniuk', 'Гребенюк'],
    ['Grebenuk', 'Гребенук'],
    // shch/sch, zh, kh, ts, ch, sh; ye at the start; ’ as ь.
    ['Iuliia Shcherbakova', 'Юлия Щербакова'],
    ['Yuliya Shcherbakova', 'Юлия Щербакова'],
    ['Schukin', 'Щукин'],
    ['Zhmaylovskiy', 'Жмайловский'],
    ['Mikhail Kuznetsov', 'Михаил Кузнецов'],
    ['Yel’tsin', 'Ельцин'],
    ['Yevgeniy', 'Евгений'],
    // Endings: final y after a consonant is -ий, after a vowel й; -yy is -ый.
    ['Zelensky', 'Зеленский'],
    ['Sergey', 'Сергей'],
    ['Sergei', 'Сергей'],
    ['Belyy', 'Белый'],
    ['Solovyov', 'Соловёв'],
    ['Solovyev', 'Соловьев'],
    ['Maria', 'Мария'],
    ['DEGTYAREV', 'ДЕГТЯРЕВ'],
    ['Degtyarev A. V.', 'Дегтярев А. В.'],
  ])('%s is first read as %s', (latin, cyrillic) => {
    expect(cyrillicSpellings(latin)[0]).toBe(cyrillic);
  });

  it('offers the less usual readings after the usual one, a few at most', () => {
    expect(cyrillicSpellings('Solovyov')).toContain('Соловьёв');
    expect(cyrillicSpellings('Natalya')).toEqual(['Наталя', 'Наталья']);
    expect(cyrillicSpellings('Eduard')).toContain('Эдуард');
    const long = cyrillicSpellings('Yevgeniy Tsoy Aleksandrovich Schukin-Zhmaylovskiy');
    expect(long.length).toBeLessThanOrEqual(3);
    expect(new Set(long).size).toBe(long.length);
    expect(cyrillicSpellings('Grebenyuk', 1)).toEqual(['Гребенюк']);
  });
});
