import { Alert, Button, Checkbox, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnlockVault, type CreatedVault } from './vault-queries';
import { VaultScreenTitle } from './VaultScreenLayout';

/** The recovery key in large monospace type, with a Copy button. */
export function RecoveryKeyBlock({
  recoveryKey,
  labelId,
}: {
  recoveryKey: string;
  labelId: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text id={labelId} fw={600}>
        {t('vault.recoveryKey.label')}
      </Text>
      <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
        <Text
          component="output"
          aria-labelledby={labelId}
          data-testid="recovery-key"
          ff="monospace"
          fz={22}
          fw={600}
          ta="center"
          style={{ display: 'block', letterSpacing: '0.08em', wordBreak: 'break-word' }}
        >
          {recoveryKey}
        </Text>
      </Paper>
      <Group justify="flex-end">
        <CopyButton value={recoveryKey} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('vault.recoveryKey.copied') : t('vault.recoveryKey.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/**
 * Shown once, right after the vault is created. Continue unlocks the new vault with the
 * passphrase the user has just chosen; the caller then drops both the key and the passphrase.
 * If that unlock fails, the unlock screen takes over, where the passphrase can be typed again.
 */
export function RecoveryKeyScreen({
  created,
  onDone,
}: {
  created: CreatedVault;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const unlock = useUnlockVault();
  const labelId = useId();
  const hintId = useId();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!saved || unlock.isPending) return;
    unlock.mutate({ passphrase: created.passphrase }, { onSettled: onDone });
  };

  return (
    <>
      <VaultScreenTitle>{t('vault.recoveryKey.title')}</VaultScreenTitle>
      <form onSubmit={submit} aria-busy={unlock.isPending}>
        <Stack gap="md">
          <Text>{t('vault.recoveryKey.intro')}</Text>
          <RecoveryKeyBlock recoveryKey={created.recoveryKey} labelId={labelId} />
          <Alert color="yellow" variant="light">
            {t('vault.recoveryKey.advice')}
          </Alert>
          <Checkbox
            label={t('vault.recoveryKey.saved')}
            checked={saved}
            onChange={(event) => setSaved(event.currentTarget.checked)}
            data-testid="recovery-key-saved"
          />
          {!saved && (
            <Text id={hintId} size="sm" c="dimmed">
              {t('vault.recoveryKey.continueHint')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              disabled={!saved}
              loading={unlock.isPending}
              aria-describedby={saved ? undefined : hintId}
            >
              {t('vault.recoveryKey.continue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
