import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../shared/domain';
import { missingCase } from '../../../shared/errors';
import type { Language } from '../../i18n/i18n';
import { CreateVaultScreen } from './CreateVaultScreen';
import { errorMessage } from './error-message';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { UnlockScreen } from './UnlockScreen';
import { useActivityPing } from './use-activity-ping';
import { forgetVaultData, useVaultStatus, type CreatedVault } from './vault-queries';
import { VaultScreenLayout, VaultScreenTitle } from './VaultScreenLayout';

/**
 * Shows the screen for the vault's state: create it, unlock it, or the app itself (children).
 * The state comes from polling core, so an idle auto-lock there brings the unlock screen here.
 */
export function VaultGate({
  onLanguageChange,
  children,
}: {
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
}) {
  const status = useVaultStatus();
  const queryClient = useQueryClient();
  // Just created: the recovery key is on screen, whatever core now reports (a new vault is
  // locked). Held only until the user continues.
  const [created, setCreated] = useState<CreatedVault | null>(null);
  const state = status.data?.state;

  useEffect(() => {
    if (state !== undefined && state !== 'unlocked') forgetVaultData(queryClient);
  }, [state, queryClient]);

  if (created === null && state === 'unlocked') return <ActivityPing>{children}</ActivityPing>;
  return (
    <VaultScreenLayout onLanguageChange={onLanguageChange}>
      {created !== null ? (
        <RecoveryKeyScreen created={created} onDone={() => setCreated(null)} />
      ) : status.data === undefined ? (
        <StatusUnknown
          error={status.isError ? status.error : null}
          retrying={status.isFetching}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <ScreenForState status={status.data} onCreated={setCreated} />
      )}
    </VaultScreenLayout>
  );
}

function ScreenForState({
  status,
  onCreated,
}: {
  status: VaultStatus;
  onCreated: (created: CreatedVault) => void;
}) {
  switch (status.state) {
    case 'absent':
      return <CreateVaultScreen initialDir={status.dir} onCreated={onCreated} />;
    case 'locked':
      return <UnlockScreen dir={status.dir} />;
    case 'unlocked':
      // Only while the recovery key is still on screen; the gate shows the app otherwise.
      return null;
    default:
      return missingCase(status.state);
  }
}

/** The unlocked app, telling core when a person is at work so that auto-lock counts idle time. */
function ActivityPing({ children }: { children: ReactNode }) {
  useActivityPing();
  return children;
}

/** Before core has told the state: a spinner, or why it cannot be told. */
function StatusUnknown({
  error,
  retrying,
  onRetry,
}: {
  error: Error | null;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <VaultScreenTitle>{t('app.name')}</VaultScreenTitle>
      {error === null ? (
        <Center py="lg">
          <Stack align="center" gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('vault.loading')}</Text>
          </Stack>
        </Center>
      ) : (
        <Stack gap="md">
          <Alert color="red" role="alert">
            {t('vault.statusError', { message: errorMessage(t, error) })}
          </Alert>
          <Button variant="default" onClick={onRetry} loading={retrying}>
            {t('vault.retry')}
          </Button>
        </Stack>
      )}
    </>
  );
}
