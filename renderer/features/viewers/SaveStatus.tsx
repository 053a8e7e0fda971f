import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import type { SaveState } from './use-autosave';

/** "Saving…" / "Saved" beside an autosaved field, announced to screen readers. */
export function SaveStatus({
  state,
  error,
  testId,
}: {
  state: SaveState;
  error: unknown;
  testId: string;
}) {
  const { t } = useTranslation();
  const text =
    state === 'failed'
      ? t('viewer.save.failed', { reason: errorMessage(t, error) })
      : state === 'idle'
        ? ''
        : state === 'saved'
          ? t('viewer.save.saved')
          : t('viewer.save.saving');
  return (
    <Text
      size="xs"
      c={state === 'failed' ? 'red' : 'dimmed'}
      role="status"
      aria-live="polite"
      data-testid={testId}
    >
      {text}
    </Text>
  );
}
