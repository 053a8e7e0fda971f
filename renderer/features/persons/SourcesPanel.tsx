import {
  Alert,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { SourceFormModal } from './SourceFormModal';
import { useSources } from './source-queries';

/** Admiralty grades, from a colour that says "trust" to one that says "check". */
const gradeColour = { A: 'green', B: 'teal', C: 'blue', D: 'yellow', E: 'red', F: 'gray' } as const;

/**
 * The sources of a case: outlets and channels, with their address shown as text (never a link:
 * Habeas does not go online) and their reliability on the Admiralty scale, spelled out.
 */
export function SourcesPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const sources = useSources(caseId);
  const [editing, setEditing] = useState<SourceRecord | 'new' | null>(null);

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId} data-testid="sources-panel">
      <Group justify="space-between">
        <Title order={2} size="h3" id={headingId}>
          {t('sources.title')}
        </Title>
        <Button onClick={() => setEditing('new')} aria-haspopup="dialog">
          {t('sources.add.open')}
        </Button>
      </Group>
      {sources.isError && <Alert color="red">{errorMessage(t, sources.error)}</Alert>}
      {sources.isSuccess && sources.data.length === 0 && (
        <Text c="dimmed">{t('sources.empty')}</Text>
      )}
      {sources.isSuccess && sources.data.length > 0 && (
        <Table aria-labelledby={headingId} data-testid="source-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sources.fields.name')}</Table.Th>
              <Table.Th>{t('sources.fields.url')}</Table.Th>
              <Table.Th>{t('sources.fields.reliability')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sources.data.map((source) => {
              const meaning = t(`sources.reliability.${source.reliability}`);
              return (
                <Table.Tr key={source.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {source.name}
                    </Text>
                    {source.notes !== undefined && source.notes !== '' && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {source.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    <Text size="sm" ff="monospace">
                      {source.url ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={gradeColour[source.reliability]} variant="light" aria-hidden>
                        {source.reliability}
                      </Badge>
                      <Text size="sm">
                        <VisuallyHidden>{`${source.reliability}: `}</VisuallyHidden>
                        {meaning}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('sources.edit.label', { name: source.name })}
                      aria-haspopup="dialog"
                      onClick={() => setEditing(source)}
                    >
                      {t('sources.edit.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <SourceFormModal
          caseId={caseId}
          {...(editing === 'new' ? {} : { initial: editing })}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
