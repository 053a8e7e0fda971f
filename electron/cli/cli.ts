import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import type { ErrorData } from '../../shared/errors';
import { dispatch } from '../core/api';
import { createAppCore } from '../core/app-core';
import { HabeasError, toErrorData } from '../core/habeas-error';
import { JsonPreferencesFile } from '../core/preferences/preferences';
import { preferencesFile, resolveDataDir, resolveVaultDir } from '../core/vault/vault-location';
import { appVersion } from '../core/version';
import { caseCommands } from './case-commands';
import { chargeCommands, eventAddCommand, linkAddCommand } from './charge-commands';
import { archiveCommands } from './archive-commands';
import { dossierCommand } from './dossier-commands';
import { searchCommand } from './search-commands';
import { custodyCommand, evidenceCommands, personCommands } from './evidence-commands';
import {
  identityCommand,
  vaultCommands,
  type CommandContext,
  type CommandResult,
} from './vault-commands';

export type CliIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
};

export const helpText = `habeas ${appVersion}: the Habeas evidence vault from the command line

Usage: habeas [global options] <command> [options]

Commands:
  info                                   version, platform and the state of the vault
  vault init                             create a vault; prints the recovery key, once
  vault check                            does the passphrase open the vault?
  vault passwd --new-passphrase-file F   change the passphrase (one keyslot is rewritten)
  vault recover --recovery-key K --new-passphrase-file F
                                         set a new passphrase with the recovery key
  vault verify                           decrypt and check every encrypted file
  vault export-identity --out F          write the vault's age identity (AGE-SECRET-KEY-1…)
  identity                               the vault's age recipient (age1…) for colleagues
  case create --title T [--client N]… [--court C] [--number N] [--jurisdiction J]
                                         open a case; prints its id
  case list                              the cases, most recently changed first
  case show CASE                         one case (its id, or enough of the id to be unique)
  evidence add CASE FILE… --kind K [--title T] [--source S] [--url U] [--published D]
      [--obtained D] [--obtained-by N] [--language L] [--witness N] [--taken D] [--place P]
                                         store files as evidence (K: video, article,
                                         statement, document, image, audio, other)
  evidence export CASE EVIDENCE --out F  write an original, byte for byte, checked by its hash
  person add CASE --name N [--variant V]… [--role R] [--protected --pseudonym P]
                                         add a person, or update the one the name matches
  custody CASE [--verify]                the case's custody log; --verify fails on a broken chain
  charge templates                       the charge templates (Russian Criminal Code, ECHR)
  charge add CASE (--template ID [--language en|ru] | --statute S --article A [--part P]
      --title T --element E…) [--date D] add a charge with its elements
  link add CASE EVIDENCE ELEMENT --stance defence|prosecution|contradicts|context
      [--pinpoint P] [--note N]          link an item (P: "p. 3", "1:05-1:20", or a quote)
  event add CASE --date D [--precision exact|day|month|approx] --text T [--evidence ID]…
                                         add an event to the chronology
  archive export CASE --out F (--recipient R)… | --passphrase-file F
                                         write the case as an encrypted archive (age + tar)
                                         for colleagues' keys (R: age1…) or a passphrase;
                                         prints its SHA-256, to compare with the recipient
  archive import FILE [--identity-file F | --passphrase-file F]
                                         check an archive in full, then add its case (a copy
                                         if the vault has it); by default with the vault's key
  search CASE QUERY                      evidence that names QUERY in any spelling or script,
                                         best first (quote a phrase)
  dossier CASE --out F [--bates-prefix P] [--profile generic|echr|uk-bundle] [--disclosure]
      [--title T] [--language en|ru]     build the court-ready PDF; volumes of the ECHR
                                         profile go beside F as "F - Part N.pdf"

Global options:
  --vault DIR             the vault folder (default: $HABEAS_VAULT, then the app's choice,
                          then the per-user data folder)
  --passphrase-file F     read the passphrase from F (else $HABEAS_PASSPHRASE, else a prompt);
                          for archive export|import it is the archive's passphrase
  --json                  print one JSON document on stdout; errors as {"error":{code,message}}
                          on stderr
  --version, --help

Habeas never uses the network.
`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

