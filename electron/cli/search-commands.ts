import { evidenceKinds } from '../../shared/evidence';
import { maxQueryLength, searchInputSchema, type Snippet } from '../../shared/search';
import { resolveCaseId } from '../core/cases/case-service';
import { HabeasError } from '../core/habeas-error';
import { vaultSearch } from '../core/search/search-service';
import type { CommandContext, CommandResult } from './vault-commands';
import { withVault } from './vault-commands';

/** Evidence items shown at most: a command line is read by a person or a script, not paged. */
const maxShown = 100;

/** A snippet for a terminal: the matched words between asterisks. */
function marked({ text, ranges }: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}*${text.slice(start, end)}*`;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * `habeas search CASE QUERY`: the case's evidence items that mention the query, in any
 * spelling of a name and either script, best first. The index is written back before the
 * vault closes, so the next search starts from it.
 */
export async function searchCommand(
  ctx: CommandContext,
  caseArg: string,
  query: string,
): Promise<CommandResult> {
  if (query.trim() === '')
    throw new HabeasError('VALIDATION_FAILED', 'Give something to search for.');
  if (query.length > maxQueryLength)
    throw new HabeasError(
      'VALIDATION_FAILED',
      `A query has at most ${String(maxQueryLength)} characters.`,
    );
  const found = await withVault(ctx, async (vault) => {
    const search = vaultSearch(vault);
    const result = await search.search(
      searchInputSchema.parse({
        query,
        caseId: resolveCaseId(vault, caseArg),
        filter: { kinds: [...evidenceKinds] },
        limit: maxShown,
        // Whole words: a query on a command line is finished when it is run.
        prefix: false,
      }),
    );
    // The index is derived data: one that cannot be written now is built again next time.
    await search.flush().catch(() => undefined);
    return result;
  });
  const items = found.hits.map((hit) => ({
    evidenceId: hit.id,
    title: hit.title,
    snippet: hit.snippet.text,
    kind: hit.kind,
    ...(hit.page === undefined ? {} : { page: hit.page }),
    ...(hit.at === undefined ? {} : { at: hit.at }),
  }));
  const lines = found.hits.map(
    (hit) =>
      `${hit.id.slice(0, 8)}  ${hit.title}  (${hit.kind}${hit.page === undefined ? '' : `, p. ${String(hit.page)}`})\n    ${marked(hit.snippet)}`,
  );
  return {
    output: items as unknown as Record<string, unknown>,
    text: lines.length === 0 ? 'Nothing found.\n' : `${lines.join('\n')}\n`,
  };
}
