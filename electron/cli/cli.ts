import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import type { ErrorData } from '../../shared/errors';
import { dispatch } from '../core/api';
import type { AppContext } from '../core/app-context';
import { defaultDataDir, resolveVaultDir } from '../core/vault/vault-location';
import { appVersion } from '../core/version';

export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
};

export const helpText = `habeas ${appVersion}: the Habeas evidence vault from the command line

Usage: habeas [global options] <command> [options]

Commands:
  info                 version, platform and the state of the vault

Global options:
  --vault DIR          the vault folder (default: $HABEAS_VAULT, then the per-user data folder)
  --json               print one JSON document on stdout; errors as {"error":{code,message}} on stderr
  --version            print the version
  --help               print this help

Habeas never uses the network.
`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Runs one command line; returns the exit code. Never throws, never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        vault: { type: 'string' },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return reportError(
      io,
      argv.includes('--json'),
      {
        code: 'VALIDATION_FAILED',
        message: error instanceof Error ? error.message : 'Invalid arguments.',
      },
      2,
    );
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(values.json ? `${JSON.stringify({ version: appVersion })}\n` : `${appVersion}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(helpText);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const env = values.vault === undefined ? io.env : { ...io.env, HABEAS_VAULT: values.vault };
  const ctx: AppContext = {
    version: appVersion,
    platform: process.platform,
    transport: 'cli',
    vaultDir: resolveVaultDir(env, defaultDataDir(process.platform, env, homedir())),
  };
  try {
    return await runCommand(positionals, values.json, ctx, io);
  } catch (error) {
    if (error instanceof UsageError)
      return reportError(io, values.json, { code: 'VALIDATION_FAILED', message: error.message }, 2);
    return reportError(
      io,
      values.json,
      { code: 'INTERNAL', message: 'An internal error occurred.' },
      1,
    );
  }
}

async function runCommand(
  positionals: readonly string[],
  json: boolean,
  ctx: AppContext,
  io: CliIo,
): Promise<number> {
  const [command, ...rest] = positionals;
  switch (command) {
    case 'info': {
      if (rest.length > 0) throw new UsageError('info takes no arguments.');
      const result = await dispatch('app:info', {}, ctx);
      if (!result.ok) return reportError(io, json, result.error, 1);
      const info = result.value as Record<string, unknown>;
      io.stdout(
        json
          ? `${JSON.stringify(info)}\n`
          : Object.entries(info)
              .map(([key, value]) => `${key}: ${String(value)}`)
              .join('\n') + '\n',
      );
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${String(command)}". See habeas --help.`);
  }
}

function reportError(io: CliIo, json: boolean, error: ErrorData, exitCode: number): number {
  io.stderr(
    json
      ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`
      : `habeas: ${error.message}\n`,
  );
  return exitCode;
}
