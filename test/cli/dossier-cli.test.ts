import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdfFixtures } from '../fixtures/pdf-fixtures';
import { cliRunner } from '../support/cli-runner';
import { makeTempDir } from '../support/temp-dir';

const run = promisify(execFile);
const passphrase = 'a long passphrase for the dossier tests';
let root: string;
let cleanup: () => Promise<void>;
let caseId: string;

const habeas = cliRunner(() => root, passphrase);

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  const pdfs = await makePdfFixtures(root);
  expect((await habeas(['vault', 'init'])).code).toBe(0);
  caseId = (
    (await habeas(['case', 'create', '--title', 'Дело Дегтярёва', '--court', 'Военный суд']))
      .json as { id: string }
  ).id;
  expect(
    (await habeas(['evidence', 'add', caseId, pdfs.cyrillic, '--kind', 'document'])).code,
  ).toBe(0);
  expect(
    (await habeas(['evidence', 'add', caseId, pdfs.userPassword, '--kind', 'document'])).code,
  ).toBe(0);
}, 60_000);
afterAll(() => cleanup());

describe('habeas dossier', () => {
  it('writes the dossier and prints each file with its pages and SHA-256', async () => {
    const out = join(root, 'dossier.pdf');
    const result = await habeas([
      'dossier',
      caseId.slice(0, 8),
      '--out',
      out,
      '--bates-prefix',
      'DEG',
      '--title',
      'Ходатайство',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const { files, problems } = result.json as {
      files: { path: string; pages: number; sha256: string }[];
      problems: { code: string }[];
    };
    expect(files).toHaveLength(1);
    expect(files[0]?.path).toBe(out);
    const bytes = await readFile(out);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(files[0]?.sha256);
    expect(problems.map((p) => p.code)).toEqual(['password-protected']);
    const text = (await run('pdftotext', [out, '-'])).stdout;
    expect(text).toContain('Ходатайство');
    expect(text).toContain('DEG000001');
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [out])).stdout)?.[1]);
    expect(pages).toBe(files[0]?.pages);
  });

  it('names ECHR volumes "Part N" and refuses a bad profile or prefix', async () => {
    const out = join(root, 'echr.pdf');
    const echr = await habeas(['dossier', caseId, '--out', out, '--profile', 'echr']);
    expect(echr.code, echr.stderr).toBe(0);
    const { files } = echr.json as { files: { path: string }[] };
    expect(files.map((f) => f.path)).toEqual([join(root, 'echr - Part 1.pdf')]);

    const bad = await habeas(['dossier', caseId, '--out', out, '--profile', 'court-of-mars']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const prefix = await habeas(['dossier', caseId, '--out', out, '--bates-prefix', '../x']);
    expect(JSON.parse(prefix.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const nowhere = await habeas([
      'dossier',
      caseId,
      '--out',
      join(root, 'no-such-folder', 'd.pdf'),
    ]);
    expect(JSON.parse(nowhere.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const missing = await habeas(['dossier', caseId]);
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
