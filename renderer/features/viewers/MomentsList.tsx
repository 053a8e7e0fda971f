import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pinpoint } from '../../../shared/charges';
import type { Moment } from '../../../shared/evidence';
import { LinkToElementModal } from './LinkToElementModal';
import { formatTime } from './time-format';

/** The item the moments belong to, and the player's time now; without it nothing is linked. */
export type MomentLinking = {
  readonly caseId: string;
  readonly evidenceId: string;
  readonly currentTime: () => number;
};

/**
 * The moments marked in a recording, in time order: the time jumps the player there (click or
 * Enter), the note is edited in place and saved when the field is left or Enter is pressed.
 */
export function MomentsList({
  moments,
  onJump,
  onSaveNote,
  onDelete,
  link,
}: {
  moments: readonly Moment[];
  onJump: (at: number) => void;
  onSaveNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  link?: MomentLinking;
}) {
  const { t } = useTranslation();
  const sorted = [...moments].sort((a, b) => a.at - b.at);
  const [linking, setLinking] = useState<Pinpoint | null>(null);
  const onLink = link === undefined ? undefined : (at: number) => setLinking({ start: at });
  return (
    <Stack gap={4} component="section" aria-labelledby="viewer-moments-title">
      <Group gap="xs" justify="space-between">
        <Title order={3} size="h6" id="viewer-moments-title">
          {t('viewer.moments.title')}
        </Title>
        {link !== undefined && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setLinking({ start: link.currentTime() })}
          >
            {t('viewer.link.currentTime')}
          </Button>
        )}
      </Group>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('viewer.moments.empty')}
        </Text>
      ) : (
        <Stack gap={4} component="ol" m={0} p={0} data-testid="moments-list">
          {sorted.map((moment) => (
            <MomentRow
              key={moment.id}
              moment={moment}
              onJump={onJump}
              onSaveNote={onSaveNote}
              onDelete={onDelete}
              onLink={onLink}
            />
          ))}
        </Stack>
      )}
      {link !== undefined && linking !== null && (
        <LinkToElementModal
          caseId={link.caseId}
          evidenceId={link.evidenceId}
          pinpoint={linking}
          onClose={() => setLinking(null)}
        />
      )}
    </Stack>
  );
}

function MomentRow({
  moment,
  onJump,
  onSaveNote,
  onDelete,
  onLink,
}: {
  moment: Moment;
  onJump: (at: number) => void;
  onSaveNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  onLink: ((at: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const time = formatTime(moment.at);
  const [note, setNote] = useState(moment.note);
  const save = () => {
    if (note !== moment.note) onSaveNote(moment.id, note);
  };
  return (
    <Group component="li" gap="xs" wrap="nowrap" className="viewer-moment">
      <Button
        variant="light"
        size="compact-sm"
        ff="monospace"
        onClick={() => onJump(moment.at)}
        aria-label={t('viewer.moments.jump', { time })}
      >
        {time}
      </Button>
      <TextInput
        size="xs"
        flex={1}
        value={note}
        maxLength={5000}
        placeholder={t('viewer.moments.notePlaceholder')}
        aria-label={t('viewer.moments.note', { time })}
        onChange={(event) => setNote(event.currentTarget.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
      {onLink !== undefined && (
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => onLink(moment.at)}
          aria-label={t('viewer.link.moment', { time })}
        >
          {t('viewer.link.open')}
        </Button>
      )}
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={() => onDelete(moment.id)}
        aria-label={t('viewer.moments.delete', { time })}
      >
        ×
      </ActionIcon>
    </Group>
  );
}
