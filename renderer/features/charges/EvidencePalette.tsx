import { Card, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceSummary } from '../../../shared/evidence';
import { startEvidenceDrag } from './evidence-drag';

/**
 * The case's items, to drag onto an element's column. Dragging is a shortcut only: every
 * element has a "Link evidence…" button that does the same from the keyboard.
 */
export function EvidencePalette({ items }: { items: readonly EvidenceSummary[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="aside" aria-labelledby="evidence-palette-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="evidence-palette-title">
          {t('charges.palette.label')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('charges.palette.hint')}
        </Text>
        {items.length === 0 && <Text size="sm">{t('charges.palette.empty')}</Text>}
        <ScrollArea.Autosize mah={600}>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item) => (
              <Card
                key={item.id}
                component="li"
                withBorder
                padding="xs"
                draggable
                onDragStart={(event) => startEvidenceDrag(event, item.id)}
                title={t('charges.palette.dragItem', { title: item.title })}
                style={{ cursor: 'grab' }}
                data-testid="palette-item"
              >
                <Text size="sm">{item.title}</Text>
              </Card>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
