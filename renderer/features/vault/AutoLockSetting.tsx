import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message';
import { useSetAutoLock } from './vault-queries';

/** The idle times offered, in minutes; 0 is never. */
export const autoLockChoices: readonly number[] = [0, 1, 5, 10, 15, 30, 60];

/** How long core waits, idle, before it locks the vault by itself. */
export function AutoLockSetting({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const setAutoLock = useSetAutoLock();
  // A value set elsewhere (the CLI, an older version) is shown rather than silently replaced.
  const choices = autoLockChoices.includes(minutes)
    ? autoLockChoices
    : [...autoLockChoices, minutes].sort((a, b) => a - b);
  const label = (value: number): string =>
    value === 0 ? t('settings.autoLock.never') : t('settings.autoLock.minutes', { minutes: value });
  const shown = setAutoLock.isPending ? setAutoLock.variables.minutes : minutes;
  return (
    <Stack gap="xs">
      <Select
        label={t('settings.autoLock.label')}
        description={t('settings.autoLock.description')}
        data={choices.map((value) => ({ value: String(value), label: label(value) }))}
        value={String(shown)}
        onChange={(value) => {
          if (value !== null && Number(value) !== minutes)
            setAutoLock.mutate({ minutes: Number(value) });
        }}
        allowDeselect={false}
        data-testid="auto-lock-select"
      />
      {setAutoLock.isSuccess && (
        <Text size="sm" c="green" role="status">
          {t('settings.autoLock.saved')}
        </Text>
      )}
      {setAutoLock.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(t, setAutoLock.error)}
        </Text>
      )}
    </Stack>
  );
}
