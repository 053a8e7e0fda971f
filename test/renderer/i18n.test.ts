import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import { sectionIds } from '../../renderer/app/sections';
import { initialLanguage, translationFiles, translations } from '../../renderer/i18n/i18n';

const { en, ru } = translations;

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(k, v);
    }
  }
  return out;
}

describe('translations', () => {
  const english = leaves(en);
  const russian = leaves(ru);

  it('have the same keys in English and Russian, none empty', () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...russian]) expect(text.trim(), key).not.toBe('');
  });

  it('define each top-level key in one file only', () => {
    for (const files of Object.values(translationFiles)) {
      const keys = files.flatMap((file) => Object.keys(file));
      expect(keys.length).toBe(new Set(keys).size);
    }
  });

  it('have one message per error code and a label per section', () => {
    for (const code of errorCodes) expect(english.has(`errors.${code}`), code).toBe(true);
    for (const id of sectionIds)
      expect(english.has(`nav.${id}`) && english.has(`sections.${id}`), id).toBe(true);
  });

  it('are really Russian where they should be', () => {
    expect(russian.get('nav.evidence')).toMatch(/[а-яё]/i);
  });

  it.each([
    [{}, 'ru-RU', 'ru'],
    [{}, 'en-GB', 'en'],
    [{}, 'de', 'en'],
    [{ 'habeas.language': 'en' }, 'ru-RU', 'en'],
    [{ 'habeas.language': 'xx' }, 'ru', 'ru'],
  ])('start with %j and system %s → %s', (saved: Record<string, string>, system, expected) => {
    expect(initialLanguage({ getItem: (k) => saved[k] ?? null }, system)).toBe(expected);
  });
});
