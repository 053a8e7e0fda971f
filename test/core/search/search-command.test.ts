import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { searchCommand } from '../../../electron/cli/search-commands';
import type { CommandContext } from '../../../electron/cli/vault-commands';
import { makeTempDir } from '../../support/temp-dir';

const passphrase = 'a long passphrase for the search tests';
let root: string;
let cleanup: () => Promise<void>;
let caseId: string;
const ids: Record<string, string> = {};

const vaultDir = () => join(root, 'vault');
const env = () => ({ HABEAS_DATA_DIR: root, HABEAS_PASSPHRASE: passphrase });
const ctx = (): CommandContext => ({ vaultDir: vaultDir(), env: env(), options: {} });

async function habeas(args: string[]): Promise<unknown> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--json', '--vault', vaultDir()], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: env(),
  });
  if (code !== 0) throw new Error(stderr);
  return JSON.parse(stdout) as unknown;
}

async function add(name: string, text: string, kind: string, title: string): Promise<string> {
  await writeFile(join(root, name), text);
  const added = (await habeas([
    'evidence',
    'add',
    caseId,
    join(root, name),
    '--kind',
    kind,
    '--title',
    title,
  ])) as { id: string }[];
  return added[0]?.id ?? '';
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  await habeas(['vault', 'init']);
  caseId = ((await habeas(['case', 'create', '--title', 'Art. 332'])) as { id: string }).id;
  ids.meduza = await add('meduza.txt', 'Ivan Degtyaryov refused to return.', 'article', 'Meduza');
  ids.mt = await add('mt.txt', 'A court charged Ivan Degtyarev.', 'article', 'The Moscow Times');
  ids.wife = await add(
    'wife.txt',
    'Мой муж Иван Дегтярёв не получил ни формы, ни обучения.',
    'statement',
    'Statement of the wife',
  );
  ids.other = await add('other.txt', 'Сосед Кузнецов видел машину.', 'statement', 'Neighbour');
}, 60_000);
afterAll(() => cleanup());

describe('habeas search CASE QUERY', () => {
  it('prints the evidence that names the defendant in any spelling, best first', async () => {
    const result = await searchCommand(ctx(), caseId.slice(0, 8), 'Дегтярёв');
    const items = result.output as unknown as {
      evidenceId: string;
      title: string;
      snippet: string;
    }[];
    expect(items[0]).toMatchObject({ evidenceId: ids.wife, title: 'Statement of the wife' });
    expect(items[0]?.snippet).toContain('Иван Дегтярёв');
    expect(new Set(items.map((i) => i.evidenceId))).toEqual(
      new Set([ids.wife, ids.meduza, ids.mt]),
    );
    expect(result.text).toContain('*Degtyarev*');
    expect(result.text).toContain(ids.wife?.slice(0, 8));
  });

  it('starts the next search from the index it wrote, and follows what changed since', async () => {
    await searchCommand(ctx(), caseId, 'Degtyarev');
    const later = await add(
      'later.txt',
      'Адвокат Дегтярёва подал жалобу.',
      'document',
      'Complaint',
    );
    const result = await searchCommand(ctx(), caseId, 'Degtyaryov');
    const found = (result.output as unknown as { evidenceId: string }[]).map((i) => i.evidenceId);
    expect(found).toContain(later);
  });

  it('says so when nothing matches, and refuses an empty query or an unknown case', async () => {
    const none = await searchCommand(ctx(), caseId, 'Grebenyuk');
    expect(none.output).toEqual([]);
    expect(none.text).toBe('Nothing found.\n');
    await expect(searchCommand(ctx(), caseId, '  ')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      searchCommand(ctx(), '00000000-0000-4000-8000-000000000000', 'x'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
