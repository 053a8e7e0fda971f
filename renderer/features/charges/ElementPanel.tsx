import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeElement, ChargeRecord, LinkRecord, Stance } from '../../../shared/charges';
import type { EvidenceSummary } from '../../../shared/evidence';
import type { Analysis } from './analysis-queries';
import { carriesEvidence, droppedEvidence } from './evidence-drag';
import { LinkList } from './LinkList';
import type { LinkTarget } from './LinkFormModal';
import { OverrideControl } from './OverrideControl';
import { statusColor } from './status-colors';

type Computed = Analysis['board'][number]['elements'][number];

/** The three columns of an element; contradicting evidence stands with the defence's. */
const columns: { key: 'defence' | 'prosecution' | 'context'; stances: Stance[] }[] = [
  { key: 'defence', stances: ['defence', 'contradicts'] },
  { key: 'prosecution', stances: ['prosecution'] },
  { key: 'context', stances: ['context'] },
];

/** One element of a charge: where it stands, the evidence on either side, and how to add more. */
export function ElementPanel({
  caseId,
  charge,
  element,
  computed,
  links,
  items,
  onLink,
}: {
  caseId: string;
  charge: ChargeRecord;
  element: ChargeElement;
  computed: Computed | undefined;
  links: readonly LinkRecord[];
  items: readonly EvidenceSummary[];
  onLink: (target: LinkTarget) => void;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState<string | null>(null);
  const status = element.override?.status ?? computed?.status ?? 'unaddressed';
  const headingId = `element-${element.id}`;
  const target = { chargeId: charge.id, elementId: element.id, elementText: element.text };

  const dropProps = (stance: Stance) => ({
    onDragOver: (event: DragEvent) => {
      if (!carriesEvidence(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'link';
      setOver(stance);
    },
    onDragLeave: () => setOver(null),
    onDrop: (event: DragEvent) => {
      setOver(null);
      const evidenceId = droppedEvidence(event);
      if (evidenceId === null) return;
      event.preventDefault();
      onLink({ ...target, evidenceId, stance });
    },
  });

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId} data-testid="element">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            {element.text}
          </Title>
          <Badge color={statusColor[status]} flex="none" data-testid="element-status">
            {t('charges.element.status', { status: t(`charges.status.${status}`) })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" data-testid="element-status-source">
          {element.override === undefined
            ? t('charges.element.computed')
            : t('charges.element.overridden', { reason: element.override.reason })}
          {element.override !== undefined && computed !== undefined && (
            <>
              {' '}
              ·{' '}
              {t('charges.element.computedWas', {
                status: t(`charges.status.${computed.computed}`),
              })}
            </>
          )}
        </Text>
        {computed?.gap === true && (
          <Alert color="orange" variant="light" p="xs" data-testid="element-gap">
            {t('charges.element.gap')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {columns.map((column) => (
            <Paper
              key={column.key}
              p="xs"
              bg={over === column.key ? 'var(--mantine-color-blue-light)' : undefined}
              withBorder
              aria-label={t(`charges.element.${column.key}`)}
              role="group"
              {...dropProps(column.key)}
            >
              <Text size="sm" fw={600}>
                {t(`charges.element.${column.key}`)}
              </Text>
              <LinkList
                caseId={caseId}
                links={links.filter((l) => column.stances.includes(l.stance))}
                items={items}
              />
            </Paper>
          ))}
        </SimpleGrid>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            aria-haspopup="dialog"
            aria-label={t('charges.element.linkTo', { text: element.text })}
            onClick={() => onLink(target)}
          >
            {t('charges.element.link')}
          </Button>
          <OverrideControl caseId={caseId} chargeId={charge.id} element={element} />
        </Group>
      </Stack>
    </Paper>
  );
}
