import { datePrecisionSchema, stanceSchema } from '../../shared/charges';
import { readCase, resolveCaseId } from '../core/cases/case-service';
import type { CaseFile } from '../core/cases/case-file';
import { addCharge, addLink } from '../core/charges/charge-service';
import { addEvent } from '../core/charges/events';
import { parsePinpoint } from '../core/charges/pinpoint-text';
import { vaultTemplates } from '../core/charges/template-store';
import { HabeasError } from '../core/habeas-error';
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

/** An id as typed: whole, or a prefix (at least 4 characters) that names one of `ids` only. */
export function resolveId(ids: readonly string[], typed: string, what: string): string {
  const needle = typed.trim().toLowerCase();
  if (ids.includes(needle)) return needle;
  const matches = needle.length >= 4 ? ids.filter((id) => id.startsWith(needle)) : [];
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  throw new HabeasError(
    matches.length > 1 ? 'VALIDATION_FAILED' : 'NOT_FOUND',
    matches.length > 1 ? `That prefix names more than one ${what}.` : `No such ${what}.`,
  );
}

const elementIds = (data: CaseFile) => data.charges.flatMap((c) => c.elements.map((e) => e.id));
const evidenceIds = (data: CaseFile) => data.evidence.map((e) => e.id);

export const chargeCommands = {
  templates: async (ctx: CommandContext): Promise<CommandResult> => {
    const all = await withVault(ctx, (vault) => Promise.resolve(vaultTemplates(vault)));
    const templates = all.map((t) => ({
      id: t.id,
      statute: t.statute,
      article: t.article,
      ...(t.part === undefined ? {} : { part: t.part }),
      title: t.title,
      elements: t.elements,
      source: t.source,
      asOf: t.asOf,
    }));
    return {
      output: templates as unknown as Record<string, unknown>,
      text: `${templates.map((t) => `${t.id.padEnd(16)} ${t.article.padEnd(6)} ${t.title.en}`).join('\n')}\n`,
    };
  },
  add: async (ctx: CommandContext, caseId: string): Promise<CommandResult> => {
    const template = optional(ctx, 'template');
    const language = optional(ctx, 'language') ?? 'en';
    if (language !== 'en' && language !== 'ru')
      throw new HabeasError('VALIDATION_FAILED', '--language must be en or ru.');
    const typed = ['statute', 'article', 'title'].some((f) => optional(ctx, f) !== undefined);
    if (template === undefined && !typed)
      throw new HabeasError(
        'VALIDATION_FAILED',
        'Give --template ID, or --statute, --article, --title and --element.',
      );
    const elements = list(ctx, 'element');
    const charge = await withVault(ctx, (vault) =>
      addCharge(
        vault,
        caseId,
        {
          templateId: template,
          language,
          statute: optional(ctx, 'statute'),
          article: optional(ctx, 'article'),
          part: optional(ctx, 'part'),
          title: optional(ctx, 'title'),
          elements: elements.length > 0 ? elements : undefined,
          dateCharged: optional(ctx, 'date'),
        },
        actor,
      ),
    );
    const shown = {
      id: charge.id,
      elements: charge.elements.map(({ id, text }) => ({ id, text })),
    };
    return {
      output: shown,
      text: `${charge.id}\n${shown.elements.map((e) => `  ${e.id.slice(0, 8)}  ${e.text}`).join('\n')}\n`,
    };
  },
};

export async function linkAddCommand(
  ctx: CommandContext,
  caseId: string,
  evidence: string,
  element: string,
): Promise<CommandResult> {
  const stance = stanceSchema.safeParse(optional(ctx, 'stance'));
  if (!stance.success)
    throw new HabeasError(
      'VALIDATION_FAILED',
      '--stance must be defence, prosecution, contradicts or context.',
    );
  const pinpointText = optional(ctx, 'pinpoint');
  const pinpoint = pinpointText === undefined ? undefined : parsePinpoint(pinpointText);
  const link = await withVault(ctx, async (vault) => {
    const resolved = resolveCaseId(vault, caseId);
    const data = await readCase(vault, resolved);
    return addLink(
      vault,
      resolved,
      {
        evidenceId: resolveId(evidenceIds(data), evidence, 'evidence item'),
        elementId: resolveId(elementIds(data), element, 'charge element'),
        stance: stance.data,
        pinpoint,
        note: optional(ctx, 'note'),
      },
      actor,
    );
  });
  return { output: { id: link.id }, text: `${link.id}\n` };
}

export async function eventAddCommand(ctx: CommandContext, caseId: string): Promise<CommandResult> {
  const date = optional(ctx, 'date');
  const text = optional(ctx, 'text');
  if (date === undefined || text === undefined)
    throw new HabeasError('VALIDATION_FAILED', '--date and --text are required.');
  const precision = datePrecisionSchema.safeParse(optional(ctx, 'precision') ?? 'day');
  if (!precision.success)
    throw new HabeasError('VALIDATION_FAILED', '--precision must be exact, day, month or approx.');
  const event = await withVault(ctx, async (vault) => {
    const resolved = resolveCaseId(vault, caseId);
    const data = await readCase(vault, resolved);
    return addEvent(
      vault,
      resolved,
      {
        date,
        precision: precision.data,
        text,
        evidenceIds: list(ctx, 'evidence').map((e) =>
          resolveId(evidenceIds(data), e, 'evidence item'),
        ),
      },
      actor,
    );
  });
  return { output: { id: event.id }, text: `${event.id}\n` };
}
