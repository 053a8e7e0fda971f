import { describe, expect, it } from 'vitest';
import {
  sanitizeExtraction,
  sanitizeMetadata,
} from '../../../../electron/core/evidence/metadata/sanitize';
import { technicalMetadataSchema } from '../../../../shared/evidence';

describe('what the analysis thread reports is made fit for the record', () => {
  it.each([
    ['a title of 5,000 characters', { title: 'т'.repeat(5000) }, { title: 'т'.repeat(1000) }],
    ['a format of 1,000 characters', { format: 'x'.repeat(1000) }, { format: 'x'.repeat(100) }],
    ['an XMP packet of 1 MB', { xmp: 'a'.repeat(1_000_000) }, { xmp: 'a'.repeat(20_000) }],
    ['a negative width', { width: -5, height: 48 }, { height: 48 }],
    ['a fractional page count', { pageCount: 2.5 }, {}],
    ['an infinite duration', { durationSeconds: Infinity }, {}],
    ['a number where text belongs', { title: 42, author: 'A' }, { author: 'A' }],
    ['a string where a number belongs', { width: '64' }, {}],
    ['control characters in a device name', { device: 'Can\u0000on\u001b' }, { device: 'Canon' }],
    ['a field the schema does not know', { shellCommand: 'rm -rf /', title: 'T' }, { title: 'T' }],
    ['a latitude beyond the pole', { gps: { latitude: 91, longitude: 0 } }, {}],
    [
      'a GPS fix with a text altitude',
      { gps: { latitude: 55.7, longitude: 37.6, altitude: 'high' } },
      { gps: { latitude: 55.7, longitude: 37.6 } },
    ],
    [
      'seventeen codecs and an empty one',
      { videoCodecs: [...Array.from({ length: 17 }, (_, i) => `c${i}`), ''] },
      { videoCodecs: Array.from({ length: 16 }, (_, i) => `c${i}`) },
    ],
    [
      'EXIF values that are not text',
      { exif: { Flash: 'Fired', Thumbnail: { nested: true } } },
      { exif: { Flash: 'Fired' } },
    ],
    ['not an object at all', 'metadata', {}],
  ])('%s', (_case, raw, expected) => {
    const metadata = sanitizeMetadata(raw);
    expect(metadata).toEqual(expected);
    expect(technicalMetadataSchema.safeParse(metadata).success).toBe(true);
  });

  it('never cuts a character in half', () => {
    const emoji = '📹'.repeat(600); // 1,200 UTF-16 units
    const { title } = sanitizeMetadata({ title: emoji });
    expect(title).toBe('📹'.repeat(500));
  });

  it('keeps notes it knows, with short details, and drops the rest', () => {
    const result = sanitizeExtraction(
      {
        mimeType: 'application/pdf',
        metadata: {},
        notes: [
          { code: 'damaged', detail: 'x'.repeat(900) },
          { code: 'rm -rf' },
          'no-text',
          { code: 'no-text', detail: 7 },
        ],
      },
      'application/octet-stream',
    );
    expect(result.notes).toEqual([
      { code: 'damaged', detail: 'x'.repeat(500) },
      { code: 'no-text' },
    ]);
  });

  it('cuts the text at 2,000,000 characters and an article to its fields', () => {
    const result = sanitizeExtraction(
      {
        mimeType: 'text/html',
        metadata: {},
        text: 'a'.repeat(2_000_100),
        article: { title: 'T', url: 'u'.repeat(3000), secret: 'x', author: 5 },
        notes: [],
      },
      'application/octet-stream',
    );
    expect(result.text).toHaveLength(2_000_000);
    expect(result.article).toEqual({ title: 'T', url: 'u'.repeat(2000) });
  });

  it('falls back to the type it was told when the answer is nonsense', () => {
    expect(sanitizeExtraction(null, 'video/mp4')).toEqual({
      mimeType: 'video/mp4',
      metadata: {},
      notes: [{ code: 'analysis-failed' }],
    });
  });
});
