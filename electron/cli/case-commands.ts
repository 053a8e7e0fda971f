import { createCase, listCases, readCase } from '../core/cases/case-service';
import { HabeasError } from '../core/habeas-error';
import type { CommandContext, CommandResult } from './vault-commands';
import { withVault } from './vault-commands';

const actor = 'habeas-cli';

function optional(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

export const caseCommands = {
  create: async (ctx: CommandContext): Promise<CommandResult> => {
    const title = optional(ctx, 'title');
    if (title === undefined) throw new HabeasError('VALIDATION_FAILED', '--title is required.');
    const clients = ctx.options['client'];
    const record = await withVault(ctx, (vault) =>
      createCase(
        vault,
        {
          title,
          clients: Array.isArray(clients) ? clients : [],
          ...(optional(ctx, 'court') === undefined ? {} : { court: optional(ctx, 'court') }),
          ...(optional(ctx, 'number') === undefined ? {} : { caseNumber: optional(ctx, 'number') }),
          ...(optional(ctx, 'jurisdiction') === undefined
            ? {}
            : { jurisdiction: optional(ctx, 'jurisdiction') }),
        },
        actor,
      ),
    );
    return { output: { id: record.id }, text: `${record.id}\n` };
  },
  list: async (ctx: CommandContext): Promise<CommandResult> => {
    const cases = await withVault(ctx, (vault) => Promise.resolve(listCases(vault)));
    const lines = cases.map(
      (c) => `${c.id.slice(0, 8)}  ${c.status.padEnd(6)}  ${c.updatedAt.slice(0, 10)}  ${c.title}`,
    );
    return {
      output: cases as unknown as Record<string, unknown>,
      text: lines.length === 0 ? 'No cases.\n' : `${lines.join('\n')}\n`,
    };
  },
  show: async (ctx: CommandContext, id: string): Promise<CommandResult> => {
    const data = await withVault(ctx, (vault) => readCase(vault, id));
    const shown = {
      ...data.case,
      evidence: data.evidence,
      persons: data.persons,
      charges: data.charges,
      links: data.links,
      events: data.events,
    };
    const text = [
      data.case.title,
      `id: ${data.case.id}`,
      `status: ${data.case.status}`,
      ...(data.case.clients.length > 0 ? [`clients: ${data.case.clients.join(', ')}`] : []),
      ...(data.case.court === undefined ? [] : [`court: ${data.case.court}`]),
      ...(data.case.caseNumber === undefined ? [] : [`case number: ${data.case.caseNumber}`]),
      ...(data.case.jurisdiction === undefined ? [] : [`jurisdiction: ${data.case.jurisdiction}`]),
      `evidence: ${data.evidence.length}, persons: ${data.persons.length}, charges: ${data.charges.length}, events: ${data.events.length}`,
    ];
    return { output: shown, text: `${text.join('\n')}\n` };
  },
} as const;
