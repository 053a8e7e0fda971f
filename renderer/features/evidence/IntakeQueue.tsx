import { Anchor, Button, CloseButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatSize } from './format';
import { activeStates, useIntakeQueue, type QueueEntry } from './IntakeQueueProvider';

/** The files of this case being taken in: progress, outcome, and a way to stop each or all. */
export function IntakeQueue({
  caseId,
  onOpenItem,
}: {
  caseId: string;
  onOpenItem: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queue = useIntakeQueue();
  const entries = queue.entries.filter((e) => e.caseId === caseId);
  if (entries.length === 0) return null;
  const active = entries.filter((e) => activeStates.has(e.state)).length;
  const done = entries.filter((e) => e.state === 'added').length;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="intake-queue-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} id="intake-queue-title">
            {t('intake.queue.title', { done, total: entries.length })}
          </Text>
          <Group gap="xs">
            {active > 0 && (
              <Button
                size="xs"
                variant="default"
                onClick={() => queue.cancelAll(caseId)}
                data-testid="intake-cancel-all"
              >
                {t('intake.queue.cancelAll')}
              </Button>
            )}
            {active < entries.length && (
              <Button size="xs" variant="subtle" onClick={() => queue.clearFinished(caseId)}>
                {t('intake.queue.clear')}
              </Button>
            )}
          </Group>
        </Group>
        <Stack
          gap={6}
          component="ul"
          role="list"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {entries.map((entry) => (
            <QueueRow
              key={entry.id}
              entry={entry}
              onCancel={() => queue.cancel(entry.id)}
              onOpenItem={onOpenItem}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function QueueRow({
  entry,
  onCancel,
  onOpenItem,
}: {
  entry: QueueEntry;
  onCancel: () => void;
  onOpenItem: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const percent = entry.size === 0 ? 100 : Math.round((entry.sent / entry.size) * 100);
  const cancellable = entry.state === 'waiting' || entry.state === 'sending';
  return (
    <li data-testid="intake-entry" data-state={entry.state}>
      <Group gap="sm" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm" truncate="end" title={entry.fileName}>
              {entry.fileName}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatSize(entry.size, i18n.language)}
            </Text>
          </Group>
          {activeStates.has(entry.state) && (
            <Progress
              value={percent}
              size="sm"
              animated={entry.state === 'finishing'}
              aria-label={t('intake.queue.progress', { name: entry.fileName })}
            />
          )}
          <Outcome entry={entry} percent={percent} onOpenItem={onOpenItem} />
        </Stack>
        {cancellable && (
          <CloseButton
            onClick={onCancel}
            aria-label={t('intake.queue.cancel', { name: entry.fileName })}
          />
        )}
      </Group>
    </li>
  );
}

function Outcome({
  entry,
  percent,
  onOpenItem,
}: {
  entry: QueueEntry;
  percent: number;
  onOpenItem: (id: string) => void;
}) {
  const { t } = useTranslation();
  switch (entry.state) {
    case 'waiting':
      return (
        <Text size="xs" c="dimmed">
          {t('intake.queue.waiting')}
        </Text>
      );
    case 'sending':
      return (
        <Text size="xs" c="dimmed">
          {t('intake.queue.sending', { percent })}
        </Text>
      );
    case 'finishing':
      return (
        <Text size="xs" c="dimmed">
          {t('intake.queue.finishing')}
        </Text>
      );
    case 'added':
      return (
        <Text size="xs" c="green">
          {t('intake.queue.added')}{' '}
          {entry.itemId !== undefined && (
            <Anchor component="button" size="xs" onClick={() => onOpenItem(entry.itemId ?? '')}>
              {t('intake.queue.open')}
            </Anchor>
          )}
        </Text>
      );
    case 'duplicate':
      return (
        <Text size="xs" c="orange">
          {t('intake.queue.duplicate')}{' '}
          <Anchor
            component="button"
            size="xs"
            onClick={() => onOpenItem(entry.existing?.id ?? '')}
            data-testid="intake-duplicate-link"
          >
            {entry.existing?.title}
          </Anchor>
        </Text>
      );
    case 'failed':
      return (
        <Text size="xs" c="red" role="alert">
          {t('intake.queue.failed', { message: t(`errors.${entry.code ?? 'INTERNAL'}`) })}
        </Text>
      );
    case 'cancelled':
      return (
        <Text size="xs" c="dimmed">
          {t('intake.queue.cancelled')}
        </Text>
      );
  }
}
