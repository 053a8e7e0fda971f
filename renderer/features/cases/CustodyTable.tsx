import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import type { CustodyEntry } from '../../../shared/custody';

type CustodyLog = ChannelOutput<'custody:list'>;

const pageSize = 50;

function detailText(value: string | number | boolean | null): string {
  const text = String(value);
  // Hashes are long; the start is enough to tell them apart on screen, the title has it all.
  return text.length > 24 ? `${text.slice(0, 16)}…` : text;
}

/**
 * A custody log as a table, newest first, with whether its hash chain verifies. Long logs
 * (a case with thousands of items) show a page at a time.
 */
export function CustodyTable({
  log,
  describeSubject,
  label,
  oneSubject = false,
  quietWhenVerified = false,
}: {
  log: CustodyLog;
  /** The log of one item: the "About" column would say the same on every row. */
  oneSubject?: boolean;
  /** Where the screen already says the log verifies, only a failure is worth repeating. */
  quietWhenVerified?: boolean;
  /** A readable name for an entry's subject (an item's title), when the screen knows one. */
  describeSubject?: (subject: CustodyEntry['subject']) => string | undefined;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(pageSize);
  const entries = [...log.entries].reverse();
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <Stack gap="xs">
      {log.ok ? (
        !quietWhenVerified && (
          <Text size="sm" c="green" data-testid="custody-status">
            {t('custodyLog.verified', { total: log.total, head: log.head.slice(0, 16) })}
          </Text>
        )
      ) : (
        <Alert color="red" role="alert" data-testid="custody-status">
          {log.brokenAt === undefined
            ? t('custodyLog.broken')
            : t('custodyLog.brokenAt', { seq: log.brokenAt })}
        </Alert>
      )}
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('custodyLog.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={oneSubject ? 480 : 640}>
          <Table striped aria-label={label} data-testid="custody-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('custodyLog.columns.seq')}</Table.Th>
                <Table.Th>{t('custodyLog.columns.at')}</Table.Th>
                <Table.Th>{t('custodyLog.columns.action')}</Table.Th>
                {!oneSubject && <Table.Th>{t('custodyLog.columns.subject')}</Table.Th>}
                <Table.Th>{t('custodyLog.columns.actor')}</Table.Th>
                <Table.Th>{t('custodyLog.columns.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.slice(0, shown).map((entry) => (
                <Table.Tr key={entry.seq}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>{when(entry.at)}</Table.Td>
                  <Table.Td>{t(`custodyLog.actions.${entry.action}`)}</Table.Td>
                  {!oneSubject && (
                    <Table.Td>
                      {t(`custodyLog.subjects.${entry.subject.kind}`, {
                        defaultValue: entry.subject.kind,
                      })}
                      {': '}
                      {describeSubject?.(entry.subject) ?? (
                        <Code>{entry.subject.id.slice(0, 8)}</Code>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>{entry.actor}</Table.Td>
                  <Table.Td>
                    {Object.entries(entry.details ?? {}).map(([key, value]) => (
                      <Text key={key} size="xs" title={String(value)}>
                        {key}: {detailText(value)}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {entries.length > shown && (
        <Group>
          <Button variant="default" size="xs" onClick={() => setShown((n) => n + pageSize)}>
            {t('custodyLog.more', { number: Math.min(pageSize, entries.length - shown) })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
