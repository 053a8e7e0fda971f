import { AppShell, Button, Group, NavLink, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LockButton } from '../features/vault/LockButton';
import { SettingsModal } from '../features/vault/SettingsModal';
import { CasesScreen } from '../features/cases/CasesScreen';
import { ChargesScreen } from '../features/charges/ChargesScreen';
import { ChronologyScreen } from '../features/chronology/ChronologyScreen';
import { CurrentCaseProvider } from '../features/cases/current-case';
import { DossierScreen } from '../features/dossier/DossierScreen';
import { EvidenceScreen } from '../features/evidence/EvidenceScreen';
import { IntakeQueueProvider } from '../features/evidence/IntakeQueueProvider';
import { NavigationProvider } from '../features/workspace/navigation';
import { PersonsSection } from '../features/workspace/PersonsSection';
import { SearchLauncher } from '../features/search/SearchLauncher';
import { SharingScreen } from '../features/sharing/SharingScreen';
import type { Language } from '../i18n/i18n';
import { missingCase } from '../../shared/errors';
import { sectionIds, type SectionId } from './sections';
import { StatusBar } from './StatusBar';
import { AppTitle } from '../components/AppTitle';

function SectionContent({ section }: { section: SectionId }) {
  switch (section) {
    case 'cases':
      return <CasesScreen />;
    case 'evidence':
      return <EvidenceScreen />;
    case 'persons':
      return <PersonsSection />;
    case 'charges':
      return <ChargesScreen />;
    case 'chronology':
      return <ChronologyScreen />;
    case 'dossier':
      return <DossierScreen />;
    case 'sharing':
      return <SharingScreen />;
    default:
      return missingCase(section);
  }
}

export function AppFrame({ onLanguageChange }: { onLanguageChange: (language: Language) => void }) {
  return (
    <CurrentCaseProvider>
      <IntakeQueueProvider>
        <Frame onLanguageChange={onLanguageChange} />
      </IntakeQueueProvider>
    </CurrentCaseProvider>
  );
}

function Frame({ onLanguageChange }: { onLanguageChange: (language: Language) => void }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<SectionId>('cases');
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <NavigationProvider goTo={setSection}>
      <AppShell
        header={{ height: 48 }}
        navbar={{ width: 220, breakpoint: 0 }}
        footer={{ height: 32 }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <AppTitle />
            <Group gap="xs">
              <SearchLauncher />
              <LanguageSwitch onChange={onLanguageChange} />
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setSettingsOpen(true)}
                aria-haspopup="dialog"
                data-testid="settings-button"
              >
                {t('settings.open')}
              </Button>
              <LockButton />
            </Group>
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
          <SectionContent section={section} />
        </AppShell.Main>
        <AppShell.Footer>
          <StatusBar />
        </AppShell.Footer>
        <SettingsModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
      </AppShell>
    </NavigationProvider>
  );
}
