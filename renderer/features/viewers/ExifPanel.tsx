import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TechnicalMetadata } from '../../../shared/evidence';
import { DetailsTable } from './DetailsTable';
import { formatDecimalPosition, formatDmsPosition } from './exif-format';

/**
 * What an image says about itself (read at intake): when and where it was taken, with what.
 * Values are shown as the file gives them; a lawyer quotes them, so nothing is reinterpreted.
 */
export function ExifPanel({ metadata }: { metadata: TechnicalMetadata }) {
  const { t } = useTranslation();
  const gps = metadata.gps;
  const dimensions =
    metadata.width !== undefined && metadata.height !== undefined
      ? `${metadata.width} × ${metadata.height}`
      : undefined;
  const otherTags = Object.entries(metadata.exif ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Paper withBorder p="xs" data-testid="exif-panel">
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('viewer.exif.title')}
        </Title>
        <DetailsTable
          label={t('viewer.exif.title')}
          rows={[
            [t('viewer.exif.captured'), metadata.capturedAt],
            [t('viewer.exif.created'), metadata.createdAt],
            [t('viewer.exif.modified'), metadata.modifiedAt],
            [
              t('viewer.exif.position'),
              gps === undefined
                ? t('viewer.exif.noPosition')
                : formatDecimalPosition(gps.latitude, gps.longitude),
            ],
            [
              t('viewer.exif.positionDms'),
              gps === undefined ? undefined : formatDmsPosition(gps.latitude, gps.longitude),
            ],
            [
              t('viewer.exif.altitude'),
              gps?.altitude === undefined
                ? undefined
                : t('viewer.exif.metres', { value: gps.altitude.toFixed(1) }),
            ],
            [t('viewer.exif.device'), metadata.device],
            [t('viewer.exif.software'), metadata.software],
            [t('viewer.exif.dimensions'), dimensions],
            [
              t('viewer.exif.orientation'),
              metadata.orientation === undefined ? undefined : String(metadata.orientation),
            ],
            [t('viewer.exif.format'), metadata.format],
          ]}
        />
        {otherTags.length > 0 && (
          <>
            <Title order={4} size="h6" c="dimmed">
              {t('viewer.exif.otherTags')}
            </Title>
            <DetailsTable label={t('viewer.exif.otherTags')} rows={otherTags} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
