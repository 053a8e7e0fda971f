import { Alert, Button, Grid, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentCase } from '../cases/current-case';
import { useEvidenceList } from '../evidence/evidence-queries';
import { errorMessage } from '../vault/error-message';
import { NeedsCase } from '../workspace/NeedsCase';
import { SectionHeading } from '../workspace/SectionHeading';
import { AddChargeModal } from './AddChargeModal';
import { useAnalysis } from './analysis-queries';
import { ChargeCard } from './ChargeCard';
import { EvidencePalette } from './EvidencePalette';
import { LinkFormModal, type LinkTarget } from './LinkFormModal';
import { TemplatesModal } from './TemplatesModal';

/** The charges section: each charge of the current case, element by element, with its evidence. */
export function ChargesScreen() {
  const { caseId } = useCurrentCase();
  if (caseId === null) return <NeedsCase section="charges" />;
  return <CaseCharges key={caseId} caseId={caseId} />;
}

function CaseCharges({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const analysis = useAnalysis(caseId);
  const evidence = useEvidenceList(caseId);
  const [adding, setAdding] = useState(false);
  const [managingTemplates, setManagingTemplates] = useState(false);
  const [linking, setLinking] = useState<LinkTarget | null>(null);
  const items = evidence.data?.items ?? [];

  return (
    <Stack gap="md">
      <SectionHeading section="charges" caseId={caseId}>
        <Button onClick={() => setAdding(true)} aria-haspopup="dialog">
          {t('charges.add')}
        </Button>
        <Button variant="default" onClick={() => setManagingTemplates(true)} aria-haspopup="dialog">
          {t('charges.templates.open')}
        </Button>
      </SectionHeading>
      {analysis.isError && <Alert color="red">{errorMessage(t, analysis.error)}</Alert>}
      {evidence.isError && <Alert color="red">{errorMessage(t, evidence.error)}</Alert>}
      {analysis.isPending && <Loader aria-label={t('charges.loading')} />}
      {analysis.isSuccess && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md" component="section" aria-label={t('charges.boardLabel')}>
              {analysis.data.charges.length === 0 && <Text c="dimmed">{t('charges.empty')}</Text>}
              {analysis.data.charges.map((charge) => (
                <ChargeCard
                  key={charge.id}
                  caseId={caseId}
                  charge={charge}
                  analysis={analysis.data}
                  items={items}
                  onLink={setLinking}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <EvidencePalette items={items} />
          </Grid.Col>
        </Grid>
      )}
      {adding && <AddChargeModal caseId={caseId} onClose={() => setAdding(false)} />}
      {managingTemplates && <TemplatesModal onClose={() => setManagingTemplates(false)} />}
      {linking !== null && (
        <LinkFormModal
          caseId={caseId}
          target={linking}
          items={items}
          onClose={() => setLinking(null)}
        />
      )}
    </Stack>
  );
}
