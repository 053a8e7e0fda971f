import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChargeRecord } from '../../../shared/charges';
import { includeAll, setIncluded, type Choice } from './exhibit-choice';

/** The charges the dossier analyses, one section each, in the order of the charge board. */
export function ChargePicker({
  charges,
  choice,
  onChange,
}: {
  charges: readonly ChargeRecord[];
  choice: Choice;
  onChange: (next: Choice) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="dossier-charges-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="dossier-charges-title">
          {t('dossier.charges.title')}
        </Title>
        {charges.length > 0 && (
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onChange(includeAll(choice, true))}
            >
              {t('dossier.charges.all')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onChange(includeAll(choice, false))}
            >
              {t('dossier.charges.none')}
            </Button>
          </Group>
        )}
      </Group>
      {charges.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dossier.charges.empty')}
        </Text>
      )}
      {charges.map((charge) => (
        <Checkbox
          key={charge.id}
          checked={choice.included.has(charge.id)}
          onChange={(e) => onChange(setIncluded(choice, charge.id, e.currentTarget.checked))}
          label={t(
            charge.part === undefined ? 'dossier.charges.label' : 'dossier.charges.labelPart',
            {
              article: charge.article,
              part: charge.part,
              title: charge.title,
            },
          )}
          description={charge.statute}
        />
      ))}
    </Stack>
  );
}
