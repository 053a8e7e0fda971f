import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import type { VaultStatus } from '../../../shared/domain';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { passphraseEstimatorKey } from './use-new-passphrase';

/** What the recovery key screen needs once the vault exists; held only until it is dismissed. */
export type CreatedVault = { readonly recoveryKey: string; readonly passphrase: string };

export const vaultStatusKey = ['vault:status'] as const;
const appInfoKey = ['app:info'] as const;

/**
 * Core locks the vault by itself after the idle timeout; polling its state is how the renderer
 * learns of it and shows the unlock screen within seconds.
 */
const statusPollMs = 3_000;

export function useVaultStatus() {
  const api = useApi();
  return useQuery({
    queryKey: vaultStatusKey,
    queryFn: async () => unwrap(await api.call('vault:status', {})),
    refetchInterval: statusPollMs,
  });
}

async function refreshVaultState(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: vaultStatusKey }),
    queryClient.invalidateQueries({ queryKey: appInfoKey }),
  ]);
}

const keptWhileLocked: ReadonlySet<unknown> = new Set([
  vaultStatusKey[0],
  appInfoKey[0],
  passphraseEstimatorKey[0],
]);

/**
 * Drops every cached answer that came out of the vault, so that nothing read while it was
 * unlocked stays in the renderer's memory once it is locked.
 */
export function forgetVaultData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !keptWhileLocked.has(query.queryKey[0]) });
}

type StatusChannel =
  | 'vault:unlock'
  | 'vault:recover'
  | 'vault:lock'
  | 'vault:change-passphrase'
  | 'vault:set-auto-lock';

/** A vault mutation that answers with the new status: shown at once, then confirmed by a refetch. */
function useStatusMutation<K extends StatusChannel>(channel: K) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<VaultStatus, Error, ChannelInput<K>>({
    mutationFn: async (input) => unwrap<VaultStatus>(await api.call(channel, input)),
    onSuccess: (status) => queryClient.setQueryData(vaultStatusKey, status),
    onSettled: () => refreshVaultState(queryClient),
    // Passphrases are among the variables: drop them as soon as no form shows the result.
    gcTime: 0,
  });
}

export const useUnlockVault = () => useStatusMutation('vault:unlock');
export const useRecoverVault = () => useStatusMutation('vault:recover');
export const useLockVault = () => useStatusMutation('vault:lock');
export const useChangePassphrase = () => useStatusMutation('vault:change-passphrase');
export const useSetAutoLock = () => useStatusMutation('vault:set-auto-lock');

/**
 * Creates the vault. `onCreated` runs before the status is refreshed: once core reports the
 * new vault (locked), the create screen goes away, and a callback given to `mutate` would be
 * lost with it, and the recovery key with the callback.
 */
export function useCreateVault(onCreated: (created: CreatedVault) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'vault:create'>) =>
      unwrap(await api.call('vault:create', input)),
    onSuccess: ({ recoveryKey }, { passphrase }) => onCreated({ recoveryKey, passphrase }),
    onSettled: () => refreshVaultState(queryClient),
    gcTime: 0,
  });
}

/** The desktop app's folder picker; `available: false` in browser mode. */
export function useChooseFolder() {
  const api = useApi();
  return useMutation({
    mutationFn: async () => unwrap(await api.call('dialog:choose-folder', {})),
  });
}
