import { Alert, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api-context';
import { errorMessage } from './error-message';
import { NewPassphraseFields } from './NewPassphraseFields';
import { useNewPassphrase } from './use-new-passphrase';
import { useChooseFolder, useCreateVault, type CreatedVault } from './vault-queries';
import { VaultScreenTitle } from './VaultScreenLayout';

/** First run: a folder and a new passphrase make a vault; its recovery key is shown next. */
export function CreateVaultScreen({
  initialDir,
  onCreated,
}: {
  initialDir: string;
  onCreated: (created: CreatedVault) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [dir, setDir] = useState(initialDir);
  // The desktop app has a folder picker; browser mode (or a picker that turns out to be
  // missing) gets a text field for the path.
  const [pickerAvailable, setPickerAvailable] = useState(api.transport === 'electron');
  const newPassphrase = useNewPassphrase();
  const create = useCreateVault(onCreated);
  const chooseFolder = useChooseFolder();
  const reasonId = useId();

  const folderMissing = dir.trim() === '';
  const ready = !folderMissing && newPassphrase.problem === null && !create.isPending;

  const choose = (): void => {
    chooseFolder.mutate(undefined, {
      onSuccess: ({ available, path }) => {
        if (!available) setPickerAvailable(false);
        else if (path !== null) setDir(path);
      },
    });
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    create.mutate({ dir: dir.trim(), passphrase: newPassphrase.passphrase });
  };

  return (
    <>
      <VaultScreenTitle>{t('vault.create.title')}</VaultScreenTitle>
      <form
        onSubmit={submit}
        data-testid="create-vault-form"
        aria-busy={create.isPending}
        noValidate
      >
        <Stack gap="md">
          <Text>{t('vault.create.intro')}</Text>
          <Fieldset variant="unstyled" disabled={create.isPending}>
            <Stack gap="md">
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('vault.create.folder')}
                  description={
                    pickerAvailable ? t('vault.create.folderHint') : t('vault.create.noPicker')
                  }
                  value={dir}
                  onChange={(event) => setDir(event.currentTarget.value)}
                  readOnly={pickerAvailable}
                  data-testid="create-folder"
                  spellCheck={false}
                  autoComplete="off"
                  required
                />
                {pickerAvailable && (
                  <Button variant="default" onClick={choose} loading={chooseFolder.isPending}>
                    {t('vault.create.chooseFolder')}
                  </Button>
                )}
              </Group>
              <NewPassphraseFields
                value={newPassphrase}
                passphraseLabel={t('vault.create.passphrase')}
                confirmLabel={t('vault.create.confirm')}
                description={t('vault.create.passphraseHint')}
                reasonId={reasonId}
                testId="create-passphrase"
                autoFocus
              />
            </Stack>
          </Fieldset>
          {folderMissing && (
            <Text size="sm" c="dimmed">
              {t('vault.create.folderMissing')}
            </Text>
          )}
          {create.isError && (
            <Alert color="red" role="alert" data-testid="create-error">
              {errorMessage(t, create.error, {
                // Core refuses a folder that is not empty or not a full path.
                VALIDATION_FAILED: t('vault.create.badFolder'),
              })}
            </Alert>
          )}
          {chooseFolder.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, chooseFolder.error)}
            </Alert>
          )}
          {create.isPending && (
            <Text size="sm" role="status">
              {t('vault.create.busy')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              disabled={!ready}
              loading={create.isPending}
              aria-describedby={reasonId}
            >
              {t('vault.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
