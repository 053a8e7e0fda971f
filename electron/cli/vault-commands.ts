import { writeFile } from 'node:fs/promises';
import { minPassphraseLength } from '../../shared/domain';
import { HabeasError } from '../core/habeas-error';
import {
  changePassphrase,
  checkPassphrase,
  createVault,
  readRecipient,
  exportIdentity,
  unlockVault,
  unlockWithRecoveryKey,
  type UnlockedVault,
  type UnlockOptions,
} from '../core/vault/vault';
import { verifyVault } from '../core/vault/vault-verify';
import { currentPassphrase, newPassphrase } from './passphrase-source';

export type CommandContext = {
  readonly vaultDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
};

/** What a command prints (as JSON with --json) and its exit code. */
export type CommandResult = {
  readonly output: Record<string, unknown>;
  readonly text: string;
  readonly exitCode?: number;
};

function stringOption(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

function requireOption(ctx: CommandContext, name: string): string {
  const value = stringOption(ctx, name);
  if (value === undefined) throw new HabeasError('VALIDATION_FAILED', `--${name} is required.`);
  return value;
}

function checkNewPassphrase(passphrase: string): string {
  if (passphrase.length < minPassphraseLength) {
    throw new HabeasError(
      'VALIDATION_FAILED',
      `A passphrase needs at least ${minPassphraseLength} characters.`,
    );
  }
  return passphrase;
}

export async function withVault<T>(
  ctx: CommandContext,
  use: (vault: UnlockedVault) => Promise<T>,
  options: UnlockOptions = {},
): Promise<T> {
  const passphrase = await currentPassphrase({
    env: ctx.env,
    file: stringOption(ctx, 'passphrase-file'),
  });
  const vault = await unlockVault(ctx.vaultDir, passphrase, options);
  try {
    return await use(vault);
  } finally {
    await vault.close();
  }
}

export const vaultCommands = {
  init: async (ctx: CommandContext): Promise<CommandResult> => {
    const passphrase = checkNewPassphrase(
      await newPassphrase(
        stringOption(ctx, 'passphrase-file') ?? stringOption(ctx, 'new-passphrase-file'),
        ctx.env,
      ),
    );
    const { vaultId, recoveryKey } = await createVault(ctx.vaultDir, passphrase);
    return {
      output: { vaultId, recoveryKey },
      text: `Vault ${vaultId} created.\n\nRecovery key (shown this once; write it down and keep it apart from the computer):\n\n  ${recoveryKey}\n`,
    };
  },
  check: async (ctx: CommandContext): Promise<CommandResult> => {
    // Reads only, so it works while the app has the vault open.
    const passphrase = await currentPassphrase({
      env: ctx.env,
      file: stringOption(ctx, 'passphrase-file'),
    });
    if (!(await checkPassphrase(ctx.vaultDir, passphrase))) {
      throw new HabeasError('WRONG_PASSPHRASE', 'The passphrase is wrong.');
    }
    return { output: { ok: true }, text: 'The passphrase opens the vault.\n' };
  },
  passwd: async (ctx: CommandContext): Promise<CommandResult> => {
    const next = checkNewPassphrase(
      await newPassphrase(requireOption(ctx, 'new-passphrase-file'), {}),
    );
    await withVault(ctx, (vault) => changePassphrase(vault, next));
    return { output: { ok: true }, text: 'Passphrase changed.\n' };
  },
  recover: async (ctx: CommandContext): Promise<CommandResult> => {
    const key = requireOption(ctx, 'recovery-key');
    const next = checkNewPassphrase(
      await newPassphrase(requireOption(ctx, 'new-passphrase-file'), {}),
    );
    const vault = await unlockWithRecoveryKey(ctx.vaultDir, key);
    try {
      await changePassphrase(vault, next);
    } finally {
      await vault.close();
    }
    return { output: { ok: true }, text: 'Recovered: the vault has a new passphrase.\n' };
  },
  verify: async (ctx: CommandContext): Promise<CommandResult> => {
    // The index holds the case keys, so it is read first; only when it cannot be read is the
    // rest checked without it, and the index reported as the damage it is.
    const report = await withVault(ctx, verifyVault).catch((error: unknown) => {
      if (!(error instanceof HabeasError) || error.code !== 'INTEGRITY_FAILED') throw error;
      return withVault(ctx, verifyVault, { readIndex: false });
    });
    const lines = report.failures.map((f) => `  ${f.file}: ${f.code}`).join('\n');
    return {
      output: report,
      text: report.ok
        ? `All ${report.checked} encrypted files are intact.\n`
        : `Damaged files:\n${lines}\n`,
      exitCode: report.ok ? 0 : 1,
    };
  },
  'export-identity': async (ctx: CommandContext): Promise<CommandResult> => {
    const out = requireOption(ctx, 'out');
    const text = await withVault(ctx, (vault) => Promise.resolve(exportIdentity(vault)));
    try {
      await writeFile(out, text, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new HabeasError(
          'VALIDATION_FAILED',
          'The output file exists already; it was not overwritten.',
        );
      }
      throw error;
    }
    return {
      output: { ok: true },
      text: 'Identity written. Anyone with this file can decrypt the vault: keep it safe.\n',
    };
  },
} as const;

export async function identityCommand(ctx: CommandContext): Promise<CommandResult> {
  const passphrase = await currentPassphrase({
    env: ctx.env,
    file: stringOption(ctx, 'passphrase-file'),
  });
  const recipient = await readRecipient(ctx.vaultDir, passphrase);
  return { output: { recipient }, text: `${recipient}\n` };
}
