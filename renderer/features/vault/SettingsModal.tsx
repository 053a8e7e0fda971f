import { Divider, Modal, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { useVaultStatus } from './vault-queries';

/** The vault's settings: when it locks by itself, and its passphrase. */
export function SettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const status = useVaultStatus();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('settings.title')}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      size="lg"
      closeButtonProps={{ 'aria-label': t('settings.close') }}
      data-testid="settings-modal"
    >
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('settings.autoLock.title')}
          </Title>
          {status.data !== undefined && <AutoLockSetting minutes={status.data.autoLockMinutes} />}
        </Stack>
        <Divider />
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('settings.changePassphrase.title')}
          </Title>
          <ChangePassphraseForm />
        </Stack>
      </Stack>
    </Modal>
  );
}
