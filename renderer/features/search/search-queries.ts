import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchFilter, SearchOutput } from '../../../shared/search';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { personsKey } from '../persons/person-queries';
import { sourcesKey } from '../persons/source-queries';

export type SearchScope = { readonly caseId: string } | 'all';

/**
 * The hits of a query, as the lawyer types it (the last word counts as begun). While the next
 * answer is on its way the previous one stays on screen, so the list does not flicker.
 */
export function useSearch(
  query: string,
  scope: SearchScope,
  filter: SearchFilter,
  enabled: boolean,
) {
  const api = useApi();
  const trimmed = query.trim();
  return useQuery({
    queryKey: ['search', scope === 'all' ? null : scope.caseId, query, filter] as const,
    queryFn: async (): Promise<SearchOutput> =>
      unwrap(
        await api.call('search:query', {
          query,
          ...(scope === 'all' ? {} : { caseId: scope.caseId }),
          filter,
          limit: 60,
        }),
      ),
    enabled: enabled && trimmed !== '',
    placeholderData: keepPreviousData,
    // What a search finds changes with every edit anywhere: never served from an old answer.
    staleTime: 0,
    gcTime: 30_000,
  });
}

/**
 * The sources and persons of a case, for the filters (under the persons area's keys, so the
 * lists are shared); nothing when searching every case.
 */
export function useCaseFacets(caseId: string | null, enabled: boolean) {
  const api = useApi();
  const on = enabled && caseId !== null;
  const sources = useQuery({
    queryKey: sourcesKey(caseId ?? ''),
    queryFn: async () => unwrap(await api.call('source:list', { caseId: caseId ?? '' })),
    enabled: on,
  });
  const persons = useQuery({
    queryKey: personsKey(caseId ?? ''),
    queryFn: async () => unwrap(await api.call('person:list', { caseId: caseId ?? '' })),
    enabled: on,
  });
  return on
    ? { sources: sources.data ?? [], persons: persons.data ?? [] }
    : { sources: [], persons: [] };
}
