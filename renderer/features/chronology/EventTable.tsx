import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRecord } from '../../../shared/charges';
import type { EvidenceList } from '../evidence/evidence-queries';
import type { Analysis } from '../charges/analysis-queries';
import { useDeleteEvent } from '../charges/analysis-queries';
import { formatEventDate } from './event-dates';

/** The events in date order, each with its precision, evidence, persons and any date conflict. */
export function EventTable({
  caseId,
  analysis,
  library,
  onEdit,
}: {
  caseId: string;
  analysis: Analysis;
  library: EvidenceList;
  onEdit: (event: EventRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteEvent(caseId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const title = (id: string) => library.items.find((i) => i.id === id)?.title;
  const date = (event: { date: string; precision: EventRecord['precision'] }) => {
    const shown = formatEventDate(event.date, event.precision, i18n.language);
    return event.precision === 'approx' ? t('chronology.approxDate', { date: shown }) : shown;
  };

  return (
    <Table striped aria-label={t('chronology.listLabel')} data-testid="event-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('chronology.columns.date')}</Table.Th>
          <Table.Th>{t('chronology.columns.event')}</Table.Th>
          <Table.Th>{t('chronology.columns.evidence')}</Table.Th>
          <Table.Th>{t('chronology.columns.persons')}</Table.Th>
          <Table.Th>{t('chronology.columns.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {analysis.events.map((event) => {
          const conflict = analysis.conflicts.find((c) => c.eventId === event.id);
          const persons = event.personIds.flatMap(
            (id) => library.persons.find((p) => p.id === id)?.displayName ?? [],
          );
          return (
            <Table.Tr key={event.id} data-testid="event-row">
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{date(event)}</Text>
                  <Badge size="xs" variant="light">
                    {t(`chronology.precision.${event.precision}`)}
                  </Badge>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm">{event.text}</Text>
                  {conflict !== undefined && (
                    <Alert color="orange" variant="light" p="xs" data-testid="event-conflict">
                      {t('chronology.conflict', {
                        dates: conflict.dates
                          .map((d) => {
                            const dating = event.datings.find(
                              (x) => x.evidenceId === d.evidenceId && x.date === d.date,
                            );
                            const shown = date({
                              date: d.date,
                              precision: dating?.precision ?? event.precision,
                            });
                            return d.evidenceId === undefined
                              ? t('chronology.conflictOwn', { date: shown })
                              : t('chronology.conflictDate', {
                                  date: shown,
                                  source: title(d.evidenceId) ?? t('charges.link.unknownItem'),
                                });
                          })
                          .join('; '),
                      })}
                    </Alert>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {event.evidenceIds.flatMap((id) => title(id) ?? []).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{persons.join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                {confirming === event.id ? (
                  <Group gap={4} role="group" aria-label={t('chronology.deleteConfirm')}>
                    <Button
                      size="compact-xs"
                      color="red"
                      loading={remove.isPending}
                      onClick={() =>
                        remove.mutate(event.id, { onSuccess: () => setConfirming(null) })
                      }
                    >
                      {t('chronology.confirmDelete')}
                    </Button>
                    <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
                      {t('chronology.form.cancel')}
                    </Button>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      aria-haspopup="dialog"
                      aria-label={t('chronology.editNamed', { text: event.text })}
                      onClick={() => onEdit(event)}
                    >
                      {t('chronology.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('chronology.deleteNamed', { text: event.text })}
                      onClick={() => setConfirming(event.id)}
                    >
                      {t('chronology.delete')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
