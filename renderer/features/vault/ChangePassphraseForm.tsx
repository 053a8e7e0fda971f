import { Alert, Button, Group, Stack } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseInput } from '../../components/PassphraseInput';
import { errorCode, errorMessage } from './error-message';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './use-new-passphrase';
import { useChangePassphrase } from './vault-queries';

/** The current passphrase and a new one; only the passphrase's keyslot is rewritten in core. */
export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const newPassphrase = useNewPassphrase();
  const change = useChangePassphrase();
  const reasonId = useId();
  const ready = current !== '' && newPassphrase.problem === null && !change.isPending;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    change.mutate(
      { current, next: newPassphrase.passphrase },
      {
        onSuccess: () => {
          setCurrent('');
          newPassphrase.reset();
        },
      },
    );
  };

  const wrongCurrent = change.isError && errorCode(change.error) === 'WRONG_PASSPHRASE';

  const onEdit = (): void => {
    if (!change.isIdle && !change.isPending) change.reset();
  };

  return (
    <form onSubmit={submit} data-testid="change-passphrase-form" onChange={onEdit} noValidate>
      <Stack gap="xs">
        <PassphraseInput
          label={t('settings.changePassphrase.current')}
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          autoComplete="current-password"
          data-testid="current-passphrase"
          error={wrongCurrent ? t('errors.WRONG_PASSPHRASE') : undefined}
          errorProps={{ role: 'alert', 'data-testid': 'change-passphrase-error' }}
          required
        />
        <NewPassphraseFields
          value={newPassphrase}
          passphraseLabel={t('settings.changePassphrase.next')}
          confirmLabel={t('settings.changePassphrase.confirm')}
          reasonId={reasonId}
          testId="new-passphrase"
        />
        {change.isError && !wrongCurrent && (
          <Alert color="red" role="alert">
            {errorMessage(t, change.error)}
          </Alert>
        )}
        {change.isSuccess && (
          <Alert color="green" role="status" data-testid="change-passphrase-done">
            {t('settings.changePassphrase.done')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            disabled={!ready}
            loading={change.isPending}
            aria-describedby={reasonId}
          >
            {t('settings.changePassphrase.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
