import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../evidence/format';
import type { ExportView } from './export-run';
import { ShaGroups } from './ShaGroups';

/**
 * An export under way: its progress and Cancel, and at the end the archive's SHA-256 for the
 * lawyer to read to the colleague, who must see the same.
 */
export function ExportProgress({
  view,
  onCancel,
  onClose,
}: {
  view: ExportView;
  onCancel: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const percent =
    view.phase === 'running' && view.total > 0 ? Math.round((view.done / view.total) * 100) : 0;
  return (
    <Stack>
      {view.phase === 'running' && (
        <>
          <Text aria-live="polite">{t('sharing.export.running', { percent })}</Text>
          <Progress value={percent} aria-label={t('sharing.export.progress')} animated />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('sharing.export.cancel')}
            </Button>
          </Group>
        </>
      )}
      {view.phase === 'cancelled' && <Alert color="gray">{t('sharing.export.cancelled')}</Alert>}
      {view.phase === 'failed' && (
        <Alert color="red" role="alert">
          {view.code === 'INTEGRITY_FAILED'
            ? t('sharing.export.damaged')
            : t('sharing.export.failed', { reason: t(`errors.${view.code}`) })}
        </Alert>
      )}
      {(view.phase === 'saving' || view.phase === 'saved') && (
        <Stack gap="xs" data-testid="export-done">
          <Alert color="teal">
            {t('sharing.export.done', {
              files: view.result.files,
              size: formatSize(view.result.size, i18n.language),
            })}
          </Alert>
          <Text aria-live="polite">
            {view.phase === 'saving'
              ? t('sharing.export.saving')
              : t(
                  view.delivery === 'download'
                    ? 'sharing.export.downloaded'
                    : 'sharing.export.saved',
                  {
                    fileName: view.result.fileName,
                  },
                )}
          </Text>
          <ShaGroups
            label={t('sharing.export.sha')}
            sha256={view.result.sha256}
            testId="export-sha"
          />
          <Text size="sm" c="dimmed">
            {t('sharing.export.shaHint')}
          </Text>
        </Stack>
      )}
      {view.phase !== 'running' && view.phase !== 'saving' && (
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('sharing.close')}</Button>
        </Group>
      )}
    </Stack>
  );
}
