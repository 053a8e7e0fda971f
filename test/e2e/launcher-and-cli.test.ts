import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { makeTempDir } from '../support/temp-dir';
import { interrupt, repoRoot, startUntilUrl } from './processes';

describe('npm start without an Electron runtime', () => {
  it('says so in one line, serves browser mode, and stops on Ctrl-C', async () => {
    const { dir, cleanup } = await makeTempDir();
    try {
      const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
      // An Electron dist folder with no binary in it: the same on a machine that could
      // download Electron as on one that cannot, and no download is attempted.
      const started = await startUntilUrl(
        tsx,
        [join(repoRoot, 'electron', 'launcher', 'start.ts')],
        {
          HABEAS_NO_OPEN: '1',
          ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here'),
          HABEAS_VAULT: join(dir, 'vault'),
        },
      );
      const response = await fetch(new URL('/', started.url));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      const unauthorised = await fetch(new URL('/api/app:info', started.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(unauthorised.status).toBe(401);
      expect(started.stderr()).toMatch(
        /^Habeas: Electron is not available \(.+\); starting browser mode instead\.$/m,
      );
      expect(
        started
          .stdout()
          .split('\n')
          .filter((l) => l !== ''),
      ).toHaveLength(1);
      expect(await interrupt(started.child)).toBe(0);
    } finally {
      await cleanup();
    }
  });
});

describe('the built habeas bin', () => {
  const bin = join(repoRoot, 'out', 'main', 'habeas.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('starts with a shebang and prints its version and help', () => {
    expect(spawnSync('head', ['-1', bin], { encoding: 'utf8' }).stdout).toBe(
      '#!/usr/bin/env node\n',
    );
    expect(run('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
    expect(run('--help').stdout).toContain('Usage: habeas');
  });

  it('prints a JSON error and no stack on failure', () => {
    const result = run('nonsense', '--json');
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