const options = {
  json: { type: 'boolean', default: false },
  vault: { type: 'string' },
  version: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  'recovery-key': { type: 'string' },
  out: { type: 'string' },
  title: { type: 'string' },
  client: { type: 'string', multiple: true },
  court: { type: 'string' },
  number: { type: 'string' },
  jurisdiction: { type: 'string' },
  kind: { type: 'string' },
  source: { type: 'string' },
  url: { type: 'string' },
  published: { type: 'string' },
  obtained: { type: 'string' },
  'obtained-by': { type: 'string' },
  language: { type: 'string' },
  witness: { type: 'string' },
  taken: { type: 'string' },
  place: { type: 'string' },
  name: { type: 'string' },
  variant: { type: 'string', multiple: true },
  role: { type: 'string' },
  protected: { type: 'boolean', default: false },
  pseudonym: { type: 'string' },
  verify: { type: 'boolean', default: false },
  template: { type: 'string' },
  statute: { type: 'string' },
  article: { type: 'string' },
  part: { type: 'string' },
  element: { type: 'string', multiple: true },
  date: { type: 'string' },
  stance: { type: 'string' },
  pinpoint: { type: 'string' },
  note: { type: 'string' },
  precision: { type: 'string' },
  text: { type: 'string' },
  evidence: { type: 'string', multiple: true },
  'bates-prefix': { type: 'string' },
  recipient: { type: 'string', multiple: true },
  'identity-file': { type: 'string' },
  profile: { type: 'string' },
  disclosure: { type: 'boolean', default: false },
} as const;

/** Which command-specific options each command accepts; global ones are always allowed. */
const commandOptions: Readonly<Record<string, readonly string[]>> = {
  info: [],
  'vault init': ['new-passphrase-file'],
  'vault check': [],
  'vault passwd': ['new-passphrase-file'],
  'vault recover': ['recovery-key', 'new-passphrase-file'],
  'vault verify': [],
  'vault export-identity': ['out'],
  identity: [],
  'case create': ['title', 'client', 'court', 'number', 'jurisdiction'],
  'case list': [],
  'case show': [],
  'evidence add': [
    'kind',
    'title',
    'source',
    'url',
    'published',
    'obtained',
    'obtained-by',
    'language',
    'witness',
    'taken',
    'place',
  ],
  'evidence export': ['out'],
  'person add': ['name', 'variant', 'role', 'protected', 'pseudonym'],
  custody: ['verify'],
  'charge templates': [],
  'charge add': ['template', 'language', 'statute', 'article', 'part', 'title', 'element', 'date'],
  'link add': ['stance', 'pinpoint', 'note'],
  'event add': ['date', 'precision', 'text', 'evidence'],
  dossier: ['out', 'bates-prefix', 'profile', 'disclosure', 'title', 'language'],
  search: [],
  'archive export': ['out', 'recipient'],
  'archive import': ['identity-file'],
};

/** How many positional arguments each command takes after its name: [fewest, most]. */
const commandArguments: Readonly<Record<string, readonly [number, number]>> = {
  'case show': [1, 1],
  'evidence add': [2, Infinity],
  'evidence export': [2, 2],
  'person add': [1, 1],
  custody: [1, 1],
  'charge add': [1, 1],
  'link add': [3, 3],
  'event add': [1, 1],
  dossier: [1, 1],
  search: [2, 2],
  'archive export': [1, 1],
  'archive import': [1, 1],
};
const groups = new Set([
  'vault',
  'case',
  'evidence',
  'person',
  'charge',
  'link',
  'event',
  'archive',
]);
const globalOptions = new Set(['json', 'vault', 'version', 'help', 'passphrase-file']);

