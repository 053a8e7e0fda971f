import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { evidenceKindSchema, personRoleSchema, type IntakeFields } from '../../shared/evidence';
import { readCase, resolveCaseId } from '../core/cases/case-service';
import { addPerson } from '../core/cases/person-service';
import { verifyCustodyLog } from '../core/custody/custody-log';
import { exportEvidence } from '../core/evidence/export-evidence';
import { intakeFile } from '../core/evidence/intake';
import { HabeasError, toErrorData } from '../core/habeas-error';
import type { CommandContext, CommandResult } from './vault-commands';
import { withVault } from './vault-commands';

const actor = 'habeas-cli';

function optional(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

function list(ctx: CommandContext, name: string): string[] {
  const value = ctx.options[name];
  return Array.isArray(value) ? value : [];
}

/** The intake fields from the command line; unknown kinds and bad dates fail before any file is read. */
function intakeFields(ctx: CommandContext): IntakeFields {
  const kind = evidenceKindSchema.safeParse(optional(ctx, 'kind'));
  if (!kind.success)
    throw new HabeasError(
      'VALIDATION_FAILED',
      '--kind must be video, article, statement, document, image, audio or other.',
    );
  const pairs: [keyof IntakeFields, string][] = [
    ['title', 'title'],
    ['sourceName', 'source'],
    ['url', 'url'],
    ['published', 'published'],
    ['obtained', 'obtained'],
    ['obtainedBy', 'obtained-by'],
    ['language', 'language'],
    ['witness', 'witness'],
    ['taken', 'taken'],
    ['place', 'place'],
  ];
  const fields: Record<string, unknown> = { kind: kind.data };
  for (const [field, flag] of pairs) {
    const value = optional(ctx, flag);
    if (value !== undefined) fields[field] = value;
  }
  return fields as IntakeFields;
}

/** One --title for many files would give them all the same title: each keeps its own name. */
function withoutTitle(fields: IntakeFields): IntakeFields {
  const rest = { ...fields };
  delete rest.title;
  return rest;
}

type AddResult =
  | { id: string; file: string; kind: string; sha256: string; size: number; duplicateOf?: string }
  | { file: string; error: { code: string; message: string } };

export const evidenceCommands = {
  /** Each file on its own: one that fails is reported and the rest go on. */
  add: async (ctx: CommandContext, caseId: string, files: readonly string[]) => {
    const fields = intakeFields(ctx);
    const results = await withVault(ctx, async (vault) => {
      const resolved = resolveCaseId(vault, caseId);
      const out: AddResult[] = [];
      for (const file of files) {
        try {
          const path = resolve(file);
          const info = await stat(path);
          if (!info.isFile()) throw new HabeasError('UNSUPPORTED_FILE', 'Not a regular file.');
          const outcome = await intakeFile(
            vault,
            resolved,
            {
              stream: createReadStream(path),
              fileName: basename(path),
              declaredMimeType: '',
              expectedSize: info.size,
            },
            files.length === 1 ? fields : withoutTitle(fields),
            actor,
          );
          const item = outcome.status === 'added' ? outcome.item : outcome.existing;
          out.push({
            id: item.id,
            file,
            kind: item.kind,
            sha256: item.file?.sha256 ?? '',
            size: item.file?.size ?? 0,
            ...(outcome.status === 'duplicate' ? { duplicateOf: item.id } : {}),
          });
        } catch (error) {
          const { code, message } = fileError(error);
          out.push({ file, error: { code, message } });
        }
      }
      return out;
    });
    const failed = results.filter((r) => 'error' in r).length;
    const text = results
      .map((r) =>
        'error' in r
          ? `${r.file}: ${r.error.message}`
          : `${r.id.slice(0, 8)}  ${r.sha256}  ${r.file}${r.duplicateOf === undefined ? '' : ' (already in the case)'}`,
      )
      .join('\n');
    return {
      output: results as unknown as Record<string, unknown>,
      text: `${text}\n`,
      exitCode: failed > 0 ? 1 : 0,
    } satisfies CommandResult;
  },
  export: async (ctx: CommandContext, caseId: string, evidenceId: string) => {
    const out = optional(ctx, 'out');
    if (out === undefined) throw new HabeasError('VALIDATION_FAILED', '--out is required.');
    const result = await withVault(ctx, async (vault) => {
      const resolvedCase = resolveCaseId(vault, caseId);
      const data = await readCase(vault, resolvedCase);
      const needle = evidenceId.toLowerCase();
      const matches = data.evidence.filter(
        (e) => e.id === needle || (needle.length >= 4 && e.id.startsWith(needle)),
      );
      const item = matches.length === 1 ? matches[0] : undefined;
      if (item === undefined) throw new HabeasError('NOT_FOUND', 'No such evidence item.');
      return exportEvidence(vault, resolvedCase, item.id, resolve(out), actor);
    });
    return {
      output: { ok: true, ...result },
      text: `${result.sha256}  ${out}\n`,
    } satisfies CommandResult;
  },
} as const;

function fileError(error: unknown): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: 'No such file.' };
  if (code === 'EACCES' || code === 'EISDIR')
    return { code: 'UNSUPPORTED_FILE', message: 'The file cannot be read.' };
  const data = toErrorData(error);
  return { code: data.code, message: data.message };
}

export const personCommands = {
  add: async (ctx: CommandContext, caseId: string) => {
    const name = optional(ctx, 'name');
    if (name === undefined) throw new HabeasError('VALIDATION_FAILED', '--name is required.');
    const role = optional(ctx, 'role');
    const parsedRole = role === undefined ? undefined : personRoleSchema.safeParse(role);
    if (parsedRole !== undefined && !parsedRole.success)
      throw new HabeasError(
        'VALIDATION_FAILED',
        `--role must be one of ${personRoleSchema.options.join(', ')}.`,
      );
    const isProtected = ctx.options['protected'] === true;
    const pseudonym = optional(ctx, 'pseudonym');
    const { person, created } = await withVault(ctx, (vault) =>
      addPerson(
        vault,
        caseId,
        {
          name,
          variants: list(ctx, 'variant'),
          ...(parsedRole?.success === true ? { role: parsedRole.data } : {}),
          ...(isProtected ? { protected: true } : {}),
          ...(pseudonym === undefined ? {} : { pseudonym }),
        },
        actor,
      ),
    );
    const variants = person.variants.map((v) => v.text);
    return {
      output: { id: person.id, created, variants },
      text: `${person.id}${created ? '' : ' (updated)'}\n${variants.map((v) => `  ${v}`).join('\n')}\n`,
    } satisfies CommandResult;
  },
} as const;

/** The custody log of a case; with --verify, a broken chain exits non-zero. */
export async function custodyCommand(ctx: CommandContext, caseId: string): Promise<CommandResult> {
  const data = await withVault(ctx, (vault) => readCase(vault, caseId));
  const verdict = verifyCustodyLog(data.custody);
  const verify = ctx.options['verify'] === true;
  const lines = data.custody.map(
    (e) =>
      `${String(e.seq).padStart(5)}  ${e.at}  ${e.action.padEnd(7)}  ${e.subject.kind} ${e.subject.id}  ${e.actor}`,
  );
  return {
    output: {
      ok: verdict.ok,
      head: verdict.head,
      entries: data.custody,
      ...(verdict.ok ? {} : { brokenAt: verdict.brokenAt }),
    },
    text: `${lines.join('\n')}\n${verdict.ok ? 'chain verified' : `chain broken at entry ${String(verdict.ok ? 0 : verdict.brokenAt)}`}; head ${verdict.head}\n`,
    exitCode: verify && !verdict.ok ? 1 : 0,
  };
}
