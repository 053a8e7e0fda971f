import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { technicalMetadataSchema } from '../../../../shared/evidence';
import { facts, makeImageFixtures, type ImageFixtures } from '../../../fixtures/evidence-fixtures';
import { extractFile, tempDir } from './extract-helpers';

let files: ImageFixtures;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  files = await makeImageFixtures(temp.dir);
}, 60_000);
afterAll(() => remove());

describe('photos', () => {
  it('reads when and where a JPEG was taken, and with what camera', async () => {
    const result = await extractFile(files.jpegExif);
    const p = facts.photo;
    expect(result.mimeType).toBe('image/jpeg');
    expect(result.metadata).toMatchObject({
      format: 'JPEG',
      // The camera's own clock: no zone is invented, the machine's zone is not applied.
      capturedAt: p.capturedAt,
      device: p.model,
      software: p.software,
      width: p.width,
      height: p.height,
      orientation: p.orientation,
    });
    expect(result.metadata.gps?.latitude).toBeCloseTo(p.latitude, 4);
    expect(result.metadata.gps?.longitude).toBeCloseTo(p.longitude, 4);
    expect(result.metadata.gps?.altitude).toBe(p.altitude);
    expect(result.metadata.xmp).toContain(p.xmpMarker);
    expect(result.notes).toEqual([]);
    expect(technicalMetadataSchema.safeParse(result.metadata).success).toBe(true);
  });

  it('gives a PNG without EXIF its size and nothing invented', async () => {
    const result = await extractFile(files.png);
    expect(result.mimeType).toBe('image/png');
    expect(result.metadata).toEqual({ format: 'PNG', width: 64, height: 48 });
    expect(result.notes).toEqual([]);
  });

  it('finds the EXIF chunk of a WebP', async () => {
    const result = await extractFile(files.webpExif);
    expect(result.mimeType).toBe('image/webp');
    expect(result.metadata).toMatchObject({
      format: 'WebP',
      capturedAt: facts.photo.capturedAt,
      device: facts.photo.model,
      width: 64,
      height: 48,
    });
    expect(result.metadata.gps?.latitude).toBeCloseTo(facts.photo.latitude, 4);
  });

  it('trusts the bytes over the name: a JPEG called .png is a JPEG', async () => {
    const result = await extractFile(files.jpegExif, {
      fileName: 'photo.png',
      declaredMimeType: 'image/png',
    });
    expect(result.mimeType).toBe('image/jpeg');
    expect(result.metadata.capturedAt).toBe(facts.photo.capturedAt);
  });
});
