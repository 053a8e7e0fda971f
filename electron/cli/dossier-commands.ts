import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { dossierRequestSchema } from '../../shared/dossier';
import { resolveCaseId } from '../core/cases/case-service';
import { buildAndStore, writeDossierFile } from '../core/dossier/dossier-service';
import { prewarmDossierThread } from '../core/dossier/dossier-thread';
import { HabeasError } from '../core/habeas-error';
import type { CommandContext, CommandResult } from './vault-commands';
import { withVault } from './vault-commands';

function optional(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Where each volume goes: `--out` itself for one file, "<out> - Part N.pdf" beside it for more,
 * and always for the ECHR profile, whose files are named by part.
 */
export function volumePaths(out: string, count: number, parts: boolean): string[] {
  if (count === 1 && !parts) return [out];
  const stem = basename(out, extname(out));
  return Array.from({ length: count }, (_, i) =>
    join(dirname(out), `${stem} - Part ${String(i + 1)}.pdf`),
  );
}

/**
 * `habeas dossier CASE --out F [--bates-prefix P] [--profile generic|echr|uk-bundle]
 * [--disclosure] [--title T] [--language en|ru]`: builds the dossier (kept encrypted in the
 * case, as the app does), then writes each volume, hashed as it is written.
 */
export async function dossierCommand(ctx: CommandContext, caseArg: string): Promise<CommandResult> {
  const out = optional(ctx, 'out');
  if (out === undefined) throw new HabeasError('VALIDATION_FAILED', 'Give --out FILE.');
  // Before anything is built and logged: the folder the files go to must be there.
  const folder = await stat(dirname(resolve(out))).catch(() => undefined);
  if (folder?.isDirectory() !== true)
    throw new HabeasError('VALIDATION_FAILED', 'The folder of --out does not exist.');
  // The build thread loads while the vault is unlocked and the case read.
  prewarmDossierThread();
  const files = await withVault(ctx, async (vault) => {
    const caseId = resolveCaseId(vault, caseArg);
    const parsed = dossierRequestSchema.safeParse({
      caseId,
      filingTitle: optional(ctx, 'title') ?? 'Dossier',
      profile: optional(ctx, 'profile') ?? 'generic',
      batesPrefix: optional(ctx, 'bates-prefix') ?? 'HAB',
      disclosure: ctx.options['disclosure'] === true,
      language: optional(ctx, 'language') ?? 'en',
    });
    if (!parsed.success)
      throw new HabeasError(
        'VALIDATION_FAILED',
        `Invalid option: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`,
      );
    const record = await buildAndStore(vault, parsed.data, 'habeas-cli');
    const paths = volumePaths(resolve(out), record.files.length, parsed.data.profile === 'echr');
    const written = [];
    for (const [i, file] of record.files.entries()) {
      const path = paths[i] ?? out;
      await writeDossierFile(vault, caseId, record.id, i, path);
      written.push({ path, pages: file.pages, sha256: file.sha256 });
    }
    return { written, problems: record.problems };
  });
  return {
    output: { files: files.written, problems: files.problems },
    text: `${files.written.map((f) => `${f.path}  ${String(f.pages)} pages  ${f.sha256}`).join('\n')}\n`,
  };
}
