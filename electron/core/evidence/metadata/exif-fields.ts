import type { TechnicalMetadata } from '../../../../shared/evidence';

/**
 * EXIF as exifr gives it (with values not revived: dates stay as the camera wrote them) turned
 * into our fields. An EXIF time has no zone: it is the camera's clock, so it is kept as a local
 * ISO time, with the offset only when the camera recorded one (OffsetTimeOriginal).
 */
export type ExifOutput = Readonly<Record<string, unknown>>;

const shownTags = [
  'ImageDescription',
  'Artist',
  'Copyright',
  'LensMake',
  'LensModel',
  'BodySerialNumber',
  'SerialNumber',
  'ExposureTime',
  'FNumber',
  'ISO',
  'FocalLength',
  'Flash',
  'HostComputer',
  'OffsetTimeOriginal',
  'GPSDateStamp',
  'GPSTimeStamp',
  'GPSImgDirection',
  'GPSSpeed',
] as const;

export function exifDate(value: unknown, offset?: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (match === null || match[1] === '0000') return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\0+$/, '').trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value.join(' ');
  return undefined;
}

function gps(exif: ExifOutput): TechnicalMetadata['gps'] {
  const { latitude, longitude } = exif;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  if (latitude === 0 && longitude === 0) return undefined;
  const altitude = exif.GPSAltitude;
  const below =
    exif.GPSAltitudeRef instanceof Uint8Array
      ? exif.GPSAltitudeRef[0] === 1
      : exif.GPSAltitudeRef === 1;
  return typeof altitude === 'number' && Number.isFinite(altitude)
    ? { latitude, longitude, altitude: below ? -altitude : altitude }
    : { latitude, longitude };
}

export function device(make: unknown, model: unknown): string | undefined {
  const m = text(make);
  const mo = text(model);
  if (m !== undefined && mo !== undefined) {
    return mo.toLowerCase().startsWith(m.toLowerCase()) ? mo : `${m} ${mo}`;
  }
  return mo ?? m;
}

export function exifFields(exif: ExifOutput): TechnicalMetadata {
  const shown: Record<string, string> = {};
  for (const tag of shownTags) {
    const value = text(exif[tag]);
    if (value !== undefined) shown[tag] = value;
  }
  const orientation = exif.Orientation;
  return {
    capturedAt: exifDate(exif.DateTimeOriginal, exif.OffsetTimeOriginal),
    createdAt: exifDate(exif.CreateDate, exif.OffsetTimeDigitized),
    modifiedAt: exifDate(exif.ModifyDate, exif.OffsetTime),
    gps: gps(exif),
    device: device(exif.Make, exif.Model),
    software: text(exif.Software),
    orientation:
      typeof orientation === 'number' && Number.isInteger(orientation) ? orientation : undefined,
    xmp: typeof exif.xmp === 'string' ? exif.xmp : undefined,
    exif: Object.keys(shown).length > 0 ? shown : undefined,
  };
}
