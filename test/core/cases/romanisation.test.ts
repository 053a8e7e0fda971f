import { describe, expect, it } from 'vitest';
import {
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
