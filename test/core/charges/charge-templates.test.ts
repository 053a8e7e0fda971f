import { describe, expect, it } from 'vitest';
import { chargeTemplateSchema, type ChargeTemplate } from '../../../shared/charges';
import { HabeasError } from '../../../electron/core/habeas-error';
import {
  builtInTemplates,
  findTemplate,
  maxTemplateBytes,
  parseTemplateJson,
  templateToJson,
} from '../../../electron/core/charges/templates/charge-templates';

const templates = builtInTemplates();

function refusal(text: string): HabeasError {
  try {
    parseTemplateJson(text);
  } catch (error) {
    // Anything but a HabeasError (a crash) fails the test as it is.
    if (error instanceof HabeasError) return error;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('built-in charge templates', () => {
  it('ships the Criminal Code articles and the Convention articles the defence needs', () => {
    const articles = (statute: string) =>
      templates.filter((t) => t.statute.en.includes(statute)).map((t) => t.article);
    expect(new Set(articles('Criminal Code'))).toEqual(
      new Set(['332', '337', '338', '328', '339', '207.3', '280.3']),
    );
    expect(articles('European Convention').sort()).toEqual(['10', '5', '6', '9']);
  });

  it('every template validates, with a unique id, dated source and both languages everywhere', () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const t of templates) {
      expect(chargeTemplateSchema.safeParse(t).success, t.id).toBe(true);
      expect(t.source, t.id).toMatch(/https?:\/\//);
      expect(Number.isNaN(Date.parse(t.asOf)), t.id).toBe(false);
      for (const text of [t.statute, t.title, ...t.elements.map((e) => e.text)]) {
        expect(text.en, t.id).not.toBe('');
        expect(text.ru, t.id).toMatch(/[а-яё]/i);
      }
      expect(t.notes?.en, t.id).toBeTruthy();
      expect(t.notes?.ru, t.id).toBeTruthy();
    }
  });

  it('has Art. 332 with its official Russian title, and its wartime part 2.1 apart', () => {
    const art332 = findTemplate('ru-cc-332');
    expect(art332?.article).toBe('332');
    expect(art332?.title.ru).toContain('Неисполнение приказа');
    expect(art332?.title.en).toBe('Failure to obey an order');
    const wartime = findTemplate('ru-cc-332-2.1');
    expect(wartime?.article).toBe('332');
    expect(wartime?.part).toBe('2.1');
    expect(wartime?.elements.map((e) => e.text.en).join(' ')).toMatch(/mobilisation/);
    // The first Art. 332 a list offers is the basic form.
    expect(templates.find((t) => t.article === '332')?.id).toBe('ru-cc-332');
  });

  it('uses the official titles for the Convention articles', () => {
    expect(findTemplate('echr-5')?.title.en).toBe('Right to liberty and security');
    expect(findTemplate('echr-6')?.title.en).toBe('Right to a fair trial');
    expect(findTemplate('echr-9')?.title.en).toBe('Freedom of thought, conscience and religion');
    expect(findTemplate('echr-9')?.title.ru).toBe('Свобода мысли, совести и религии');
    expect(findTemplate('echr-10')?.title.en).toBe('Freedom of expression');
  });

  it('uses the official Russian titles of the Criminal Code articles', () => {
    expect(findTemplate('ru-cc-337')?.title.ru).toBe(
      'Самовольное оставление части или места службы',
    );
    expect(findTemplate('ru-cc-338')?.title.ru).toBe('Дезертирство');
    expect(findTemplate('ru-cc-328')?.title.ru).toBe(
      'Уклонение от прохождения военной и альтернативной гражданской службы',
    );
    expect(findTemplate('ru-cc-339')?.title.ru).toBe(
      'Уклонение от исполнения обязанностей военной службы путем симуляции болезни или иными способами',
    );
    expect(findTemplate('ru-cc-207.3')?.title.ru).toMatch(/^Публичное распространение заведомо/);
    expect(findTemplate('ru-cc-280.3')?.title.ru).toMatch(/^Публичные действия, направленные на/);
  });

  it('finds nothing for an unknown id, and a caller editing a copy changes no one else’s', () => {
    expect(findTemplate('no-such-template')).toBeUndefined();
    const mine = builtInTemplates()[0];
    if (mine === undefined) throw new Error('no templates');
    mine.title.en = 'changed';
    mine.elements.pop();
    expect(builtInTemplates()[0]).toEqual(templates[0]);
    expect(findTemplate(mine.id)).toEqual(templates[0]);
  });
});

describe('template import and export', () => {
  it('round-trips every shipped template through its exported JSON', () => {
    for (const t of templates) {
      const json = templateToJson(t);
      expect(json).toContain('\n  "id": ');
      expect(parseTemplateJson(json)).toEqual(t);
    }
  });

  it('imports a lawyer’s template written in one language only', () => {
    const own = {
      id: 'my-art-332',
      statute: { en: '', ru: 'Уголовный кодекс Российской Федерации' },
      article: '332',
      part: '2.1',
      title: { en: '', ru: 'Неисполнение приказа' },
      elements: [{ id: 'a', text: { en: '', ru: 'Приказ отдан' } }],
      source: 'СЗ РФ',
      asOf: '2024-01-01',
    } satisfies ChargeTemplate;
    expect(parseTemplateJson(JSON.stringify(own))).toEqual(own);
  });

  const valid = templates[0] as ChargeTemplate;
  const withChanges = (changes: Record<string, unknown>) =>
    JSON.stringify({ ...valid, ...changes });
  const element = (id: string) => ({ id, text: { en: 'x', ru: 'х' } });

  it.each([
    ['invalid JSON', '{"id": "x",', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a JSON array', '[]', /not valid/],
    ['JSON null', 'null', /not valid/],
    ['a number where text belongs', withChanges({ article: 332 }), /article/],
    ['a string where a list belongs', withChanges({ elements: 'intent' }), /elements/],
    ['a missing elements list', withChanges({ elements: undefined }), /elements/],
    ['an empty elements list', withChanges({ elements: [] }), /elements/],
    ['duplicate element ids', withChanges({ elements: [element('a'), element('a')] }), /unique/],
    ['an element with no text', withChanges({ elements: [{ id: 'a' }] }), /elements/],
    [
      'an element empty in both languages',
      withChanges({ elements: [{ id: 'a', text: { en: ' ', ru: '' } }] }),
      /elements/,
    ],
    ['an unknown field', withChanges({ script: 'alert(1)' }), /not valid/],
    ['an id with a path in it', withChanges({ id: '../../etc/passwd' }), /id/],
    ['a date that is not a date', withChanges({ asOf: 'yesterday' }), /asOf/],
    [
      'a __proto__ key',
      `{"__proto__": {"polluted": true}, ${withChanges({}).slice(1)}`,
      /__proto__/,
    ],
    [
      'a nested __proto__ key',
      withChanges({}).replace('"statute":{', '"statute":{"__proto__":{"x":1},'),
      /__proto__/,
    ],
    [
      'a constructor key',
      withChanges({}).replace('{', '{"constructor": {"prototype": {}}, '),
      /key/,
    ],
    ['input over 1 MB', withChanges({ source: 'x'.repeat(maxTemplateBytes) }), /larger than 1 MB/],
    [
      'Cyrillic input over 1 MB in bytes but not in characters',
      withChanges({ notes: { en: '', ru: 'я'.repeat(maxTemplateBytes / 2 + 10) } }),
      /larger than 1 MB/,
    ],
    [
      'nesting deep enough to exhaust the stack',
      '['.repeat(400_000) + ']'.repeat(400_000),
      /not valid/,
    ],
  ])('refuses %s with VALIDATION_FAILED', (_name, text, message) => {
    const error = refusal(text);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses input that is not text at all', () => {
    expect(refusal(42 as unknown as string).code).toBe('VALIDATION_FAILED');
  });

  it('refuses to export a template that is not valid', () => {
    expect(() => templateToJson({ ...valid, elements: [] })).toThrow(HabeasError);
  });
});
