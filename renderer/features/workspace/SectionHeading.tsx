import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionId } from '../../app/sections';
import { useCases } from '../cases/case-queries';

/** A section's title with the current case's, and the section's actions on the right. */
export function SectionHeading({
  section,
  caseId,
  children,
}: {
  section: SectionId;
  caseId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const cases = useCases();
  const title = cases.data?.find((c) => c.id === caseId)?.title;
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={0}>
        <Title order={1} size="h2" id="section-title">
          {t(`nav.${section}`)}
        </Title>
        {title !== undefined && (
          <Text c="dimmed" size="sm" data-testid="current-case-title">
            {t('workspace.caseCaption', { title })}
          </Text>
        )}
      </Stack>
      {children !== undefined && <Group gap="xs">{children}</Group>}
    </Group>
  );
}
