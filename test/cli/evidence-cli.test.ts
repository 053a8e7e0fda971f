import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli-runner';
import { makeTempDir } from '../support/temp-dir';

const passphrase = 'a long passphrase for the evidence tests';
let root: string;
let cleanup: () => Promise<void>;
let caseId: string;

const habeas = cliRunner(() => root, passphrase);

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  expect((await habeas(['vault', 'init'])).code).toBe(0);
  caseId = ((await habeas(['case', 'create', '--title', 'Art. 332'])).json as { id: string }).id;
}, 60_000);
afterAll(() => cleanup());

describe('habeas evidence', () => {
  it('adds files, goes on past one that fails, and exports an original byte for byte', async () => {
    const note = join(root, 'Показания.txt');
    const other = join(root, 'report.txt');
    await writeFile(note, 'Мой муж не получил обучения.');
    await writeFile(other, 'Two conscripts refused.');
    const added = await habeas([
      'evidence',
      'add',
      caseId.slice(0, 8),
      note,
      join(root, 'missing.mp4'),
      other,
      '--kind',
      'document',
      '--source',
      'Meduza',
      '--published',
      '2026-11-20',
    ]);
    expect(added.code).toBe(1);
    const results = added.json as Record<string, unknown>[];
    expect(results).toEqual([
      expect.objectContaining({
        file: note,
        kind: 'document',
        sha256: sha('Мой муж не получил обучения.'),
      }),
      {
        file: join(root, 'missing.mp4'),
        error: expect.objectContaining({ code: 'NOT_FOUND' }) as unknown,
      },
      expect.objectContaining({
        file: other,
        kind: 'document',
        sha256: sha('Two conscripts refused.'),
      }),
    ]);
    const id = results[0]?.['id'] as string;

    const shown = (await habeas(['case', 'show', caseId])).json as {
      evidence: { id: string; published?: string; file?: { name: string } }[];
    };
    expect(shown.evidence.map((e) => e.file?.name)).toEqual(['Показания.txt', 'report.txt']);
    expect(shown.evidence[0]?.published).toBe('2026-11-20');

    const out = join(root, 'exported.txt');
    const exported = await habeas(['evidence', 'export', caseId, id, '--out', out]);
    expect(exported.code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe('Мой муж не получил обучения.');
  });

  it.each([
    [['evidence', 'add', 'CASE', 'x', '--kind', 'film'], 'VALIDATION_FAILED', 1],
    [['evidence', 'add', 'CASE'], 'VALIDATION_FAILED', 2],
    [['evidence', 'export', 'CASE', 'ffffffff', '--out', 'x'], 'NOT_FOUND', 1],
    [['evidence', 'export', 'CASE', 'ffffffff'], 'VALIDATION_FAILED', 1],
    [['person', 'add', 'CASE', '--name', 'X', '--role', 'spy'], 'VALIDATION_FAILED', 1],
    [['person', 'add', 'CASE', '--name', 'X', '--protected'], 'VALIDATION_FAILED', 1],
  ])('%j fails with %s', async (args, code, exit) => {
    const result = await habeas(args.map((a) => (a === 'CASE' ? caseId : a)));
    expect(result.code).toBe(exit);
    expect((JSON.parse(result.stderr) as { error: { code: string } }).error.code).toBe(code);
  });
});

describe('habeas person and custody', () => {
  it('adds a person, updates them by another spelling, and verifies the custody log', async () => {
    const first = await habeas([
      'person',
      'add',
      caseId,
      '--name',
      'Дегтярёв Андрей',
      '--role',
      'client',
    ]);
    expect(first.code).toBe(0);
    const { id, variants } = first.json as { id: string; variants: string[] };
    expect(variants).toEqual(expect.arrayContaining(['Дегтярёв Андрей', 'Degtyarev Andrey']));
    const second = await habeas([
      'person',
      'add',
      caseId,
      '--name',
      'Degtyarev Andrey',
      '--variant',
      'Degtiarev Andrei',
    ]);
    expect(second.json).toMatchObject({ id });
    expect((second.json as { variants: string[] }).variants).toContain('Degtiarev Andrei');

    const custody = await habeas(['custody', caseId, '--verify']);
    expect(custody.code).toBe(0);
    const log = custody.json as { ok: boolean; head: string; entries: { action: string }[] };
    expect(log.ok).toBe(true);
    expect(log.head).toMatch(/^[0-9a-f]{64}$/);
    expect(log.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'intake', 'export']),
    );
  });
});

describe('habeas custody --verify', () => {
  it('fails, naming the entry, when the log was altered', async () => {
    const { unlockVault } = await import('../../electron/core/vault/vault');
    const { caseStore } = await import('../../electron/core/cases/case-store');
    const vault = await unlockVault(join(root, 'vault'), passphrase);
    await caseStore(vault).mutate(caseId, (data) => {
      const entry = data.custody[1];
      if (entry !== undefined) data.custody[1] = { ...entry, actor: 'someone else' };
    });
    await vault.close();
    const result = await habeas(['custody', caseId, '--verify']);
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
