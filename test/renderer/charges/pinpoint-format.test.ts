import { describe, expect, it } from 'vitest';
import {
  emptyPinpoint,
  formatClock,
  parseClock,
  pinpointFrom,
} from '../../../renderer/features/charges/pinpoint-format';

describe('pinpoints typed in the link form', () => {
  it.each([
    ['75', 75],
    ['1:15', 75],
    ['1:02:03', 3723],
    ['0:05.5', 5.5],
    ['1:75', null],
    ['-3', null],
    ['abc', null],
  ])('reads %s as %s seconds', (text, seconds) => {
    expect(parseClock(text)).toBe(seconds);
  });

  it('prints clock time', () => {
    expect([formatClock(65), formatClock(3723), formatClock(5.5)]).toEqual([
      '1:05',
      '1:02:03',
      '0:05.5',
    ]);
  });

  it('builds a pinpoint, or says which field is wrong', () => {
    expect(pinpointFrom(emptyPinpoint)).toEqual({ ok: true, pinpoint: undefined });
    expect(pinpointFrom({ page: '3', start: '1:05', end: '1:20', quote: ' приказ ' })).toEqual({
      ok: true,
      pinpoint: { page: 3, start: 65, end: 80, quote: 'приказ' },
    });
    expect(pinpointFrom({ ...emptyPinpoint, page: '0' })).toEqual({ ok: false, problem: 'page' });
    expect(pinpointFrom({ ...emptyPinpoint, start: '2:00', end: '1:00' })).toEqual({
      ok: false,
      problem: 'range',
    });
    expect(pinpointFrom({ ...emptyPinpoint, end: 'x' })).toEqual({ ok: false, problem: 'end' });
  });
});
