import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli-runner';
import { makeTempDir } from '../support/temp-dir';

const passphrase = 'a long passphrase for the case tests';
let root: string;
let cleanup: () => Promise<void>;

const habeas = cliRunner(() => root, passphrase);

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  expect((await habeas(['vault', 'init'])).code).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('habeas case', () => {
  it('creates, lists and shows a case as the command table says', async () => {
    const created = await habeas([
      'case',
      'create',
      '--title',
      'Art. 332: Degtyarev and Kuznetsov',
      '--client',
      'Дегтярёв А. В.',
      '--client',
      'Kuznetsov I.',
      '--court',
      'Military garrison court',
      '--number',
      '1-117/2026',
      '--jurisdiction',
      'RU',
    ]);
    expect(created.code).toBe(0);
    const { id } = created.json as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const list = await habeas(['case', 'list']);
    expect(list.json).toEqual([
      expect.objectContaining({ id, title: 'Art. 332: Degtyarev and Kuznetsov', status: 'open' }),
    ]);

    const shown = await habeas(['case', 'show', id.slice(0, 8)]);
    expect(shown.json).toMatchObject({
      id,
      title: 'Art. 332: Degtyarev and Kuznetsov',
      clients: ['Дегтярёв А. В.', 'Kuznetsov I.'],
      court: 'Military garrison court',
      caseNumber: '1-117/2026',
      jurisdiction: 'RU',
      status: 'open',
      evidence: [],
      persons: [],
      charges: [],
      links: [],
      events: [],
    });
  });

  it.each([
    [['case', 'create'], 'VALIDATION_FAILED', 1],
    [['case', 'create', '--title', ''], 'VALIDATION_FAILED', 1],
    [['case', 'show', 'no-such-case'], 'NOT_FOUND', 1],
    [['case', 'show'], 'VALIDATION_FAILED', 2],
    [['case', 'list', '--court', 'x'], 'VALIDATION_FAILED', 2],
  ])('%j fails with %s', async (args, code, exit) => {
    const result = await habeas(args);
    expect(result.code).toBe(exit);
    expect((JSON.parse(result.stderr) as { error: { code: string } }).error.code).toBe(code);
  });
});
