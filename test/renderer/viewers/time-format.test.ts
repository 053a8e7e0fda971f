import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../renderer/features/viewers/time-format';

describe('formatTime', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [65, '1:05'],
    [65.25, '1:05.3'],
    [599.9, '9:59.9'],
    [3600, '1:00:00'],
    [3723.5, '1:02:03.5'],
    [36000 + 59 * 60 + 59.94, '10:59:59.9'],
    // Rounded to the tenth before it is split, so no ":60" ever appears.
    [59.96, '1:00'],
    [3599.97, '1:00:00'],
    [-3, '0:00'],
    [Number.NaN, '0:00'],
    [Number.POSITIVE_INFINITY, '0:00'],
  ])('%d s reads %s', (seconds, expected) => {
    expect(formatTime(seconds)).toBe(expected);
  });
});
