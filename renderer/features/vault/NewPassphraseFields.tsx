import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PassphraseInput } from '../../components/PassphraseInput';
import { minPassphraseLength } from '../../../shared/domain';
import { PassphraseStrength } from './PassphraseStrength';
import type { NewPassphrase } from './use-new-passphrase';

/**
 * A new passphrase, its strength, and its confirmation. `reasonId` names the line that says why
 * the passphrase cannot be used yet, for the submit button's aria-describedby.
 */
export function NewPassphraseFields({
  value,
  passphraseLabel,
  confirmLabel,
  description,
  reasonId,
  testId,
  autoFocus = false,
}: {
  value: NewPassphrase;
  passphraseLabel: string;
  confirmLabel: string;
  description?: string;
  reasonId: string;
  /** Names the two inputs for end-to-end tests: `<testId>` and `<testId>-confirm`. */
  testId: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { passphrase, confirm, assessment, problem } = value;
  const reason = (): string => {
    if (problem === null) return t('strength.good');
    if (problem !== 'tooShort') return t(`strength.${problem}`);
    return passphrase === ''
      ? t('strength.minLength', { min: minPassphraseLength })
      : t('strength.tooShort', { min: minPassphraseLength, length: passphrase.length });
  };
  return (
    <Stack gap="xs">
      <PassphraseInput
        label={passphraseLabel}
        description={description}
        value={passphrase}
        onChange={(event) => value.setPassphrase(event.currentTarget.value)}
        autoComplete="new-password"
        autoFocus={autoFocus}
        data-testid={testId}
        required
      />
      {passphrase !== '' && <PassphraseStrength assessment={assessment} />}
      <PassphraseInput
        label={confirmLabel}
        value={confirm}
        onChange={(event) => value.setConfirm(event.currentTarget.value)}
        autoComplete="new-password"
        error={problem === 'mismatch'}
        data-testid={`${testId}-confirm`}
        required
      />
      <Text
        id={reasonId}
        size="sm"
        c={
          problem === null
            ? 'green'
            : problem === 'tooWeak' || problem === 'mismatch'
              ? 'red'
              : 'dimmed'
        }
        aria-live="polite"
      >
        {reason()}
      </Text>
    </Stack>
  );
}
