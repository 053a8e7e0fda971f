import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { CaseDetails } from './CaseDetails';
import { useCurrentCase } from './current-case';
import { useCases } from './case-queries';
import { CaseFormModal } from './CaseFormModal';

/**
 * The case list: every case with its clients, status and last activity. Picking one makes it
 * the current case, the one the other sections (evidence, persons…) work on.
 */
export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const cases = useCases();
  const [creating, setCreating] = useState(false);
  const { caseId: selected, setCaseId: setSelected } = useCurrentCase();
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2" id="section-title">
          {t('nav.cases')}
        </Title>
        <Button onClick={() => setCreating(true)} data-testid="new-case-button">
          {t('cases.new.open')}
        </Button>
      </Group>
      {cases.isError && <Alert color="red">{errorMessage(t, cases.error)}</Alert>}
      {cases.isSuccess && cases.data.length === 0 && <Text c="dimmed">{t('cases.empty')}</Text>}
      {cases.isSuccess && cases.data.length > 0 && (
        <Table highlightOnHover data-testid="case-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.fields.title')}</Table.Th>
              <Table.Th>{t('cases.fields.clients')}</Table.Th>
              <Table.Th>{t('cases.fields.status')}</Table.Th>
              <Table.Th>{t('cases.fields.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data.map((c) => (
              <Table.Tr
                key={c.id}
                tabIndex={0}
                aria-selected={c.id === selected}
                bg={c.id === selected ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => setSelected(c.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    setSelected(c.id);
                  }
                }}
              >
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.clients.join(', ')}</Table.Td>
                <Table.Td>{t(`cases.status.${c.status}`)}</Table.Td>
                <Table.Td>{date(c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected !== null && (
        <CaseDetails
          key={selected}
          id={selected}
          onDeleted={(id) => {
            if (id === selected) setSelected(null);
          }}
        />
      )}
      <CaseFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          setSelected(id);
        }}
      />
    </Stack>
  );
}
