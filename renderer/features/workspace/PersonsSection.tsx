import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonsPanel } from '../persons/PersonsPanel';
import { SourcesPanel } from '../persons/SourcesPanel';
import { useCurrentCase } from '../cases/current-case';
import { NeedsCase } from './NeedsCase';
import { SectionHeading } from './SectionHeading';

/** The persons of the current case and the sources its evidence came from, as two tabs. */
export function PersonsSection() {
  const { t } = useTranslation();
  const { caseId } = useCurrentCase();
  const [tab, setTab] = useState<string | null>('persons');
  if (caseId === null) return <NeedsCase section="persons" />;
  return (
    <Stack gap="md">
      <SectionHeading section="persons" caseId={caseId} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('workspace.personsTabs')}>
          <Tabs.Tab value="persons">{t('workspace.personsTab')}</Tabs.Tab>
          <Tabs.Tab value="sources">{t('workspace.sourcesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="persons" pt="md">
          <PersonsPanel caseId={caseId} />
        </Tabs.Panel>
        <Tabs.Panel value="sources" pt="md">
          <SourcesPanel caseId={caseId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
