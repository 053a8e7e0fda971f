import { ActionIcon, Checkbox, Group, Text } from '@mantine/core';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/evidence';
import { formatDate } from '../evidence/format';
import { KindBadge } from '../evidence/KindBadge';
import { exhibitDate } from './exhibit-choice';

export type RowDrag = {
  readonly onDragStart: (event: DragEvent<HTMLElement>) => void;
  readonly onDragOver: (event: DragEvent<HTMLElement>) => void;
  readonly onDrop: (event: DragEvent<HTMLElement>) => void;
  readonly onDragEnd: () => void;
  readonly dragging: boolean;
};

/**
 * One item of the case in the exhibit list: whether it goes in, the number it will get, and
 * buttons to move it. The buttons at either end stay focusable (aria-disabled, not disabled), so
 * focus does not drop to the page when an item reaches the top or the bottom.
 */
export function ExhibitRow({
  item,
  number,
  first,
  last,
  included,
  onInclude,
  onMove,
  drag,
}: {
  item: EvidenceSummary;
  /** Its exhibit number, or null when it is left out. */
  number: number | null;
  first: boolean;
  last: boolean;
  included: boolean;
  onInclude: (included: boolean) => void;
  onMove: (offset: -1 | 1) => void;
  drag: RowDrag;
}) {
  const { t, i18n } = useTranslation();
  const date = exhibitDate(item);
  return (
    <Group
      component="li"
      gap="sm"
      wrap="nowrap"
      px="xs"
      py={4}
      draggable
      onDragStart={drag.onDragStart}
      onDragOver={drag.onDragOver}
      onDrop={drag.onDrop}
      onDragEnd={drag.onDragEnd}
      title={t('dossier.exhibits.dragHint')}
      data-testid="exhibit-row"
      style={{
        borderBottom: '1px solid var(--mantine-color-default-border)',
        opacity: drag.dragging ? 0.5 : 1,
        cursor: 'grab',
      }}
    >
      <Text
        size="sm"
        c="dimmed"
        miw={110}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="exhibit-number"
      >
        {number === null ? t('dossier.exhibits.leftOut') : t('dossier.exhibits.number', { number })}
      </Text>
      <Checkbox
        checked={included}
        onChange={(e) => onInclude(e.currentTarget.checked)}
        label={item.title}
        style={{ flex: 1, minWidth: 0 }}
      />
      <KindBadge kind={item.kind} />
      <Text size="xs" c="dimmed" w={100}>
        {date === undefined ? t('dossier.exhibits.undated') : formatDate(date, i18n.language)}
      </Text>
      <Group gap={2} wrap="nowrap">
        <ActionIcon
          variant="subtle"
          aria-label={t('dossier.exhibits.moveUp', { title: item.title })}
          aria-disabled={first}
          onClick={() => {
            if (!first) onMove(-1);
          }}
        >
          ↑
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          aria-label={t('dossier.exhibits.moveDown', { title: item.title })}
          aria-disabled={last}
          onClick={() => {
            if (!last) onMove(1);
          }}
        >
          ↓
        </ActionIcon>
      </Group>
    </Group>
  );
}
