import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TechnicalMetadata } from '../../../shared/evidence';
import { DetailsTable } from './DetailsTable';
import { formatTime } from './time-format';

/** Duration, codecs and dimensions of a recording, as read from its bytes at intake. */
export function MediaDetails({ metadata }: { metadata: TechnicalMetadata }) {
  const { t, i18n } = useTranslation();
  const number = (value: number | undefined, digits = 2) =>
    value === undefined
      ? undefined
      : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  const list = (values: readonly string[] | undefined) =>
    values === undefined || values.length === 0 ? undefined : values.join(', ');
  const dimensions =
    metadata.width !== undefined && metadata.height !== undefined
      ? `${metadata.width} × ${metadata.height}`
      : undefined;
  const withUnit = (key: string, value: string | undefined) =>
    value === undefined ? undefined : t(key, { value });
  return (
    <Paper withBorder p="xs" data-testid="media-details">
      <Title order={3} size="h6" mb={4}>
        {t('viewer.media.title')}
      </Title>
      <DetailsTable
        label={t('viewer.media.title')}
        rows={[
          [
            t('viewer.media.duration'),
            metadata.durationSeconds === undefined
              ? undefined
              : formatTime(metadata.durationSeconds),
          ],
          [t('viewer.media.format'), metadata.format],
          [t('viewer.media.videoCodecs'), list(metadata.videoCodecs)],
          [t('viewer.media.audioCodecs'), list(metadata.audioCodecs)],
          [t('viewer.media.dimensions'), dimensions],
          [t('viewer.media.frameRate'), withUnit('viewer.media.fps', number(metadata.frameRate))],
          [t('viewer.media.sampleRate'), withUnit('viewer.media.hz', number(metadata.sampleRate))],
          [t('viewer.media.channels'), number(metadata.channels, 0)],
          [
            t('viewer.media.bitrate'),
            withUnit(
              'viewer.media.kbps',
              number(metadata.bitrate === undefined ? undefined : metadata.bitrate / 1000, 0),
            ),
          ],
          [t('viewer.media.captured'), metadata.capturedAt ?? metadata.createdAt],
          [t('viewer.media.device'), metadata.device],
        ]}
      />
    </Paper>
  );
}
