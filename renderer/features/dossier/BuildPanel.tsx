import { Alert, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierProgress, DossierRequest } from '../../../shared/dossier';
import { describeCallFailure, describeFailure, type BuildFailure } from './build-failure';
import { useBuildProgress, useCancelBuild, useStartBuild } from './dossier-queries';
import { DossierFiles, type OpenFile } from './DossierFiles';
import { ProblemList } from './ProblemList';

/**
 * Builds the dossier in the background (core runs it off the main thread) and follows it: the
 * stage, the exhibits placed so far, a way to stop it, and the files once it is done.
 */
export function BuildPanel({
  caseId,
  request,
  titles,
  onInvalid,
  onOpen,
}: {
  caseId: string;
  /** Null while the options have a problem. */
  request: DossierRequest | null;
  titles: ReadonlyMap<string, string>;
  /** Asked to build with options that have a problem: the form shows them all. */
  onInvalid: () => void;
  onOpen: (file: OpenFile) => void;
}) {
  const { t } = useTranslation();
  const start = useStartBuild();
  const cancel = useCancelBuild();
  const [jobId, setJobId] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const progress = useBuildProgress(caseId, jobId);
  const state = progress.data?.state;
  const running =
    start.isPending ||
    (jobId !== null && !progress.isError && (state === undefined || state === 'running'));
  const failure: BuildFailure | null = start.isError
    ? describeCallFailure(t, start.error)
    : progress.isError
      ? describeCallFailure(t, progress.error)
      : state === 'failed' && progress.data?.error !== undefined
        ? describeFailure(t, progress.data.error)
        : null;

  const build = () => {
    if (request === null) {
      setInvalid(true);
      onInvalid();
      return;
    }
    setInvalid(false);
    setJobId(null);
    cancel.reset();
    start.mutate(request, { onSuccess: setJobId });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="dossier-build-title">
      <Title order={2} size="h4" id="dossier-build-title">
        {t('dossier.build.title')}
      </Title>
      <Group gap="sm">
        <Button onClick={build} loading={running} disabled={running}>
          {t('dossier.build.start')}
        </Button>
        {running && jobId !== null && (
          <Button
            variant="default"
            onClick={() => cancel.mutate(jobId)}
            loading={cancel.isPending}
            disabled={cancel.isSuccess}
          >
            {t('dossier.build.cancel')}
          </Button>
        )}
      </Group>
      {invalid && request === null && (
        <Alert color="yellow" role="alert">
          {t('dossier.build.fixOptions')}
        </Alert>
      )}
      {running && <ProgressLine progress={progress.data} cancelling={cancel.isSuccess} />}
      {cancel.isError && (
        <Alert color="red" role="alert">
          {describeCallFailure(t, cancel.error).summary}
        </Alert>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" title={t('dossier.build.failed')}>
          <Text size="sm">{failure.summary}</Text>
          {failure.detail !== undefined && (
            <Text size="xs" c="dimmed" mt={4}>
              {failure.detail}
            </Text>
          )}
        </Alert>
      )}
      {state === 'cancelled' && <Text role="status">{t('dossier.build.cancelled')}</Text>}
      {state === 'done' && progress.data?.dossier !== undefined && (
        <Stack gap="xs" data-testid="dossier-built">
          <Text role="status" fw={600}>
            {t('dossier.build.done')}
          </Text>
          <DossierFiles caseId={caseId} dossier={progress.data.dossier} onOpen={onOpen} />
          <ProblemList problems={progress.data.dossier.problems} titles={titles} />
        </Stack>
      )}
    </Stack>
  );
}

function ProgressLine({
  progress,
  cancelling,
}: {
  progress: DossierProgress | undefined;
  cancelling: boolean;
}) {
  const { t } = useTranslation();
  const stage = progress?.stage ?? 'reading';
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <Stack gap={4} data-testid="build-progress">
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          animated
          withAria={false}
          role="progressbar"
          aria-label={t('dossier.build.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t('dossier.build.exhibitsDone', { done, total })}
        />
      </Progress.Root>
      <Text size="sm" aria-live="polite">
        {cancelling
          ? t('dossier.build.cancelling')
          : total === 0
            ? t(`dossier.build.stages.${stage}`)
            : t('dossier.build.stageWithCount', {
                stage: t(`dossier.build.stages.${stage}`),
                done,
                total,
              })}
      </Text>
    </Stack>
  );
}
