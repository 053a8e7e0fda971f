import type { TFunction } from 'i18next';
import type { TechnicalMetadata } from '../../../shared/evidence';
import { formatDuration } from './format';

export type MetadataRow = { readonly label: string; readonly value: string };

/**
 * The technical metadata read at intake, as labelled lines in the UI's language, in the
 * order a lawyer asks about them: when and where it was made, with what, then the format.
 */
export function metadataRows(
  metadata: TechnicalMetadata,
  t: TFunction,
  language: string,
): MetadataRow[] {
  const number = (value: number, digits = 2) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  const rows: [string, string | undefined][] = [
    ['capturedAt', metadata.capturedAt],
    ['createdAt', metadata.createdAt],
    ['modifiedAt', metadata.modifiedAt],
    [
      'gps',
      metadata.gps === undefined
        ? undefined
        : [
            number(metadata.gps.latitude, 6),
            number(metadata.gps.longitude, 6),
            ...(metadata.gps.altitude === undefined
              ? []
              : [t('evidence.metadata.altitude', { metres: number(metadata.gps.altitude, 1) })]),
          ].join(', '),
    ],
    ['device', metadata.device],
    ['software', metadata.software],
    ['format', metadata.format],
    [
      'dimensions',
      metadata.width === undefined || metadata.height === undefined
        ? undefined
        : `${String(metadata.width)} × ${String(metadata.height)}`,
    ],
    ['orientation', metadata.orientation?.toString()],
    [
      'duration',
      metadata.durationSeconds === undefined ? undefined : formatDuration(metadata.durationSeconds),
    ],
    ['frameRate', metadata.frameRate === undefined ? undefined : number(metadata.frameRate)],
    ['videoCodecs', metadata.videoCodecs?.join(', ')],
    ['audioCodecs', metadata.audioCodecs?.join(', ')],
    ['sampleRate', metadata.sampleRate === undefined ? undefined : number(metadata.sampleRate, 0)],
    ['channels', metadata.channels?.toString()],
    [
      'bitrate',
      metadata.bitrate === undefined
        ? undefined
        : t('evidence.metadata.kbps', { value: number(metadata.bitrate / 1000, 0) }),
    ],
    ['pageCount', metadata.pageCount?.toString()],
    ['title', metadata.title],
    ['author', metadata.author],
    ['subject', metadata.subject],
    ['keywords', metadata.keywords],
    ['creator', metadata.creator],
    ['producer', metadata.producer],
    ['language', metadata.language],
    [
      'encrypted',
      metadata.encrypted === undefined
        ? undefined
        : metadata.encrypted
          ? t('library.yes')
          : t('library.no'),
    ],
  ];
  const labelled = rows.flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : [{ label: t(`evidence.metadata.${key}`), value }],
  );
  const exif = Object.entries(metadata.exif ?? {}).map(([label, value]) => ({ label, value }));
  return [...labelled, ...exif];
}
