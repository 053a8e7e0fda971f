import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseInput } from '../../components/PassphraseInput';
import { errorMessage } from './error-message';
import { useUnlockVault } from './vault-queries';

/** The passphrase that opens a locked vault; Enter submits. */
export function UnlockForm({
  dir,
  onUseRecoveryKey,
}: {
  dir: string;
  onUseRecoveryKey: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const unlock = useUnlockVault();
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (passphrase === '' || unlock.isPending) return;
    unlock.mutate(
      { passphrase },
      {
        // Nothing to keep once the vault is open; after a mistake, the text is selected so
        // that typing replaces it.
        onSuccess: () => setPassphrase(''),
        onError: () => input.current?.select(),
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="unlock-form" aria-busy={unlock.isPending} noValidate>
      <Stack gap="md">
        <Text>{t('vault.unlock.intro')}</Text>
        {dir !== '' && (
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('vault.unlock.folder', { dir })}
          </Text>
        )}
        <PassphraseInput
          ref={input}
          label={t('vault.unlock.passphrase')}
          value={passphrase}
          onChange={(event) => {
            setPassphrase(event.currentTarget.value);
            if (unlock.isError) unlock.reset();
          }}
          readOnly={unlock.isPending}
          autoComplete="current-password"
          autoFocus
          data-testid="unlock-passphrase"
          required
          error={unlock.isError ? errorMessage(t, unlock.error) : undefined}
          errorProps={{ 'data-testid': 'unlock-error', role: 'alert' }}
        />
        {unlock.isPending && (
          <Text size="sm" role="status">
            {t('vault.unlock.busy')}
          </Text>
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryKey}>
            {t('vault.unlock.useRecoveryKey')}
          </Anchor>
          <Button type="submit" loading={unlock.isPending} disabled={passphrase === ''}>
            {t('vault.unlock.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
