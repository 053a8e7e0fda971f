import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArchiveImportSummary } from '../../../shared/archive';
import { formatDateTime, formatSize } from '../evidence/format';
import { ShaGroups } from './ShaGroups';

/** What a verified archive holds, and who it says sent it, before the lawyer accepts it. */
export function ImportSummary({ summary }: { summary: ArchiveImportSummary }) {
  const { t, i18n } = useTranslation();
  const { case: record, counts } = summary;
  const sender = summary.senderContact ?? summary.exportedBy.recipient;
  const rows: [string, string][] = [
    [t('sharing.import.summary.case'), record.title],
    ...(record.clients.length > 0
      ? [[t('sharing.import.summary.clients'), record.clients.join(', ')] as [string, string]]
      : []),
    ...(record.court === undefined
      ? []
      : [[t('sharing.import.summary.court'), record.court] as [string, string]]),
    ...(record.caseNumber === undefined
      ? []
      : [[t('sharing.import.summary.caseNumber'), record.caseNumber] as [string, string]]),
    [t('sharing.import.summary.contents'), t('sharing.import.summary.contentsValue', counts)],
    [
      t('sharing.import.summary.files'),
      t('sharing.import.summary.filesValue', {
        count: counts.files,
        size: formatSize(summary.bytes, i18n.language),
      }),
    ],
    [t('sharing.import.summary.exportedAt'), formatDateTime(summary.exportedAt, i18n.language)],
    [
      t('sharing.import.summary.from'),
      summary.senderContact !== null
        ? t('sharing.import.summary.fromContact', { name: summary.senderContact })
        : sender === undefined
          ? t('sharing.import.summary.fromNobody')
          : t('sharing.import.summary.fromUnknown', { recipient: sender }),
    ],
    [
      t('sharing.import.summary.custody'),
      t('sharing.import.summary.custodyValue', { count: summary.custody.entries }),
    ],
  ];
  return (
    <Stack gap="sm" data-testid="import-summary">
      <Title order={3} size="h4">
        {t('sharing.import.summary.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sharing.import.summary.verified')}
      </Text>
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="30%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ShaGroups
        label={t('sharing.import.summary.sha')}
        sha256={summary.archiveSha256}
        testId="import-sha"
      />
      <Text size="xs" c="dimmed">
        {t('sharing.import.summary.senderClaim')}
      </Text>
      {summary.asCopy && (
        <Alert color="yellow" data-testid="import-as-copy">
          {t('sharing.import.summary.asCopy')}
        </Alert>
      )}
    </Stack>
  );
}
