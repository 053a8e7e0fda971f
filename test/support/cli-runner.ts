import { join } from 'node:path';
import { runCli } from '../../electron/cli/cli';

/**
 * Runs `habeas … --json --vault <root>/vault` in this process, with the passphrase in the
 * environment; returns the exit code, what went to stderr, and the parsed JSON on stdout.
 */
export function cliRunner(root: () => string, passphrase: string) {
  return async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli([...args, '--json', '--vault', join(root(), 'vault')], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { HABEAS_DATA_DIR: root(), HABEAS_PASSPHRASE: passphrase },
    });
    return { code, stderr, json: stdout === '' ? undefined : (JSON.parse(stdout) as unknown) };
  };
}
