import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatIsoDate,
  toParagraphs,
} from '../../../renderer/features/viewers/display-format';
import {
  formatDecimalPosition,
  formatDmsPosition,
} from '../../../renderer/features/viewers/exif-format';
import { zoomIn, zoomOut, zoomPercent } from '../../../renderer/features/viewers/zoom-steps';

describe('sizes and dates', () => {
  it.each([
    [0, 'en', '0 bytes'],
    [1023, 'en', '1,023 bytes'],
    [1536, 'en', '1.5 kB'],
    [48_234_496, 'en', '46 MB'],
    [3 * 1024 ** 3, 'en', '3 GB'],
  ])('%d bytes in %s read %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });

  it('writes sizes in Russian too', () => {
    expect(formatBytes(1536, 'ru')).toMatch(/^1,5\sкБ$/);
  });

  it('formats a bare date as that calendar day wherever the lawyer is', () => {
    expect(formatIsoDate('2026-11-17', 'en')).toBe('November 17, 2026');
    expect(formatIsoDate('2026-11-17', 'ru')).toBe('17 ноября 2026 г.');
  });

  it('shows what does not parse as written', () => {
    expect(formatIsoDate('2026-13-45', 'en')).toBe('2026-13-45');
  });
});

describe('paragraphs of extracted text', () => {
  it('splits at blank lines and keeps line breaks inside a paragraph', () => {
    expect(toParagraphs('Первый абзац,\nвторая строка.\r\n\r\n  Второй абзац. \n\n\n')).toEqual([
      'Первый абзац,\nвторая строка.',
      'Второй абзац.',
    ]);
  });

  it('takes every line as a paragraph when there are no blank lines', () => {
    expect(toParagraphs('One.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
    // A line of spaces is a blank line.
    expect(toParagraphs('One.\nTwo.\n  \nThree.')).toEqual(['One.\nTwo.', 'Three.']);
  });

  it('has no paragraphs for empty text', () => {
    expect(toParagraphs(' \n\n ')).toEqual([]);
  });
});

describe('GPS positions', () => {
  it('prints decimal degrees and degrees-minutes-seconds with hemispheres', () => {
    expect(formatDecimalPosition(55.7558, 37.6173)).toBe('55.755800, 37.617300');
    expect(formatDmsPosition(55.7558, 37.6173)).toBe('55°45′20.88″ N, 37°37′02.28″ E');
    expect(formatDmsPosition(-33.8568, -70.6483)).toBe('33°51′24.48″ S, 70°38′53.88″ W');
  });

  it('never prints 60 seconds', () => {
    expect(formatDmsPosition(10.99999999, 0)).toBe('11°00′00.00″ N, 0°00′00.00″ E');
  });
});

describe('zoom steps', () => {
  it('walks the steps from wherever the zoom is, and stops at the ends', () => {
    expect(zoomIn(1)).toBe(1.25);
    expect(zoomIn(0.8)).toBe(1);
    expect(zoomOut(0.8)).toBe(0.75);
    expect(zoomOut(0.1)).toBe(0.1);
    expect(zoomIn(8)).toBe(8);
    expect(zoomPercent(1.25)).toBe('125%');
  });
});
