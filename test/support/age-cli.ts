import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

/** True when Debian's `age` is installed. In CI its absence fails the run instead of skipping. */
export function hasAgeCli(): boolean {
  const found = spawnSync('age', ['--version']).status === 0;
  if (!found) {
    if (process.env['CI']) {
      it('has the age CLI for interop tests (CI installs it)', () =>
        expect.fail('age is not installed'));
    } else {
      console.warn('\n*** age CLI interop tests SKIPPED: apt-get install age ***\n');
    }
  }
  return found;
}

export function ageDecrypt(identityFile: string, file: string): Buffer {
  const result = spawnSync('age', ['-d', '-i', identityFile, file]);
  if (result.status !== 0) throw new Error(`age -d failed: ${result.stderr.toString()}`);
  return result.stdout;
}
