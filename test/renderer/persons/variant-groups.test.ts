import { describe, expect, it } from 'vitest';
import {
  distinctSpellings,
  groupVariants,
  newSpellingCount,
} from '../../../renderer/features/persons/variant-groups';
import type { NameVariant, PersonRecord } from '../../../shared/evidence';

const v = (text: string, origin: NameVariant['origin']): NameVariant => ({
  text,
  origin,
  script: /[а-яё]/i.test(text) ? 'cyrillic' : 'latin',
});

const variants = [
  v('Дегтярёв', 'original'),
  v('Degtyarev', 'source'),
  v('Degtârëv', 'iso9'),
  v('Degtyarev', 'simplified'),
  v('Degtyarev', 'manual'),
  v('Degtiarev', 'passport'),
];

describe('grouping a person’s spellings', () => {
  it('puts typed and printed spellings first, each once with all its origins', () => {
    expect(groupVariants(variants).written).toEqual([
      { text: 'Дегтярёв', origins: ['original'] },
      { text: 'Degtyarev', origins: ['source', 'manual'] },
    ]);
  });

  it('lists generated spellings by system in a fixed order', () => {
    expect(groupVariants(variants).generated).toEqual([
      { origin: 'iso9', texts: ['Degtârëv'] },
      { origin: 'passport', texts: ['Degtiarev'] },
      { origin: 'simplified', texts: ['Degtyarev'] },
    ]);
  });

  it('gives each spelling once for editing', () => {
    expect(distinctSpellings(variants)).toEqual(['Дегтярёв', 'Degtyarev', 'Degtârëv', 'Degtiarev']);
  });
});

describe('previewing a merge', () => {
  const person = (displayName: string, texts: string[]): PersonRecord => ({
    id: '00000000-0000-4000-8000-000000000001',
    displayName,
    variants: texts.map((t) => v(t, 'manual')),
    role: 'other',
    protected: false,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  });

  it('counts the spellings the kept person does not have, ignoring case and ё', () => {
    const kept = person('Дегтярёв', ['Дегтярёв', 'Degtyarev']);
    const merged = person('ДЕГТЯРЕВ', ['degtyarev', 'Degtiarev', 'Degtyaryov']);
    expect(newSpellingCount(kept, merged)).toBe(2);
  });
});
