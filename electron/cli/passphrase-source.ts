import { readFile } from 'node:fs/promises';
import { HabeasError } from '../core/habeas-error';

/** Reads a secret from a file: the whole file less one trailing line break. */
export async function readSecretFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new HabeasError('NOT_FOUND', 'The passphrase file could not be read.');
  }
  return text.replace(/\r?\n$/, '');
}

/** Prompts on the terminal without echo; stdin must be a TTY. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(
      new HabeasError(
        'VALIDATION_FAILED',
        'No passphrase given: set HABEAS_PASSPHRASE or use --passphrase-file.',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let answer = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error === undefined) resolve(answer);
      else reject(error);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new HabeasError('CANCELLED', 'Cancelled.'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on('data', onData);
  });
}

export type PassphraseOptions = {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly file: string | undefined;
};

/** HABEAS_PASSPHRASE, then --passphrase-file, then a prompt on the terminal. */
export async function currentPassphrase(options: PassphraseOptions): Promise<string> {
  const fromEnv = options.env['HABEAS_PASSPHRASE'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (options.file !== undefined) return readSecretFile(options.file);
  return promptHidden('Vault passphrase: ');
}

/** A new passphrase: from its file, or typed twice on the terminal. */
export async function newPassphrase(
  file: string | undefined,
  env: PassphraseOptions['env'],
): Promise<string> {
  if (file !== undefined) return readSecretFile(file);
  const fromEnv = env['HABEAS_PASSPHRASE'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const second = await promptHidden('Repeat it: ');
  if (first !== second) throw new HabeasError('VALIDATION_FAILED', 'The two passphrases differ.');
  return first;
}
