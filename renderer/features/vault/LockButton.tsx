import { Button, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../lib/api-context';
import { errorMessage } from './error-message';
import { useLockVault } from './vault-queries';

function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/**
 * Locks the vault, from the header or with Ctrl+L (Cmd+L on a Mac) anywhere in the app, even
 * while typing in a field. The physical key is matched, so it works with a Russian layout too.
 */
export function LockButton() {
  const { t } = useTranslation();
  const lock = useLockVault();
  const mac = useAppInfo().data?.platform === 'darwin';
  const shortcut = mac ? '⌘L' : 'Ctrl+L';
  const lockNow = (): void => {
    if (!lock.isPending) lock.mutate({});
  };
  useHotkeys([['mod+L', lockNow, { usePhysicalKeys: true }]], [], true);
  return (
    <>
      {lock.isError && (
        <Text size="xs" c="red" role="alert">
          {errorMessage(t, lock.error)}
        </Text>
      )}
      <Button
        variant="default"
        size="xs"
        leftSection={<LockIcon />}
        onClick={lockNow}
        loading={lock.isPending}
        aria-label={t('vault.lock.label', { shortcut })}
        aria-keyshortcuts={mac ? 'Meta+L' : 'Control+L'}
        title={t('vault.lock.label', { shortcut })}
        data-testid="lock-button"
      >
        {t('vault.lock.button')}
      </Button>
    </>
  );
}
