import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { useVaultStatus } from '../features/vault/vault-queries';
import { useAppInfo } from '../lib/api-context';

export function StatusBar() {
  const { t } = useTranslation();
  const info = useAppInfo();
  // vault:status is polled more often than app:info, so it is the fresher word on the state.
  const vaultState = useVaultStatus().data?.state;
  return (
    <Group
      h="100%"
      px="md"
      gap="md"
      role="status"
      aria-label={t('status.label')}
      data-testid="status-bar"
    >
      {info.isPending && <Text size="xs">{t('status.loading')}</Text>}
      {info.isError && (
        <Text size="xs" c="red">
          {t('status.error', {
            message: t(
              `errors.${info.error instanceof ApiError ? info.error.code : 'TRANSPORT_FAILED'}`,
            ),
          })}
        </Text>
      )}
      {info.isSuccess && (
        <>
          <Badge
            size="sm"
            variant="light"
            color={(vaultState ?? info.data.vaultState) === 'unlocked' ? 'green' : 'gray'}
            data-testid="status-vault"
          >
            {t('status.vault', { state: t(`vault.state.${vaultState ?? info.data.vaultState}`) })}
          </Badge>
          <Text size="xs" data-testid="status-transport">
            {t(`status.transport.${info.data.transport}`)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="status-version">
            {t('status.version', { version: info.data.version })} · {info.data.platform}
          </Text>
          <Text size="xs" c="dimmed" ml="auto">
            {t('app.offline')}
          </Text>
        </>
      )}
    </Group>
  );
}
