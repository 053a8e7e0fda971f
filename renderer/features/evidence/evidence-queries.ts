import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { EvidenceFields } from '../../../shared/evidence';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { custodyKey } from '../cases/case-queries';

export const evidenceListKey = (caseId: string) => ['case', caseId, 'evidence'] as const;
export const evidenceItemKey = (caseId: string, id: string) =>
  ['case', caseId, 'evidence', id] as const;

export type EvidenceList = ChannelOutput<'evidence:list'>;
export type EvidenceShown = ChannelOutput<'evidence:show'>;

export function useEvidenceList(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: evidenceListKey(caseId),
    queryFn: async () => unwrap(await api.call('evidence:list', { caseId })),
  });
}

/**
 * One item in full. Every evidence:show is a "view" in the custody log, so it is fetched once
 * per opening, not again on focus or when the library refreshes.
 */
export function useEvidenceItem(caseId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: evidenceItemKey(caseId, id),
    queryFn: async () => unwrap(await api.call('evidence:show', { caseId, id })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    gcTime: 0,
  });
}

/**
 * What changed when items were added, edited or removed: the library, the case's counts and
 * its custody log. `exact` spares the open items, whose refetch would log a view.
 */
export async function refreshCase(queryClient: QueryClient, caseId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: evidenceListKey(caseId), exact: true }),
    queryClient.invalidateQueries({ queryKey: ['case:show', caseId] }),
    queryClient.invalidateQueries({ queryKey: ['case', caseId, 'custody'] }),
  ]);
}

export function useUpdateEvidence(caseId: string, id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fields: EvidenceFields) =>
      unwrap(await api.call('evidence:update', { caseId, id, fields })),
    onSuccess: async (item) => {
      queryClient.setQueryData<EvidenceShown>(evidenceItemKey(caseId, id), (shown) =>
        shown === undefined ? shown : { ...shown, item },
      );
      await Promise.all([
        refreshCase(queryClient, caseId),
        queryClient.invalidateQueries({ queryKey: custodyKey(caseId, id) }),
      ]);
    },
  });
}

export function useDeleteEvidence(caseId: string, onDeleted: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.call('evidence:delete', { caseId, id }));
      return id;
    },
    onSuccess: async (id) => {
      onDeleted();
      queryClient.removeQueries({ queryKey: evidenceItemKey(caseId, id) });
      await refreshCase(queryClient, caseId);
    },
  });
}

export type TextIntake = Omit<ChannelInput<'intake:text'>, 'caseId'>;

/** A typed statement or a pasted article. */
export function useIntakeText(caseId: string, onAdded: (id: string) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: TextIntake) =>
      unwrap(await api.call('intake:text', { ...input, caseId })),
    onSuccess: async (item) => {
      onAdded(item.id);
      await refreshCase(queryClient, caseId);
    },
  });
}
