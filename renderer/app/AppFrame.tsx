import { AppShell, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SectionPage } from '../features/workspace/SectionPage';
import type { Language } from '../i18n/i18n';
import { sectionIds, type SectionId } from './sections';
import { StatusBar } from './StatusBar';

export function AppFrame({ onLanguageChange }: { onLanguageChange: (language: Language) => void }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<SectionId>('cases');
  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 220, breakpoint: 0 }}
      footer={{ height: 32 }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs" align="baseline">
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Group>
          <LanguageSwitch onChange={onLanguageChange} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <Stack gap={2}>
          {sectionIds.map((id) => (
            <NavLink
              key={id}
              component="button"
              label={t(`nav.${id}`)}
              active={id === section}
              aria-current={id === section ? 'page' : undefined}
              onClick={() => setSection(id)}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main aria-labelledby="section-title">
        <SectionPage section={section} />
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}
