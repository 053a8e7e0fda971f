import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierRequest } from '../../../shared/dossier';
import { errorMessage } from '../vault/error-message';
import { PdfViewer } from '../viewers/PdfViewer';
import { useDossierPreview } from './dossier-queries';
import { usePdfObjectUrl } from './object-url';

/**
 * The dossier's own pages as they stand (cover, contents, charges, chronology, exhibit index),
 * rebuilt a moment after the options stop changing. The exhibits are left out: copying them
 * would make every keystroke a full build.
 */
export function PreviewPanel({
  caseId,
  request,
}: {
  caseId: string;
  /** Null while the options have a problem. */
  request: DossierRequest | null;
}) {
  const { t } = useTranslation();
  const { query, settling } = useDossierPreview(caseId, request);
  const url = usePdfObjectUrl(request === null ? undefined : query.data?.pdf);
  const updating = request !== null && (settling || query.isFetching);

  return (
    <Stack gap="xs" component="section" aria-labelledby="dossier-preview-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="dossier-preview-title">
          {t('dossier.preview.title')}
        </Title>
        {updating && (
          <Group gap={4} data-testid="preview-updating">
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              {t('dossier.preview.updating')}
            </Text>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('dossier.preview.noExhibits')}
      </Text>
      {request === null && <Text c="dimmed">{t('dossier.preview.fixOptions')}</Text>}
      {request !== null && query.isError && (
        <Alert color="red">{errorMessage(t, query.error)}</Alert>
      )}
      {request !== null && query.data !== undefined && (
        <Text size="xs" c="dimmed" data-testid="preview-pages">
          {t('dossier.preview.pages', { pages: query.data.pages })}
        </Text>
      )}
      {url !== null && <PdfViewer url={url} title={t('dossier.preview.viewerTitle')} />}
    </Stack>
  );
}
