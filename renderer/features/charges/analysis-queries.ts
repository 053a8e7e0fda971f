import { useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { caseKey, useCaseMutation } from '../persons/case-mutation';

/**
 * The analysis of a case (charges, links, chronology, and what core computes from them) is
 * one query under the case's key, so every change below refreshes it along with the evidence
 * library (whose "linked" column follows the links).
 */
export type Analysis = ChannelOutput<'analysis:show'>;
export type Templates = ChannelOutput<'charge:templates'>;

export const analysisKey = (caseId: string) => [...caseKey(caseId), 'analysis'] as const;

export function useAnalysis(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: analysisKey(caseId),
    queryFn: async () => unwrap(await api.call('analysis:show', { caseId })),
  });
}

export function useChargeTemplates() {
  const api = useApi();
  return useQuery({
    queryKey: ['charge:templates'],
    queryFn: async () => unwrap(await api.call('charge:templates', {})),
    staleTime: Infinity,
  });
}

type CaseInput<
  C extends 'charge:add' | 'charge:update' | 'link:add' | 'event:add' | 'event:update',
> = Omit<ChannelInput<C>, 'caseId'>;

export function useAddCharge(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (input: CaseInput<'charge:add'>) =>
    unwrap(await api.call('charge:add', { ...input, caseId })),
  );
}

export function useUpdateCharge(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (input: CaseInput<'charge:update'>) =>
    unwrap(await api.call('charge:update', { ...input, caseId })),
  );
}

export function useDeleteCharge(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (id: string) =>
    unwrap(await api.call('charge:delete', { caseId, id })),
  );
}

export function useAddLink(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (input: CaseInput<'link:add'>) =>
    unwrap(await api.call('link:add', { ...input, caseId })),
  );
}

export function useDeleteLink(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (id: string) =>
    unwrap(await api.call('link:delete', { caseId, id })),
  );
}

export function useAddEvent(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (input: CaseInput<'event:add'>) =>
    unwrap(await api.call('event:add', { ...input, caseId })),
  );
}

export function useUpdateEvent(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (input: CaseInput<'event:update'>) =>
    unwrap(await api.call('event:update', { ...input, caseId })),
  );
}

export function useDeleteEvent(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (id: string) =>
    unwrap(await api.call('event:delete', { caseId, id })),
  );
}
