import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';

/**
 * The viewers' calls to core. Every change invalidates the whole case (`['case', caseId]`):
 * the item page (`['case', caseId, 'evidence', id]`) and the library both show what changed.
 */
export function caseQueryKey(caseId: string) {
  return ['case', caseId] as const;
}

function useInvalidateCase(caseId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) });
}

/** The text extracted at intake (or a statement's text), for the reader. */
export function useEvidenceText(caseId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['case', caseId, 'evidence', id, 'text'],
    queryFn: async () => unwrap(await api.call('evidence:text', { caseId, id })),
  });
}

export function useMomentActions(caseId: string, evidenceId: string) {
  const api = useApi();
  const invalidate = useInvalidateCase(caseId);
  const add = useMutation({
    mutationFn: async ({ at, note }: { at: number; note: string }) =>
      unwrap(await api.call('moment:add', { caseId, evidenceId, at, note })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, note }: { id: string; note: string }) =>
      unwrap(await api.call('moment:update', { caseId, evidenceId, id, note })),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.call('moment:delete', { caseId, evidenceId, id })),
    onSuccess: invalidate,
  });
  return { add, update, remove };
}

export function useAddStill(caseId: string, evidenceId: string) {
  const api = useApi();
  const invalidate = useInvalidateCase(caseId);
  return useMutation({
    mutationFn: async ({ at, png }: { at: number; png: string }) =>
      unwrap(await api.call('still:add', { caseId, evidenceId, at, png })),
    onSuccess: invalidate,
  });
}

type EvidenceChange = Omit<ChannelInput<'evidence:update'>, 'caseId' | 'id'>;

/** Saves a change to the item; resolves when core has it (for autosave's "Saved"). */
export function useSaveEvidence(
  caseId: string,
  id: string,
): (change: EvidenceChange) => Promise<void> {
  const api = useApi();
  const invalidate = useInvalidateCase(caseId);
  const save = useMutation({
    mutationFn: async (change: EvidenceChange) =>
      unwrap(await api.call('evidence:update', { caseId, id, ...change })),
    // Not awaited: "Saved" means core has the text, not that every list has refreshed.
    onSuccess: () => {
      invalidate().catch(() => undefined);
    },
  });
  return async (change) => {
    await save.mutateAsync(change);
  };
}
