import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { useCaseDetails } from './case-queries';

/** The case a lawyer picked: its caption, what it holds, and whether its custody log holds. */
export function CaseDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const details = useCaseDetails(id);
  if (details.isError) return <Alert color="red">{errorMessage(t, details.error)}</Alert>;
  if (!details.isSuccess) return null;
  const { case: record, counts, custody } = details.data;
  const field = (label: string, value: string | undefined) =>
    value === undefined ? null : (
      <Text size="sm">
        <Text span c="dimmed">
          {label}:{' '}
        </Text>
        {value}
      </Text>
    );
  return (
    <Paper withBorder p="md" data-testid="case-details">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {record.title}
          </Title>
          <Badge variant="light">{t(`cases.status.${record.status}`)}</Badge>
        </Group>
        {field(
          t('cases.fields.clients'),
          record.clients.length > 0 ? record.clients.join(', ') : undefined,
        )}
        {field(t('cases.fields.court'), record.court)}
        {field(t('cases.fields.caseNumber'), record.caseNumber)}
        {field(t('cases.fields.jurisdiction'), record.jurisdiction)}
        <SimpleGrid cols={4} mt="xs">
          {(['evidence', 'persons', 'charges', 'events'] as const).map((key) => (
            <Stack key={key} gap={0}>
              <Text fw={700}>{counts[key]}</Text>
              <Text size="xs" c="dimmed">
                {t(`cases.counts.${key}`)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Text size="xs" c={custody.ok ? 'dimmed' : 'red'} data-testid="case-custody">
          {custody.ok
            ? t('cases.custody.ok', { entries: custody.entries, head: custody.head.slice(0, 16) })
            : t('cases.custody.broken')}
        </Text>
      </Stack>
    </Paper>
  );
}
