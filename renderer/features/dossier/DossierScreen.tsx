import { Alert, Divider, Grid, Loader, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentCase } from '../cases/current-case';
import { useAnalysis } from '../charges/analysis-queries';
import { useEvidenceList } from '../evidence/evidence-queries';
import { errorMessage } from '../vault/error-message';
import { NeedsCase } from '../workspace/NeedsCase';
import { SectionHeading } from '../workspace/SectionHeading';
import { BuildPanel } from './BuildPanel';
import { ChargePicker } from './ChargePicker';
import { defaultOptions, dossierRequest, optionProblems } from './dossier-options';
import { DossierOptionsForm } from './DossierOptionsForm';
import type { OpenFile } from './DossierFiles';
import { EarlierDossiers } from './EarlierDossiers';
import { byDate, chosenIds, reconcileChoice, type Choice } from './exhibit-choice';
import { ExhibitPicker } from './ExhibitPicker';
import { FileViewerModal } from './FileViewerModal';
import { PreviewPanel } from './PreviewPanel';

/**
 * The dossier section: the options of a filing, the charges and exhibits it contains and their
 * order, a live preview of its own pages, the build, and the dossiers built before.
 */
export function DossierScreen() {
  const { caseId } = useCurrentCase();
  if (caseId === null) return <NeedsCase section="dossier" />;
  return <CaseDossier key={caseId} caseId={caseId} />;
}

function CaseDossier({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const analysis = useAnalysis(caseId);
  const evidence = useEvidenceList(caseId);
  const [options, setOptions] = useState(() =>
    defaultOptions(i18n.language === 'ru' ? 'ru' : 'en'),
  );
  const [showRequired, setShowRequired] = useState(false);
  // Null until the lawyer changes something: until then, everything in the case's order.
  const [chargeChoice, setChargeChoice] = useState<Choice | null>(null);
  const [exhibitChoice, setExhibitChoice] = useState<Choice | null>(null);
  const [viewing, setViewing] = useState<OpenFile | null>(null);

  const charges = useMemo(() => analysis.data?.charges ?? [], [analysis.data]);
  const items = useMemo(() => evidence.data?.items ?? [], [evidence.data]);
  const chargesChosen = useMemo(
    () =>
      reconcileChoice(
        chargeChoice,
        charges.map((c) => c.id),
      ),
    [chargeChoice, charges],
  );
  const exhibitsChosen = useMemo(
    () => reconcileChoice(exhibitChoice, byDate(items)),
    [exhibitChoice, items],
  );
  const titles = useMemo(() => new Map(items.map((item) => [item.id, item.title])), [items]);
  const problems = optionProblems(options);
  const ready = analysis.isSuccess && evidence.isSuccess;
  const request = useMemo(
    () =>
      ready
        ? dossierRequest(caseId, options, chosenIds(chargesChosen), chosenIds(exhibitsChosen))
        : null,
    [ready, caseId, options, chargesChosen, exhibitsChosen],
  );

  return (
    <Stack gap="md">
      <SectionHeading section="dossier" caseId={caseId} />
      {analysis.isError && <Alert color="red">{errorMessage(t, analysis.error)}</Alert>}
      {evidence.isError && <Alert color="red">{errorMessage(t, evidence.error)}</Alert>}
      {(analysis.isPending || evidence.isPending) && <Loader aria-label={t('dossier.loading')} />}
      {ready && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack gap="lg">
              <DossierOptionsForm
                options={options}
                problems={problems}
                showRequired={showRequired}
                onChange={setOptions}
                onTitleBlur={() => setShowRequired(true)}
              />
              <ChargePicker charges={charges} choice={chargesChosen} onChange={setChargeChoice} />
              <ExhibitPicker items={items} choice={exhibitsChosen} onChange={setExhibitChoice} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <PreviewPanel caseId={caseId} request={request} />
          </Grid.Col>
        </Grid>
      )}
      {ready && (
        <>
          <Divider />
          <BuildPanel
            caseId={caseId}
            request={request}
            titles={titles}
            onInvalid={() => setShowRequired(true)}
            onOpen={setViewing}
          />
        </>
      )}
      <Divider />
      <EarlierDossiers caseId={caseId} titles={titles} onOpen={setViewing} />
      {viewing !== null && <FileViewerModal file={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
