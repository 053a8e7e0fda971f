import { useQuery } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import type { PersonInput } from '../../../shared/evidence';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { useCaseMutation } from './case-mutation';

/** The persons of a case, under the case's key (see case-mutation.ts). */
export const personsKey = (caseId: string) => ['case', caseId, 'persons'] as const;

export function usePersons(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: personsKey(caseId),
    queryFn: async () => unwrap(await api.call('person:list', { caseId })),
  });
}

export function useAddPerson(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (person: PersonInput) =>
    unwrap(await api.call('person:add', { caseId, person })),
  );
}

export type PersonChange = Omit<ChannelInput<'person:update'>, 'caseId'>;

export function useUpdatePerson(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (change: PersonChange) =>
    unwrap(await api.call('person:update', { caseId, ...change })),
  );
}

export function useMergePersons(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (ids: { keepId: string; mergeId: string }) =>
    unwrap(await api.call('person:merge', { caseId, ...ids })),
  );
}

export function useDeletePerson(caseId: string) {
  const api = useApi();
  return useCaseMutation(caseId, async (id: string) =>
    unwrap(await api.call('person:delete', { caseId, id })),
  );
}
