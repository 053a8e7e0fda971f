import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRecord } from '../../../shared/charges';
import { useCurrentCase } from '../cases/current-case';
import { useAnalysis } from '../charges/analysis-queries';
import { useEvidenceList } from '../evidence/evidence-queries';
import { errorMessage } from '../vault/error-message';
import { NeedsCase } from '../workspace/NeedsCase';
import { SectionHeading } from '../workspace/SectionHeading';
import { CorroborationMatrix } from './CorroborationMatrix';
import { EventFormModal } from './EventFormModal';
import { EventTable } from './EventTable';
import { Timeline } from './Timeline';

/** The chronology: events in date order, on a timeline, and how well each is corroborated. */
export function ChronologyScreen() {
  const { caseId } = useCurrentCase();
  if (caseId === null) return <NeedsCase section="chronology" />;
  return <CaseChronology key={caseId} caseId={caseId} />;
}

function CaseChronology({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const analysis = useAnalysis(caseId);
  const evidence = useEvidenceList(caseId);
  const [editing, setEditing] = useState<EventRecord | 'new' | null>(null);
  const library = evidence.data ?? { items: [], sources: [], persons: [] };

  return (
    <Stack gap="md">
      <SectionHeading section="chronology" caseId={caseId}>
        <Button onClick={() => setEditing('new')} aria-haspopup="dialog">
          {t('chronology.add')}
        </Button>
      </SectionHeading>
      {analysis.isError && <Alert color="red">{errorMessage(t, analysis.error)}</Alert>}
      {evidence.isError && <Alert color="red">{errorMessage(t, evidence.error)}</Alert>}
      {analysis.isPending && <Loader aria-label={t('chronology.loading')} />}
      {analysis.isSuccess && analysis.data.events.length === 0 && (
        <Text c="dimmed">{t('chronology.empty')}</Text>
      )}
      {analysis.isSuccess && analysis.data.events.length > 0 && (
        <>
          <Timeline events={analysis.data.events} conflicts={analysis.data.conflicts} />
          <EventTable
            caseId={caseId}
            analysis={analysis.data}
            library={library}
            onEdit={setEditing}
          />
          <Stack gap="xs" component="section" aria-labelledby="corroboration-title">
            <Title order={2} size="h3" id="corroboration-title">
              {t('chronology.matrix.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('chronology.matrix.hint')}
            </Text>
            <CorroborationMatrix analysis={analysis.data} library={library} />
          </Stack>
        </>
      )}
      {editing !== null && (
        <EventFormModal
          caseId={caseId}
          initial={editing === 'new' ? undefined : editing}
          library={library}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
