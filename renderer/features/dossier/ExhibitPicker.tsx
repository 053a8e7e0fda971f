import { Button, Group, ScrollArea, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/evidence';
import {
  exhibitNumbers,
  includeAll,
  moveBy,
  moveTo,
  setIncluded,
  sortByDate,
  type Choice,
} from './exhibit-choice';
import { ExhibitRow } from './ExhibitRow';

// Our own type, so that a drag from elsewhere (an evidence item, a file) is not taken for a row.
const dragType = 'application/x-habeas-exhibit';

/**
 * The case's items: which go into the dossier as exhibits, and in what order. The order is
 * changed with each row's buttons (keyboard) or by dragging rows (a mouse shortcut); each move
 * is announced to screen readers.
 */
export function ExhibitPicker({
  items,
  choice,
  onChange,
}: {
  items: readonly EvidenceSummary[];
  choice: Choice;
  onChange: (next: Choice) => void;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const rows = choice.order.flatMap((id) => {
    const item = byId.get(id);
    return item === undefined ? [] : [item];
  });
  const numbers = exhibitNumbers(choice);

  const move = (item: EvidenceSummary, next: Choice) => {
    onChange(next);
    const position = next.order.indexOf(item.id) + 1;
    setAnnouncement(
      t('dossier.exhibits.moved', { title: item.title, position, total: next.order.length }),
    );
  };
  const dragHandlers = (item: EvidenceSummary, index: number) => ({
    dragging: dragging === item.id,
    onDragStart: (event: DragEvent<HTMLElement>) => {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData(dragType, item.id);
      setDragging(item.id);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (dragging === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      const moved = dragging === null ? undefined : byId.get(dragging);
      if (moved === undefined) return;
      event.preventDefault();
      setDragging(null);
      move(moved, moveTo(choice, moved.id, index));
    },
    onDragEnd: () => setDragging(null),
  });

  return (
    <Stack gap="xs" component="section" aria-labelledby="dossier-exhibits-title">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2} size="h4" id="dossier-exhibits-title">
            {t('dossier.exhibits.title')}
          </Title>
          <Text size="xs" c="dimmed" data-testid="exhibit-count">
            {t('dossier.exhibits.count', { chosen: numbers.size, total: rows.length })}
          </Text>
        </Stack>
        {rows.length > 0 && (
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onChange(includeAll(choice, true))}
            >
              {t('dossier.exhibits.all')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onChange(includeAll(choice, false))}
            >
              {t('dossier.exhibits.none')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                onChange(sortByDate(choice, items));
                setAnnouncement(t('dossier.exhibits.sorted'));
              }}
            >
              {t('dossier.exhibits.sortByDate')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('dossier.exhibits.hint')}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dossier.exhibits.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <ScrollArea.Autosize mah={520}>
          <Stack
            gap={0}
            component="ul"
            aria-label={t('dossier.exhibits.listLabel')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {rows.map((item, index) => (
              <ExhibitRow
                key={item.id}
                item={item}
                number={numbers.get(item.id) ?? null}
                first={index === 0}
                last={index === rows.length - 1}
                included={choice.included.has(item.id)}
                onInclude={(included) => onChange(setIncluded(choice, item.id, included))}
                onMove={(offset) => move(item, moveBy(choice, item.id, offset))}
                drag={dragHandlers(item, index)}
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      <VisuallyHidden aria-live="polite" data-testid="exhibit-announcement">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}
