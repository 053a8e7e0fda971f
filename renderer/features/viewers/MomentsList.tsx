import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Moment } from '../../../shared/evidence';
import { formatTime } from './time-format';

/**
 * The moments marked in a recording, in time order: the time jumps the player there (click or
 * Enter), the note is edited in place and saved when the field is left or Enter is pressed.
 */
export function MomentsList({
  moments,
  onJump,
  onSaveNote,
  onDelete,
}: {
  moments: readonly Moment[];
  onJump: (at: number) => void;
  onSaveNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useTranslation();
  const sorted = [...moments].sort((a, b) => a.at - b.at);
  return (
    <Stack gap={4} component="section" aria-labelledby="viewer-moments-title">
      <Title order={3} size="h6" id="viewer-moments-title">
        {t('viewer.moments.title')}
      </Title>
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
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function MomentRow({
  moment,
  onJump,
  onSaveNote,
  onDelete,
}: {
  moment: Moment;
  onJump: (at: number) => void;
  onSaveNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
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
