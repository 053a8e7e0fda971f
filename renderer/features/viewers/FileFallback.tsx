import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { DetailsTable } from './DetailsTable';
import { formatBytes } from './display-format';

/** For a file no viewer can show and no text came from: what it is, so the lawyer knows. */
export function FileFallback({ item }: { item: EvidenceRecord }) {
  const { t, i18n } = useTranslation();
  const file = item.file;
  return (
    <Paper withBorder p="md" data-testid="file-fallback">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {file === undefined ? t('viewer.file.noFile') : t('viewer.file.cannotPreview')}
        </Title>
        {file !== undefined && (
          <>
            <DetailsTable
              label={t('viewer.file.details')}
              rows={[
                [t('viewer.file.name'), file.name],
                [t('viewer.file.type'), file.mimeType],
                [
                  t('viewer.file.size'),
                  `${formatBytes(file.size, i18n.language)} (${t('viewer.file.bytes', {
                    value: new Intl.NumberFormat(i18n.language).format(file.size),
                  })})`,
                ],
                [t('viewer.file.format'), item.metadata.format],
                [t('viewer.file.sha256'), file.sha256],
              ]}
            />
            <Text size="sm" c="dimmed">
              {t('viewer.file.exportHint')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
