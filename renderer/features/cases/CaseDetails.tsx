import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { CaseCustodyLog } from './CaseCustodyLog';
import { CaseDeleteModal } from './CaseDeleteModal';
import { CaseFormModal } from './CaseFormModal';
import { useCaseDetails, useUpdateCase } from './case-queries';

/** The case a lawyer picked: its caption, what it holds, and whether its custody log holds. */
export function CaseDetails({ id, onDeleted }: { id: string; onDeleted: (id: string) => void }) {
  const { t } = useTranslation();
  const details = useCaseDetails(id);
  const update = useUpdateCase();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
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
          <Group gap="xs">
            <Badge variant="light">{t(`cases.status.${record.status}`)}</Badge>
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing(true)}
              data-testid="edit-case"
            >
              {t('cases.edit.open')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={update.isPending}
              onClick={() =>
                update.mutate({ id, status: record.status === 'open' ? 'closed' : 'open' })
              }
              data-testid="toggle-case-status"
            >
              {record.status === 'open' ? t('cases.edit.close') : t('cases.edit.reopen')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => setDeleting(true)}
              aria-haspopup="dialog"
              data-testid="delete-case"
            >
              {t('caseDelete.open')}
            </Button>
          </Group>
        </Group>
        {update.isError && <Alert color="red">{errorMessage(t, update.error)}</Alert>}
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
        <CaseCustodyLog caseId={id} />
      </Stack>
      {editing && (
        <CaseFormModal
          opened
          initial={record}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {deleting && (
        <CaseDeleteModal
          opened
          caseId={id}
          title={record.title}
          onClose={() => setDeleting(false)}
          onDeleted={onDeleted}
        />
      )}
    </Paper>
  );
}