/** Runs one command line; returns the exit code. Never throws, never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
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
  try {
    const result = await runCommand(positionals, values, io);
    io.stdout(values.json ? `${JSON.stringify(result.output)}\n` : result.text);
    return result.exitCode ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      return reportError(io, values.json, { code: 'VALIDATION_FAILED', message: error.message }, 2);
    }
    return reportError(io, values.json, toErrorData(error), 1);
  }
}

async function locateVault(
  flag: string | undefined,
  env: CliIo['env'],
): Promise<{ vaultDir: string; dataDir: string }> {
  const dataDir = resolveDataDir(process.platform, env, homedir());
  if (flag !== undefined) return { vaultDir: flag, dataDir };
  const preferences = await new JsonPreferencesFile(preferencesFile(dataDir)).read();
  return { vaultDir: resolveVaultDir(env, dataDir, preferences.vaultDir), dataDir };
}

async function runCommand(
  positionals: readonly string[],
  values: Record<string, string | boolean | string[] | undefined>,
  io: CliIo,
): Promise<CommandResult> {
  const [first, second, ...rest] = positionals;
  const grouped = groups.has(first ?? '');
  const name = grouped ? `${first} ${second ?? ''}` : (first ?? '');
  const allowed = commandOptions[name];
  if (allowed === undefined) {
    throw new UsageError(`Unknown command "${positionals.join(' ')}". See habeas --help.`);
  }
  const args = grouped ? rest : [second, ...rest].filter((p) => p !== undefined);
  const [fewest, most] = commandArguments[name] ?? [0, 0];
  if (args.length < fewest || args.length > most) {
    throw new UsageError(
      most === 0
        ? `${name} takes no arguments.`
        : `${name} takes ${fewest === most ? String(fewest) : `at least ${String(fewest)}`} argument(s).`,
    );
  }
  for (const [option, value] of Object.entries(values)) {
    if (
      value !== undefined &&
      value !== false &&
      !globalOptions.has(option) &&
      !allowed.includes(option)
    ) {
      throw new UsageError(`${name} does not take --${option}.`);
    }
  }
  const { vaultDir, dataDir } = await locateVault(values['vault'] as string | undefined, io.env);
  const ctx: CommandContext = { vaultDir, env: io.env, options: values };
  switch (name) {
    case 'info': {
      const core = await createAppCore({
        transport: 'cli',
        env: { ...io.env, HABEAS_VAULT: vaultDir },
        dataDir,
      });
      const result = await dispatch('app:info', {}, core.ctx);
      if (!result.ok) throw new HabeasError(result.error.code, result.error.message);
      const info = result.value as Record<string, unknown>;
      return {
        output: info,
        text: `${Object.entries(info)
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join('\n')}\n`,
      };
    }
    case 'identity':
      return identityCommand(ctx);
    case 'case create':
      return caseCommands.create(ctx);
    case 'case list':
      return caseCommands.list(ctx);
    case 'case show':
      return caseCommands.show(ctx, args[0] ?? '');
    case 'evidence add':
      return evidenceCommands.add(ctx, args[0] ?? '', args.slice(1));
    case 'evidence export':
      return evidenceCommands.export(ctx, args[0] ?? '', args[1] ?? '');
    case 'person add':
      return personCommands.add(ctx, args[0] ?? '');
    case 'custody':
      return custodyCommand(ctx, args[0] ?? '');
    case 'charge templates':
      return chargeCommands.templates(ctx);
    case 'charge add':
      return chargeCommands.add(ctx, args[0] ?? '');
    case 'link add':
      return linkAddCommand(ctx, args[0] ?? '', args[1] ?? '', args[2] ?? '');
    case 'event add':
      return eventAddCommand(ctx, args[0] ?? '');
    case 'dossier':
      return dossierCommand(ctx, args[0] ?? '');
    case 'archive export':
      return archiveCommands.export(ctx, args[0] ?? '');
    case 'archive import':
      return archiveCommands.import(ctx, args[0] ?? '');
    case 'search':
      return searchCommand(ctx, args[0] ?? '', args[1] ?? '');
    default: {
      const command = vaultCommands[(second ?? '') as keyof typeof vaultCommands];
      return command(ctx);
    }
  }
}

function reportError(
  io: CliIo,
  json: boolean | undefined,
  error: ErrorData,
  exitCode: number,
): number {
  io.stderr(
    json === true
      ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`
      : `habeas: ${error.message}\n`,
  );
  return exitCode;
}
