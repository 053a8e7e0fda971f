import { spawn, spawnSync } from 'node:child_process';

/**
 * The reference age CLI (FiloSottile/age; Debian's "age" package) for interop tests. It reads
 * passphrases only from a terminal, so passphrase runs go through util-linux `script`, which
 * gives it a pseudo-terminal and feeds that our stdin.
 */

function works(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

export const ageAvailable = works('age', ['--version']) && works('age-keygen', ['--version']);
export const scriptAvailable = works('script', ['--version']);

export type RunResult = {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
};

export function run(
  command: string,
  args: readonly string[],
  input?: string | Buffer,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString() }),
    );
    child.stdin.end(input);
  });
}

/** Runs a command that must succeed; its stdout. */
export async function runOk(
  command: string,
  args: readonly string[],
  input?: string | Buffer,
): Promise<Buffer> {
  const result = await run(command, args, input);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * Runs `age args…` on a pseudo-terminal with `passphrase` typed `times` times (twice when
 * encrypting: age asks for confirmation). Resolves with age's exit status.
 */
export async function ageWithPassphrase(
  args: readonly string[],
  passphrase: string,
  times: number,
): Promise<number | null> {
  const command = ['age', ...args].map(shellQuote).join(' ');
  const result = await run(
    'script',
    ['-qec', command, '/dev/null'],
    `${passphrase}\n`.repeat(times),
  );
  return result.status;
}
