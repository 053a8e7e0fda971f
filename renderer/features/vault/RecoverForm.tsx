import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './use-new-passphrase';
import { useRecoverVault } from './vault-queries';

/** Opens a locked vault with the recovery key and sets a new passphrase. */
export function RecoverForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const newPassphrase = useNewPassphrase();
  const recover = useRecoverVault();
  const reasonId = useId();
  const ready = recoveryKey.trim() !== '' && newPassphrase.problem === null && !recover.isPending;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    recover.mutate({ recoveryKey: recoveryKey.trim(), newPassphrase: newPassphrase.passphrase });
  };

  return (
    <form onSubmit={submit} data-testid="recover-form" aria-busy={recover.isPending} noValidate>
      <Stack gap="md">
        <Text>{t('vault.recover.intro')}</Text>
        <TextInput
          label={t('vault.recover.recoveryKey')}
          description={t('vault.recover.recoveryKeyHint')}
          value={recoveryKey}
          onChange={(event) => {
            setRecoveryKey(event.currentTarget.value);
            if (recover.isError) recover.reset();
          }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          data-testid="recover-key"
          required
        />
        <NewPassphraseFields
          value={newPassphrase}
          passphraseLabel={t('vault.recover.newPassphrase')}
          confirmLabel={t('vault.recover.confirm')}
          reasonId={reasonId}
          testId="recover-passphrase"
        />
        {recover.isError && (
          <Alert color="red" role="alert" data-testid="recover-error">
            {errorMessage(t, recover.error, {
              // The key is checked before any decryption: a checksum failure is a typing error.
              VALIDATION_FAILED: t('vault.recover.mistyped'),
              WRONG_PASSPHRASE: t('vault.recover.wrongKey'),
            })}
          </Alert>
        )}
        {recover.isPending && (
          <Text size="sm" role="status">
            {t('vault.recover.busy')}
          </Text>
        )}
        <Group justify="space-between">
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {t('vault.recover.back')}
          </Anchor>
          <Button
            type="submit"
            disabled={!ready}
            loading={recover.isPending}
            aria-describedby={reasonId}
          >
            {t('vault.recover.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
