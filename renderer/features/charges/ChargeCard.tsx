import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeRecord } from '../../../shared/charges';
import type { EvidenceSummary } from '../../../shared/evidence';
import { formatDate } from '../evidence/format';
import { errorMessage } from '../vault/error-message';
import type { Analysis } from './analysis-queries';
import { useDeleteCharge } from './analysis-queries';
import { EditChargeModal } from './EditChargeModal';
import { ElementPanel } from './ElementPanel';
import type { LinkTarget } from './LinkFormModal';

/** One charge: its article and status, and each of its elements with the evidence on it. */
export function ChargeCard({
  caseId,
  charge,
  analysis,
  items,
  onLink,
}: {
  caseId: string;
  charge: ChargeRecord;
  analysis: Analysis;
  items: readonly EvidenceSummary[];
  onLink: (target: LinkTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const remove = useDeleteCharge(caseId);
  const board = analysis.board.find((b) => b.chargeId === charge.id);
  const headingId = `charge-${charge.id}`;
  const heading =
    charge.part === undefined
      ? t('charges.heading', { statute: charge.statute, article: charge.article })
      : t('charges.headingPart', {
          statute: charge.statute,
          article: charge.article,
          part: charge.part,
        });

  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="charge">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3" id={headingId}>
              {charge.title}
            </Title>
            <Text size="sm" c="dimmed">
              {heading}
            </Text>
            <Group gap="xs">
              <Badge variant="light">{t(`charges.chargeStatus.${charge.status}`)}</Badge>
              {charge.dateCharged !== undefined && (
                <Text size="sm">
                  {t('charges.charged', { date: formatDate(charge.dateCharged, i18n.language) })}
                </Text>
              )}
            </Group>
          </Stack>
          {confirming ? (
            <Group gap="xs" role="group" aria-label={t('charges.deleteConfirm')}>
              <Text size="sm">{t('charges.deleteConfirm')}</Text>
              <Button
                color="red"
                size="xs"
                loading={remove.isPending}
                onClick={() => remove.mutate(charge.id)}
              >
                {t('charges.confirmDelete')}
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  remove.reset();
                  setConfirming(false);
                }}
              >
                {t('charges.cancel')}
              </Button>
            </Group>
          ) : (
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                aria-label={t('charges.edit.openNamed', { article: charge.article })}
                onClick={() => setEditing(true)}
              >
                {t('charges.edit.open')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                aria-label={t('charges.deleteNamed', { article: charge.article })}
                onClick={() => setConfirming(true)}
              >
                {t('charges.delete')}
              </Button>
            </Group>
          )}
        </Group>
        {remove.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, remove.error, { NOT_FOUND: t('charges.edit.notFound') })}
          </Alert>
        )}
        {charge.elements.map((element) => {
          const computed = board?.elements.find((e) => e.elementId === element.id);
          return (
            <ElementPanel
              key={element.id}
              caseId={caseId}
              charge={charge}
              element={element}
              computed={computed}
              links={analysis.links.filter((l) => l.elementId === element.id)}
              items={items}
              onLink={onLink}
            />
          );
        })}
      </Stack>
      {editing && (
        <EditChargeModal
          caseId={caseId}
          charge={charge}
          heading={heading}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
