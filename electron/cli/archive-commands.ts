import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { recipientSchema, type ArchiveProtection } from '../../shared/archive';
import { newPassphraseSchema } from '../../shared/domain';
import { commitImport, exportCaseArchive, passphraseIdentity, stageImport } from '../core/archive';
import { type AgeIdentity, decodeIdentity } from '../core/crypto';
import { HabeasError } from '../core/habeas-error';
import { readSecretFile } from './passphrase-source';
import { withVault, type CommandContext, type CommandResult } from './vault-commands';

/**
 * `habeas archive export CASE --out F (--recipient age1…)… | --passphrase-file F` and
 * `habeas archive import FILE [--identity-file F | --passphrase-file F]`.
 *
 * For these two commands --passphrase-file is the ARCHIVE's passphrase; the vault's then comes
 * from HABEAS_PASSPHRASE or the prompt (the vault is opened with the option taken out).
 */
const actor = 'habeas-cli';

function stringOption(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

function listOption(ctx: CommandContext, name: string): string[] {
  const value = ctx.options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** The context to open the vault with: --passphrase-file belongs to the archive here. */
function vaultContext(ctx: CommandContext): CommandContext {
  return { ...ctx, options: { ...ctx.options, 'passphrase-file': undefined } };
}

async function protectionFrom(ctx: CommandContext): Promise<ArchiveProtection> {
  const recipients = listOption(ctx, 'recipient');
  const passphraseFile = stringOption(ctx, 'passphrase-file');
  if (recipients.length > 0 && passphraseFile !== undefined) {
    throw new HabeasError(
      'VALIDATION_FAILED',
      'Give --recipient or --passphrase-file, not both: age does not mix them.',
    );
  }
  if (passphraseFile !== undefined) {
    const passphrase = newPassphraseSchema.safeParse(await readSecretFile(passphraseFile));
    if (!passphrase.success) {
      throw new HabeasError(
        'VALIDATION_FAILED',
        'An archive passphrase needs at least 10 characters.',
      );
    }
    return { kind: 'passphrase', passphrase: passphrase.data };
  }
  if (recipients.length === 0) {
    throw new HabeasError(
      'VALIDATION_FAILED',
      'Say who may open the archive: --recipient age1… (once per colleague) or --passphrase-file F.',
    );
  }
  const parsed = recipients.map((recipient) => recipientSchema.safeParse(recipient));
  const bad = parsed.findIndex((result) => !result.success);
  if (bad !== -1) {
    throw new HabeasError('VALIDATION_FAILED', `Not an age recipient: ${recipients[bad] ?? ''}`);
  }
  return {
    kind: 'recipients',
    recipients: parsed.flatMap((result) => (result.success ? [result.data] : [])),
  };
}

/** The keys of an age identity file (AGE-SECRET-KEY-1… lines; comments and blanks skipped). */
async function identitiesFrom(path: string): Promise<AgeIdentity[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new HabeasError('NOT_FOUND', 'The identity file could not be read.');
  }
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => ({ kind: 'x25519' as const, secretKey: decodeIdentity(line) }));
  if (keys.length === 0)
    throw new HabeasError('VALIDATION_FAILED', 'The identity file has no key.');
  return keys;
}

/** A line of progress on a terminal; nothing when stderr is a file or a pipe. */
function progressLine(what: string): (done: number, total: number) => void {
  if (process.stderr.isTTY !== true) return () => undefined;
  let shown = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === shown) return;
    shown = percent;
    process.stderr.write(`\r${what} ${percent}%${percent === 100 ? '\n' : ''}`);
  };
}

export const archiveCommands = {
  export: async (ctx: CommandContext, caseArg: string): Promise<CommandResult> => {
    const out = stringOption(ctx, 'out');
    if (out === undefined) throw new HabeasError('VALIDATION_FAILED', '--out is required.');
    const protection = await protectionFrom(ctx);
    const outcome = await withVault(vaultContext(ctx), (vault) =>
      exportCaseArchive(vault, caseArg, out, {
        protection,
        actor,
        onProgress: progressLine('Exporting'),
      }),
    );
    return {
      output: { sha256: outcome.sha256, files: outcome.files },
      text: `Archive written: ${outcome.files} files, ${outcome.size} bytes.\nSHA-256 ${outcome.sha256}\n`,
    };
  },
  import: async (ctx: CommandContext, file: string): Promise<CommandResult> => {
    const identityFile = stringOption(ctx, 'identity-file');
    const passphraseFile = stringOption(ctx, 'passphrase-file');
    if (identityFile !== undefined && passphraseFile !== undefined) {
      throw new HabeasError(
        'VALIDATION_FAILED',
        'Give --identity-file or --passphrase-file, not both.',
      );
    }
    const given: AgeIdentity[] =
      identityFile !== undefined
        ? await identitiesFrom(identityFile)
        : passphraseFile !== undefined
          ? [passphraseIdentity(await readSecretFile(passphraseFile))]
          : [];
    let size: number;
    try {
      const found = await stat(file);
      if (!found.isFile()) throw new Error('not a file');
      size = found.size;
    } catch {
      throw new HabeasError('NOT_FOUND', 'The archive file could not be read.');
    }
    const { caseId, asCopy } = await withVault(vaultContext(ctx), async (vault) => {
      // The vault's own sharing key always: it is what colleagues export to.
      const identities = [
        ...given,
        { kind: 'x25519' as const, secretKey: vault.sharing.secretKey },
      ];
      const progress = progressLine('Checking');
      const source = (async function* () {
        let read = 0;
        for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
          read += (chunk as Buffer).length;
          progress(read, size);
          yield chunk as Buffer;
        }
      })();
      const staged = await stageImport(vault, source, { identities });
      return commitImport(vault, staged, actor);
    });
    return {
      output: { caseId },
      text: asCopy
        ? `Imported as a copy (the vault has this case already): ${caseId}\n`
        : `Imported: ${caseId}\n`,
    };
  },
} as const;
