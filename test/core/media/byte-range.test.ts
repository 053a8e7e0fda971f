import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../electron/core/media/byte-range';

describe('HTTP byte ranges', () => {
  it.each([
    [null, 1000, null],
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=500-', 1000, { start: 500, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=-5000', 1000, { start: 0, end: 999 }],
    ['bytes=900-5000', 1000, { start: 900, end: 999 }],
    ['bytes=999-999', 1000, { start: 999, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=1000-1001', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=5-4', 1000, null],
    ['bytes=0-99999999999999999', 1000, { start: 0, end: 999 }],
    ['bytes=0-', 0, 'unsatisfiable'],
    ['bytes=99999999999999999-', 1000, 'unsatisfiable'],
    ['bytes=0-1,5-6', 1000, null],
    ['items=0-1', 1000, null],
    ['bytes=-', 1000, null],
    ['bytes=a-b', 1000, null],
  ] as const)('%j of %i bytes → %j', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});
