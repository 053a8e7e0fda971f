import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  strengthLevel,
  type PassphraseAssessment,
  type StrengthScore,
} from './passphrase-strength';

const scoreColors: Readonly<Record<StrengthScore, string>> = {
  0: 'red',
  1: 'red',
  2: 'orange',
  3: 'teal',
  4: 'green',
};

/** The strength meter under a new passphrase: a bar, its level in words, and zxcvbn's advice. */
export function PassphraseStrength({
  assessment,
}: {
  assessment: PassphraseAssessment | undefined;
}) {
  const { t, i18n } = useTranslation();
  const label =
    assessment === undefined
      ? t('strength.checking')
      : t('strength.label', { level: t(`strength.levels.${strengthLevel(assessment.score)}`) });
  const advice = assessment === undefined || assessment.score >= 3 ? [] : feedback(assessment);
  return (
    <Stack gap={4} data-testid="passphrase-strength">
      <Progress
        value={assessment === undefined ? 0 : (assessment.score + 1) * 20}
        color={assessment === undefined ? 'gray' : scoreColors[assessment.score]}
        size="sm"
        aria-label={label}
      />
      <Text size="xs" c="dimmed" aria-hidden>
        {label}
      </Text>
      {advice
        .filter((key) => i18n.exists(key))
        .map((key) => (
          <Text key={key} size="xs" c="dimmed">
            {t(key)}
          </Text>
        ))}
    </Stack>
  );
}

function feedback(assessment: PassphraseAssessment): string[] {
  const keys = assessment.suggestions.slice(0, 1).map((key) => `strength.suggestions.${key}`);
  return assessment.warning === null ? keys : [`strength.warnings.${assessment.warning}`, ...keys];
}
