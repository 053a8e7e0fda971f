import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactInput } from '../../../shared/archive';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';

/** The vault's sharing identity and the contacts, each one query; contact changes refresh the list. */
export const contactsKey = ['contact:list'] as const;

export function useSharingIdentity() {
  const api = useApi();
  return useQuery({
    queryKey: ['sharing:identity'],
    queryFn: async () => unwrap(await api.call('sharing:identity', {})),
    staleTime: Infinity,
  });
}

export function useContacts() {
  const api = useApi();
  return useQuery({
    queryKey: contactsKey,
    queryFn: async () => unwrap(await api.call('contact:list', {})),
  });
}

function useContactMutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: contactsKey });
    },
  });
}

export function useSaveContact() {
  const api = useApi();
  return useContactMutation(async (input: ContactInput & { id?: string }) => {
    const { id, ...fields } = input;
    return unwrap(
      id === undefined
        ? await api.call('contact:add', fields)
        : await api.call('contact:update', { ...fields, id }),
    );
  });
}

export function useDeleteContact() {
  const api = useApi();
  return useContactMutation(async (id: string) => unwrap(await api.call('contact:delete', { id })));
}
