import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { runCli } from '../../electron/cli/cli';
import { makeTempDir } from '../support/temp-dir';

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
  });
  return { code, stdout, stderr };
}

describe('habeas CLI', () => {
  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(JSON.parse((await run(['--version', '--json'])).stdout)).toEqual({ version });
  });

  it('prints help, and help with a usage error when no command is given', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^habeas .*\n\nUsage: habeas/);
    expect(help.stdout).toContain('--json');
    expect((await run([])).code).toBe(2);
  });

  it('reports app:info as JSON for the vault of --vault', async () => {
    const { dir, cleanup } = await makeTempDir();
    try {
      const result = await run(['info', '--json', '--vault', dir]);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        version,
        platform: process.platform,
        transport: 'cli',
        vaultState: 'absent',
      });
    } finally {
      await cleanup();
    }
  });

  it.each([
    [['frobnicate', '--json']],
    [['--no-such-flag', '--json']],
    [['info', 'extra', '--json']],
  ])('fails %j with a JSON error on stderr, no stack, exit 2', async (args) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const error = JSON.parse(result.stderr) as { error: { code: string; message: string } };
    expect(error.error.code).toBe('VALIDATION_FAILED');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
