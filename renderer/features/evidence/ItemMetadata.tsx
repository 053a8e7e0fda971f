import { Alert, Button, Code, CopyButton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { formatSize } from './format';
import { metadataRows } from './metadata-rows';

/** The original file as received (name, type, size, SHA-256) and what intake read from it. */
export function ItemMetadata({ item }: { item: EvidenceRecord }) {
  const { t, i18n } = useTranslation();
  const { file } = item;
  const rows = metadataRows(item.metadata, t, i18n.language);
  const line = (label: string, value: ReactNode, key: string = label) => (
    <Table.Tr key={key}>
      <Table.Th w="35%" fw={500} c="dimmed" scope="row">
        {label}
      </Table.Th>
      <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="item-file-title">
      <Title order={2} size="h4" id="item-file-title">
        {t('evidence.item.fileTitle')}
      </Title>
      {file === undefined ? (
        <Text size="sm" c="dimmed">
          {t('evidence.item.noFile')}
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4} data-testid="item-file">
          <Table.Tbody>
            {line(t('evidence.item.fileName'), file.name)}
            {line(t('evidence.item.mimeType'), file.mimeType)}
            {line(
              t('evidence.item.size'),
              t('evidence.item.sizeValue', {
                size: formatSize(file.size, i18n.language),
                bytes: new Intl.NumberFormat(i18n.language).format(file.size),
              }),
            )}
            {line(
              'SHA-256',
              <Stack gap={4} align="flex-start">
                <Code style={{ wordBreak: 'break-all' }} data-testid="item-sha256">
                  {file.sha256}
                </Code>
                <CopyButton value={file.sha256}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="default" onClick={copy}>
                      {copied ? t('evidence.item.copied') : t('evidence.item.copyHash')}
                    </Button>
                  )}
                </CopyButton>
              </Stack>,
            )}
          </Table.Tbody>
        </Table>
      )}
      {item.intakeNotes.map((note, index) => (
        <Alert key={`${note.code}-${String(index)}`} color="yellow" variant="light" role="note">
          {t(`evidence.intakeNotes.${note.code}`)}
          {note.detail === undefined ? '' : ` (${note.detail})`}
        </Alert>
      ))}
      {rows.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('evidence.item.metadataTitle')}
          </Title>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="item-metadata">
            <Table.Tbody>{rows.map((row, i) => line(row.label, row.value, String(i)))}</Table.Tbody>
          </Table>
        </>
      )}
      {item.metadata.xmp !== undefined && (
        <details>
          <summary>{t('evidence.item.xmp')}</summary>
          <Code block style={{ maxHeight: 240, overflow: 'auto' }}>
            {item.metadata.xmp}
          </Code>
        </details>
      )}
    </Stack>
  );
}
