import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import { lockFileName } from '../../electron/core/vault/vault-lock';
import { ageDecrypt, hasAgeCli } from '../support/age-cli';
import { makeTempDir } from '../support/temp-dir';

const passphrase = 'Дегтярёв and Degtyarev, 17 Nov';
let root: string;
let vault: string;
let cleanup: () => Promise<void>;
let recoveryKey: string;

async function habeas(
  args: string[],
  env: Record<string, string> = { HABEAS_PASSPHRASE: passphrase },
) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--json', '--vault', vault], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HABEAS_DATA_DIR: root, ...env },
  });
  return {
    code,
    stdout,
    stderr,
    json: stdout === '' ? undefined : (JSON.parse(stdout) as Record<string, unknown>),
  };
}

function errorCode(stderr: string): string {
  return (JSON.parse(stderr) as { error: { code: string } }).error.code;
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  vault = join(root, 'vault');
  const init = await habeas(['vault', 'init']);
  expect(init.code).toBe(0);
  recoveryKey = String(init.json?.['recoveryKey']);
  expect(init.json?.['vaultId']).toMatch(/^[0-9a-f-]{36}$/);
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
}, 60_000);
afterAll(() => cleanup());

describe('habeas vault', () => {
  it('init refuses a folder that already holds a vault', async () => {
    const again = await habeas(['vault', 'init']);
    expect(again.code).toBe(1);
    expect(errorCode(again.stderr)).toBe('VAULT_EXISTS');
  });

  it('check: { ok: true }, and WRONG_PASSPHRASE for a wrong one', async () => {
    expect(await habeas(['vault', 'check'])).toMatchObject({ code: 0, json: { ok: true } });
    const wrong = await habeas(['vault', 'check'], { HABEAS_PASSPHRASE: 'nope nope nope' });
    expect(wrong.code).toBe(1);
    expect(errorCode(wrong.stderr)).toBe('WRONG_PASSPHRASE');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the passphrase from --passphrase-file, less its line break', async () => {
    const file = join(root, 'pass.txt');
    await writeFile(file, `${passphrase}\n`);
    expect(await habeas(['vault', 'check', '--passphrase-file', file], {})).toMatchObject({
      code: 0,
    });
  });

  it('verify: every file checked; a damaged one named, exit non-zero', async () => {
    const ok = await habeas(['vault', 'verify']);
    expect(ok).toMatchObject({ code: 0, json: { ok: true, checked: 1, failures: [] } });
    const index = join(vault, 'vault.age');
    const good = await readFile(index);
    const bad = Buffer.from(good);
    bad[bad.length - 5] = (bad[bad.length - 5] ?? 0) ^ 1;
    await writeFile(index, bad);
    const damaged = await habeas(['vault', 'verify']);
    await writeFile(index, good);
    expect(damaged.code).toBe(1);
    expect(damaged.json).toEqual({
      ok: false,
      checked: 1,
      failures: [{ file: 'vault.age', code: 'INTEGRITY_FAILED' }],
    });
  });

  it('verify opens each case’s files with that case’s key from the index', async () => {
    const { id } = (await habeas(['case', 'create', '--title', 'Art. 332'])).json as { id: string };
    const statement = join(root, 'statement.txt');
    await writeFile(statement, 'Мой муж не получил ни формы, ни обучения.');
    expect((await habeas(['evidence', 'add', id, statement, '--kind', 'statement'])).code).toBe(0);
    const report = await habeas(['vault', 'verify']);
    expect(report).toMatchObject({ code: 0, json: { ok: true, failures: [] } });
    expect((report.json as { checked: number }).checked).toBeGreaterThanOrEqual(3);
  });

  it('identity prints the age recipient; export-identity writes a key that `age` accepts', async () => {
    const identity = await habeas(['identity']);
    expect(Object.keys(identity.json ?? {})).toEqual(['recipient']);
    expect(identity.json?.['recipient']).toMatch(/^age1[0-9a-z]{58}$/);
    const out = join(root, 'identity.txt');
    expect(await habeas(['vault', 'export-identity', '--out', out])).toMatchObject({
      code: 0,
      json: { ok: true },
    });
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/m);
    expect(text).toContain(`# public key: ${String(identity.json?.['recipient'])}`);
    const again = await habeas(['vault', 'export-identity', '--out', out]);
    expect(errorCode(again.stderr)).toBe('VALIDATION_FAILED');
    if (hasAgeCli())
      expect(JSON.parse(ageDecrypt(out, join(vault, 'vault.age')).toString())).toHaveProperty(
        'cases',
      );
  });

  it('passwd and recover change the passphrase', async () => {
    const next = join(root, 'next.txt');
    await writeFile(next, 'the second passphrase\n');
    expect(await habeas(['vault', 'passwd', '--new-passphrase-file', next])).toMatchObject({
      code: 0,
      json: { ok: true },
    });
    expect(errorCode((await habeas(['vault', 'check'])).stderr)).toBe('WRONG_PASSPHRASE');
    expect(
      (await habeas(['vault', 'check'], { HABEAS_PASSPHRASE: 'the second passphrase' })).code,
    ).toBe(0);

    const third = join(root, 'third.txt');
    await writeFile(third, passphrase);
    const recovered = await habeas(
      ['vault', 'recover', '--recovery-key', recoveryKey, '--new-passphrase-file', third],
      {},
    );
    expect(recovered).toMatchObject({ code: 0, json: { ok: true } });
    expect((await habeas(['vault', 'check'])).code).toBe(0);
  });

  it('refuses a new passphrase that is too short', async () => {
    const short = join(root, 'short.txt');
    await writeFile(short, 'short');
    const result = await habeas(['vault', 'passwd', '--new-passphrase-file', short]);
    expect(errorCode(result.stderr)).toBe('VALIDATION_FAILED');
  });

  it('answers VAULT_IN_USE with the pid to a writer while another process holds the vault', async () => {
    const holder = spawn('sleep', ['30']);
    try {
      await writeFile(
        join(vault, lockFileName),
        JSON.stringify({
          pid: holder.pid,
          host: (await import('node:os')).hostname(),
          since: new Date().toISOString(),
        }),
      );
      const result = await habeas(['vault', 'verify']);
      expect(result.code).toBe(1);
      expect(errorCode(result.stderr)).toBe('VAULT_IN_USE');
      expect(result.stderr).toContain(String(holder.pid));
      // Reading commands do not need the lock: they work while the app has the vault open.
      expect((await habeas(['vault', 'check'])).code).toBe(0);
      expect((await habeas(['identity'])).code).toBe(0);
    } finally {
      holder.kill();
    }
    expect((await habeas(['vault', 'check'])).code).toBe(0);
  });

  it('refuses options that do not belong to the command', async () => {
    const result = await habeas(['vault', 'check', '--out', 'x']);
    expect(result.code).toBe(2);
    expect(errorCode(result.stderr)).toBe('VALIDATION_FAILED');
  });
});
