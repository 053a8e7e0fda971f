import exifr from 'exifr';
import { imageSize } from 'image-size';
import type { TechnicalMetadata } from '../../../../shared/evidence';
import { exifFields, type ExifOutput } from './exif-fields';
import { limits } from './limits';
import type { ByteSource, FormatResult } from './types';

const exifOptions = {
  tiff: true,
  // Orientation as its number (1–8), not exifr's English phrase.
  ifd0: { translateValues: false },
  exif: true,
  gps: true,
  xmp: { parse: false },
  ihdr: true,
  icc: false,
  iptc: false,
  jfif: false,
  interop: false,
  ifd1: false,
  makerNote: false,
  userComment: false,
  reviveValues: false,
  mergeOutput: true,
} as const;

const formatNames: Readonly<Record<string, string>> = {
  jpg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  heif: 'HEIF',
  tiff: 'TIFF',
  gif: 'GIF',
  bmp: 'BMP',
  avif: 'AVIF',
};

/**
 * A photo's dimensions (image-size) and its EXIF, GPS and XMP (exifr): JPEG, PNG, HEIC, TIFF,
 * and WebP, whose EXIF chunk exifr cannot find by itself and is handed over as the TIFF block
 * it is.
 */
export async function readImage(source: ByteSource, mimeType: string): Promise<FormatResult> {
  const whole = source.size <= limits.imageBytes;
  const bytes = await source.read(0, whole ? source.size : limits.imageHeadBytes);
  const notes: FormatResult['notes'] = whole ? [] : [{ code: 'too-large-to-analyse' }];
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    size = undefined;
  }
  let exif: ExifOutput | undefined;
  try {
    const input = mimeType === 'image/webp' ? webpChunk(bytes, 'EXIF') : bytes;
    exif =
      input === undefined ? undefined : ((await exifr.parse(input, exifOptions)) as ExifOutput);
  } catch {
    // No EXIF the reader knows (GIF, BMP) or a broken block: dimensions may still be known.
    exif = undefined;
  }
  if (size === undefined && exif === undefined) {
    return { notes: [...notes, { code: 'damaged', detail: 'The image could not be read.' }] };
  }
  const webpXmp = mimeType === 'image/webp' ? webpChunk(bytes, 'XMP ') : undefined;
  const fields = exif === undefined ? {} : exifFields(exif);
  const metadata: TechnicalMetadata = {
    ...fields,
    format: formatNames[size?.type ?? ''] ?? mimeType.replace(/^image\//, '').toUpperCase(),
    width: size?.width ?? numberOf(exif?.ImageWidth),
    height: size?.height ?? numberOf(exif?.ImageHeight),
    orientation: fields.orientation ?? size?.orientation,
    xmp: fields.xmp ?? (webpXmp === undefined ? undefined : new TextDecoder().decode(webpXmp)),
  };
  return { metadata, notes };
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The payload of a chunk of a RIFF/WebP file ("EXIF", "XMP "), if there is one. */
function webpChunk(bytes: Uint8Array, fourcc: string): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at + 4, true);
    if (tag(at) === fourcc) {
      const payload = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
      // Some writers keep the JPEG APP1 header ("Exif\0\0") in front of the TIFF block.
      const jpegHeader = [0x45, 0x78, 0x69, 0x66, 0, 0];
      return jpegHeader.every((b, i) => payload[i] === b) ? payload.subarray(6) : payload;
    }
    at += 8 + length + (length % 2);
  }
  return undefined;
}
