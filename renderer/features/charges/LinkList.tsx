import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LinkRecord, Pinpoint } from '../../../shared/charges';
import type { EvidenceSummary } from '../../../shared/evidence';
import { useDeleteLink } from './analysis-queries';
import { formatClock } from './pinpoint-format';

/** The links in one column of an element: item, stance, pinpoint and note, each removable. */
export function LinkList({
  caseId,
  links,
  items,
}: {
  caseId: string;
  links: readonly LinkRecord[];
  items: readonly EvidenceSummary[];
}) {
  const { t } = useTranslation();
  const remove = useDeleteLink(caseId);
  if (links.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('charges.element.none')}
      </Text>
    );
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {links.map((link) => {
        const title =
          items.find((i) => i.id === link.evidenceId)?.title ?? t('charges.link.unknownItem');
        const pinpoint = describePinpoint(link.pinpoint, t);
        return (
          <li key={link.id} data-testid="link">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {title}
              </Text>
              <Group gap={4}>
                <Badge size="xs" variant="outline">
                  {t(`charges.stance.${link.stance}`)}
                </Badge>
                {pinpoint !== '' && <Text size="xs">{pinpoint}</Text>}
              </Group>
              {link.note !== undefined && link.note !== '' && (
                <Text size="xs" c="dimmed">
                  {link.note}
                </Text>
              )}
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={t('charges.link.removeNamed', { title })}
                onClick={() => remove.mutate(link.id)}
                disabled={remove.isPending}
                w="fit-content"
              >
                {t('charges.link.remove')}
              </Button>
            </Stack>
          </li>
        );
      })}
    </Stack>
  );
}

function describePinpoint(
  pinpoint: Pinpoint | undefined,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (pinpoint === undefined) return '';
  const parts: string[] = [];
  if (pinpoint.page !== undefined)
    parts.push(t('charges.link.pinpointPage', { page: pinpoint.page }));
  if (pinpoint.start !== undefined)
    parts.push(
      pinpoint.end === undefined
        ? t('charges.link.pinpointTime', { start: formatClock(pinpoint.start) })
        : t('charges.link.pinpointRange', {
            start: formatClock(pinpoint.start),
            end: formatClock(pinpoint.end),
          }),
    );
  if (pinpoint.quote !== undefined)
    parts.push(t('charges.link.pinpointQuote', { quote: pinpoint.quote }));
  return parts.join(' · ');
}
