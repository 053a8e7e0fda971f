import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseInput, CaseStatus } from '../../../shared/domain';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';

export const casesKey = ['case:list'] as const;

export function useCases() {
  const api = useApi();
  return useQuery({
    queryKey: casesKey,
    queryFn: async () => unwrap(await api.call('case:list', {})),
  });
}

export function useCaseDetails(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: ['case:show', id],
    queryFn: async () => unwrap(await api.call('case:show', { id: id ?? '' })),
    enabled: id !== null,
  });
}

export function useCreateCase(onCreated: (id: string) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CaseInput) => unwrap(await api.call('case:create', input)),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: casesKey });
      onCreated(record.id);
    },
  });
}

export function useUpdateCase(onUpdated: (id: string) => void = () => undefined) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: { id: string; fields?: CaseInput; status?: CaseStatus }) =>
      unwrap(await api.call('case:update', change)),
    onSuccess: async (record) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: casesKey }),
        queryClient.invalidateQueries({ queryKey: ['case:show', record.id] }),
      ]);
      onUpdated(record.id);
    },
  });
}

/** Deletes a case for good; every cached answer about it is dropped with it. */
export function useDeleteCase(onDeleted: (id: string) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; confirmTitle: string }) => {
      unwrap(await api.call('case:delete', input));
      return input.id;
    },
    onSuccess: async (id) => {
      onDeleted(id);
      queryClient.removeQueries({ queryKey: ['case', id] });
      queryClient.removeQueries({ queryKey: ['case:show', id] });
      await queryClient.invalidateQueries({ queryKey: casesKey });
    },
  });
}

export const custodyKey = (caseId: string, subjectId?: string) =>
  ['case', caseId, 'custody', subjectId ?? null] as const;

/** A case's custody log, verified by core; `subjectId` narrows it to one item's entries. */
export function useCustodyLog(caseId: string, subjectId?: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: custodyKey(caseId, subjectId),
    queryFn: async () =>
      unwrap(
        await api.call('custody:list', {
          caseId,
          ...(subjectId === undefined ? {} : { subjectId }),
        }),
      ),
    enabled,
  });
}
