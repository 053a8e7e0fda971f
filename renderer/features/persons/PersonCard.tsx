import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/evidence';
import { PersonVariants } from './PersonVariants';

export type PersonAction = 'edit' | 'merge' | 'delete';

/** One person of the case: name, role, protection, spellings, and what can be done to them. */
export function PersonCard({
  person,
  onAction,
}: {
  person: PersonRecord;
  onAction: (action: PersonAction, person: PersonRecord) => void;
}) {
  const { t } = useTranslation();
  const nameId = useId();
  const name = person.displayName;
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={nameId} data-testid="person">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} id={nameId}>
                {name}
              </Text>
              <Badge variant="light">{t(`persons.roles.${person.role}`)}</Badge>
              {person.protected && (
                <Badge color="orange" variant="light">
                  {t('persons.protectedBadge')}
                </Badge>
              )}
            </Group>
            {person.pseudonym !== undefined && (
              <Text size="sm">{t('persons.pseudonym', { pseudonym: person.pseudonym })}</Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              aria-label={t('persons.edit.label', { name })}
              onClick={() => onAction('edit', person)}
            >
              {t('persons.edit.open')}
            </Button>
            <Button
              size="xs"
              variant="default"
              aria-label={t('persons.merge.label', { name })}
              aria-haspopup="dialog"
              onClick={() => onAction('merge', person)}
            >
              {t('persons.merge.open')}
            </Button>
            <Button
              size="xs"
              variant="default"
              color="red"
              aria-label={t('persons.delete.label', { name })}
              aria-haspopup="dialog"
              onClick={() => onAction('delete', person)}
            >
              {t('persons.delete.open')}
            </Button>
          </Group>
        </Group>
        <PersonVariants variants={person.variants} />
        {person.notes !== undefined && person.notes !== '' && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {person.notes}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
