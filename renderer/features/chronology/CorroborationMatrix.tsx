import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../charges/analysis-queries';
import type { EvidenceList } from '../evidence/evidence-queries';

/**
 * Events × the items behind them. A cell shows the item's source grade (A–F) and its own
 * credibility (1–6); the last column counts independent sources, as core groups them: items
 * that derive from one another are one source, however many times it was repeated.
 */
export function CorroborationMatrix({
  analysis,
  library,
}: {
  analysis: Analysis;
  library: EvidenceList;
}) {
  const { t } = useTranslation();
  const used = new Set(analysis.corroboration.flatMap((c) => c.sources.map((s) => s.evidenceId)));
  const columns = [
    ...library.items.filter((item) => used.has(item.id)).map((item) => item.id),
    ...[...used].filter((id) => !library.items.some((item) => item.id === id)),
  ];
  if (columns.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('chronology.matrix.empty')}
      </Text>
    );
  const item = (id: string) => library.items.find((i) => i.id === id);
  const sourceName = (id: string) => {
    const sourceId = item(id)?.sourceId;
    return library.sources.find((s) => s.id === sourceId)?.name;
  };

  return (
    <Table.ScrollContainer minWidth={400}>
      <Table withTableBorder withColumnBorders aria-label={t('chronology.matrix.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('chronology.matrix.event')}</Table.Th>
            {columns.map((id) => (
              <Table.Th key={id} scope="col">
                <Text size="sm" fw={600}>
                  {item(id)?.title ?? t('charges.link.unknownItem')}
                </Text>
                {sourceName(id) !== undefined && (
                  <Text size="xs" c="dimmed">
                    {sourceName(id)}
                  </Text>
                )}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('chronology.matrix.independent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.events.map((event) => {
            const row = analysis.corroboration.find((c) => c.eventId === event.id);
            return (
              <Table.Tr key={event.id} data-testid="matrix-row">
                <Table.Th scope="row">{event.text}</Table.Th>
                {columns.map((id) => {
                  const source = row?.sources.find((s) => s.evidenceId === id);
                  if (source === undefined) return <Table.Td key={id} />;
                  const reliability = source.reliability ?? t('chronology.matrix.noGrade');
                  const twins = row?.sources.filter(
                    (s) => s.group === source.group && s.evidenceId !== id,
                  );
                  const cell = t('chronology.matrix.cell', {
                    reliability,
                    credibility: source.credibility,
                  });
                  return (
                    <Table.Td key={id} title={cell}>
                      <Text size="sm" aria-label={cell} role="img">
                        ✓{' '}
                        {t('chronology.matrix.gradeShort', {
                          reliability,
                          credibility: source.credibility,
                        })}
                      </Text>
                      {twins !== undefined && twins.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('chronology.matrix.sameGroup', {
                            titles: twins
                              .map(
                                (s) => item(s.evidenceId)?.title ?? t('charges.link.unknownItem'),
                              )
                              .join(', '),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td data-testid="independent-count">{row?.independent ?? 0}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
