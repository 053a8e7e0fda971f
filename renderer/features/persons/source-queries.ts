import { useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import type { SourceInput } from '../../../shared/evidence';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { useCaseMutation } from './case-mutation';

/** The sources of a case (outlets, channels), under the case's key (see case-mutation.ts). */
export const sourcesKey = (caseId: string) => ['case', caseId, 'sources'] as const;

export function useSources(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: sourcesKey(caseId),
    queryFn: async () => unwrap(await api.call('source:list', { caseId })),
  });
}

export function useAddSource(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (source: SourceInput) =>
    unwrap(await api.call('source:add', { caseId, source })),
  );
}

export type SourceChange = Omit<ChannelInput<'source:update'>, 'caseId'>;

export function useUpdateSource(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (change: SourceChange) =>
    unwrap(await api.call('source:update', { caseId, ...change })),
  );
}
