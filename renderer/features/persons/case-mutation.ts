import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * Persons and sources are queried under their case's key, and every change invalidates the
 * whole case: the evidence library shows persons and sources too. The case details (with their
 * count of persons) live under case:show, outside that key.
 */
export const caseKey = (caseId: string) => ['case', caseId] as const;

/** A mutation of one case whose success refreshes everything shown of that case. */
export function useCaseMutation<TInput, TOutput>(
  caseId: string,
  run: (input: TInput) => Promise<TOutput>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
        queryClient.invalidateQueries({ queryKey: ['case:show', caseId] }),
      ]);
    },
  });
}
