import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli-runner';
import { makeTempDir } from '../support/temp-dir';

const passphrase = 'a long passphrase for the charge tests';
let root: string;
let cleanup: () => Promise<void>;
let caseId: string;
let videoId: string;
let statementId: string;

const habeas = cliRunner(() => root, passphrase);

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  expect((await habeas(['vault', 'init'])).code).toBe(0);
  caseId = ((await habeas(['case', 'create', '--title', 'Art. 332'])).json as { id: string }).id;
  await writeFile(join(root, 'video.mp4'), 'not really a video, but kept as received');
  await writeFile(join(root, 'statement.txt'), 'Мой муж не получил ни формы, ни обучения.');
  const added = (
    await habeas(['evidence', 'add', caseId, join(root, 'video.mp4'), '--kind', 'video'])
  ).json as { id: string }[];
  videoId = added[0]?.id ?? '';
  const statement = (
    await habeas(['evidence', 'add', caseId, join(root, 'statement.txt'), '--kind', 'statement'])
  ).json as { id: string }[];
  statementId = statement[0]?.id ?? '';
}, 60_000);
afterAll(() => cleanup());

describe('habeas charge, link and event', () => {
  it('lists the templates, adds an Art. 332 charge, links evidence, and dates events', async () => {
    const templates = (await habeas(['charge', 'templates'])).json as {
      id: string;
      article: string;
      title: { en: string; ru: string };
      elements: unknown[];
    }[];
    const art332 = templates.find((t) => t.article === '332');
    expect(art332?.title.ru).toContain('Неисполнение приказа');
    expect(templates.map((t) => t.article)).toEqual(
      expect.arrayContaining(['332', '337', '338', '328', '339', '207.3', '280.3']),
    );

    const charge = await habeas([
      'charge',
      'add',
      caseId,
      '--template',
      art332?.id ?? '',
      '--language',
      'ru',
      '--date',
      '2026-11-16',
    ]);
    expect(charge.code).toBe(0);
    const { elements } = charge.json as { id: string; elements: { id: string; text: string }[] };
    expect(elements.length).toBe(art332?.elements.length);
    const element = elements[0]?.id ?? '';

    const link = await habeas([
      'link',
      'add',
      caseId,
      videoId.slice(0, 8),
      element.slice(0, 8),
      '--stance',
      'defence',
      '--pinpoint',
      '0:05-0:12',
      '--note',
      'No weapons issued',
    ]);
    expect(link.code).toBe(0);
    expect(link.json).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown });

    const typed = await habeas([
      'charge',
      'add',
      caseId,
      '--statute',
      'ECHR',
      '--article',
      '9',
      '--title',
      'Freedom of conscience',
      '--element',
      'Belief',
      '--element',
      'Interference',
    ]);
    expect((typed.json as { elements: unknown[] }).elements).toHaveLength(2);

    const event = await habeas([
      'event',
      'add',
      caseId,
      '--date',
      '2026-11-17',
      '--text',
      'Arrested at the unit gates',
      '--evidence',
      videoId,
      '--evidence',
      statementId,
    ]);
    expect(event.code).toBe(0);

    const shown = (await habeas(['case', 'show', caseId])).json as {
      charges: { elements: unknown[] }[];
      links: { stance: string; pinpoint: unknown; note: string }[];
      events: { date: string; evidenceIds: string[] }[];
    };
    expect(shown.charges).toHaveLength(2);
    expect(shown.links).toEqual([
      expect.objectContaining({
        stance: 'defence',
        pinpoint: { start: 5, end: 12 },
        note: 'No weapons issued',
      }),
    ]);
    expect(shown.events[0]).toMatchObject({
      date: '2026-11-17',
      evidenceIds: [videoId, statementId],
    });
  });

  it.each([
    [['link', 'add', 'CASE', 'VIDEO', 'ffffffff', '--stance', 'sideways'], 'VALIDATION_FAILED', 1],
    [['link', 'add', 'CASE', 'VIDEO', 'ffffffff', '--stance', 'defence'], 'NOT_FOUND', 1],
    [['link', 'add', 'CASE', 'ffffffff', 'ffffffff', '--stance', 'context'], 'NOT_FOUND', 1],
    [['charge', 'add', 'CASE', '--template', 'no-such-template'], 'NOT_FOUND', 1],
    [['charge', 'add', 'CASE'], 'VALIDATION_FAILED', 1],
    [
      ['charge', 'add', 'CASE', '--statute', 'X', '--article', '1', '--title', 'T'],
      'VALIDATION_FAILED',
      1,
    ],
    [['event', 'add', 'CASE', '--date', '17.11.2026', '--text', 'x'], 'VALIDATION_FAILED', 1],
    [
      ['event', 'add', 'CASE', '--date', '2026-11-17', '--text', 'x', '--precision', 'soon'],
      'VALIDATION_FAILED',
      1,
    ],
    [
      ['event', 'add', 'CASE', '--date', '2026-11-17', '--text', 'x', '--evidence', 'ffffffff'],
      'NOT_FOUND',
      1,
    ],
  ])('%j fails with %s', async (args, code, exit) => {
    const result = await habeas(
      args.map((a) => (a === 'CASE' ? caseId : a === 'VIDEO' ? videoId : a)),
    );
    expect(result.code).toBe(exit);
    expect((JSON.parse(result.stderr) as { error: { code: string } }).error.code).toBe(code);
  });
});
