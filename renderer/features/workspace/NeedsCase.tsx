import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionId } from '../../app/sections';
import { useGoToSection } from './navigation';

/** What a case-bound section shows before a case is picked: where to pick one. */
export function NeedsCase({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  const goTo = useGoToSection();
  return (
    <Stack gap="sm" maw={760} align="flex-start">
      <Title order={1} size="h2" id="section-title">
        {t(`nav.${section}`)}
      </Title>
      <Text c="dimmed">{t(`sections.${section}`)}</Text>
      <Text>{t('workspace.chooseCase')}</Text>
      <Button onClick={() => goTo('cases')} data-testid="go-to-cases">
        {t('workspace.goToCases')}
      </Button>
    </Stack>
  );
}
