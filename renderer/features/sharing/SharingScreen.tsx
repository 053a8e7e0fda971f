import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCases } from '../cases/case-queries';
import { useCurrentCase } from '../cases/current-case';
import { useGoToSection } from '../workspace/navigation';
import { ContactsPanel } from './ContactsPanel';
import { ExportModal } from './ExportModal';
import { IdentityCard } from './IdentityCard';
import { ImportModal } from './ImportModal';

/**
 * Sharing: this vault's key for colleagues, the contacts archives go to, export of the current
 * case and import of an archive. Only export needs a case; importing one must not wait for the
 * lawyer to pick an unrelated case, so the screen stands without one (and says where to pick
 * one for export) instead of giving way to NeedsCase.
 */
export function SharingScreen() {
  const { t } = useTranslation();
  const { caseId } = useCurrentCase();
  const cases = useCases();
  const goTo = useGoToSection();
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null);
  const title = cases.data?.find((c) => c.id === caseId)?.title;

  return (
    <Stack gap="lg" maw={980}>
      <Stack gap={0}>
        <Title order={1} size="h2" id="section-title">
          {t('nav.sharing')}
        </Title>
        {title !== undefined && (
          <Text c="dimmed" size="sm" data-testid="current-case-title">
            {t('workspace.caseCaption', { title })}
          </Text>
        )}
      </Stack>
      <Text c="dimmed">{t('sharing.intro')}</Text>
      <Group align="flex-start" grow wrap="wrap" gap="lg">
        <Stack gap="xs" component="section" aria-labelledby="sharing-export-title" miw={280}>
          <Title order={2} size="h3" id="sharing-export-title">
            {t('sharing.export.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sharing.export.hint')}
          </Text>
          {caseId === null ? (
            <>
              <Text size="sm">{t('sharing.export.needsCase')}</Text>
              <Group>
                <Button variant="default" onClick={() => goTo('cases')} data-testid="go-to-cases">
                  {t('workspace.goToCases')}
                </Button>
              </Group>
            </>
          ) : (
            <Group>
              <Button onClick={() => setDialog('export')} aria-haspopup="dialog">
                {t('sharing.export.open')}
              </Button>
            </Group>
          )}
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="sharing-import-title" miw={280}>
          <Title order={2} size="h3" id="sharing-import-title">
            {t('sharing.import.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sharing.import.hint')}
          </Text>
          <Group>
            <Button variant="default" onClick={() => setDialog('import')} aria-haspopup="dialog">
              {t('sharing.import.open')}
            </Button>
          </Group>
        </Stack>
      </Group>
      <Divider />
      <IdentityCard />
      <Divider />
      <ContactsPanel />
      {dialog === 'export' && caseId !== null && (
        <ExportModal caseId={caseId} onClose={() => setDialog(null)} />
      )}
      {dialog === 'import' && <ImportModal onClose={() => setDialog(null)} />}
    </Stack>
  );
}
