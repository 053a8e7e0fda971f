import { describe, expect, it } from 'vitest';
import {
  conflicts,
  dateSpan,
  dependenceGroups,
  elementStatus,
} from '../../../electron/core/charges/analysis';
import { parsePinpoint } from '../../../electron/core/charges/pinpoint-text';
import type { CaseFile } from '../../../electron/core/cases/case-file';
import type { EventRecord } from '../../../shared/charges';

const counts = (defence: number, prosecution: number, contradicts = 0, context = 0) => ({
  defence,
  prosecution,
  contradicts,
  context,
});

describe('an element’s status', () => {
  it.each([
    [counts(0, 0), 'unaddressed'],
    [counts(0, 0, 0, 3), 'unaddressed'],
    [counts(0, 2), 'supported'],
    [counts(1, 2), 'contested'],
    [counts(0, 1, 1), 'contested'],
    [counts(2, 0), 'refuted'],
    [counts(0, 0, 1), 'refuted'],
  ] as const)('%j → %s', (given, expected) => {
    expect(elementStatus(given)).toBe(expected);
  });
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('independent sources', () => {
  it('puts an item and everything it derives from, however far, in one group', () => {
    const item = (n: number, derivedFrom: number[] = []) => ({
      id: uuid(n),
      derivedFrom: derivedFrom.map(uuid),
    });
    // 2 repeats the video 1, and 3 repeats 2; 4 is on its own.
    const data = {
      evidence: [item(1), item(2, [1]), item(3, [2]), item(4)],
    } as unknown as CaseFile;
    const groups = dependenceGroups(data);
    expect(groups.get(uuid(1))).toBe(groups.get(uuid(3)));
    expect(groups.get(uuid(2))).toBe(groups.get(uuid(1)));
    expect(groups.get(uuid(4))).not.toBe(groups.get(uuid(1)));
  });
});

describe('dates of the chronology', () => {
  const event = (
    date: string,
    precision: EventRecord['precision'],
    datings: EventRecord['datings'],
  ) =>
    ({
      id: uuid(9),
      date,
      precision,
      text: 'Arrest',
      evidenceIds: [],
      personIds: [],
      datings,
      createdAt: '2026-11-21T00:00:00Z',
    }) as EventRecord;

  it('spans a day, a month, an approximate date', () => {
    const [start, end] = dateSpan('2026-11-17', 'day');
    expect(end - start).toBe(86_400_000);
    expect(dateSpan('2026-11', 'month')[0]).toBe(Date.UTC(2026, 10, 1));
    expect(dateSpan('2026-11-17', 'approx')[0]).toBe(Date.UTC(2026, 10, 10));
  });

  it('flags sources that date the same event differently, not ones that agree', () => {
    const agree = event('2026-11-17', 'day', [
      { evidenceId: uuid(1), date: '2026-11', precision: 'month' },
      { evidenceId: uuid(2), date: '2026-11-17T09:30:00Z', precision: 'exact' },
    ]);
    const disagree = event('2026-11-17', 'day', [
      { evidenceId: uuid(3), date: '2026-11-16', precision: 'day' },
    ]);
    expect(conflicts([agree])).toEqual([]);
    expect(conflicts([disagree])).toEqual([
      {
        eventId: uuid(9),
        dates: [{ date: '2026-11-17' }, { date: '2026-11-16', evidenceId: uuid(3) }],
      },
    ]);
  });
});

describe('pinpoints typed on the command line', () => {
  it.each([
    ['p. 3', { page: 3 }],
    ['стр. 12', { page: 12 }],
    ['1:05-1:20', { start: 65, end: 80 }],
    ['0:00:05.5–0:00:09', { start: 5.5, end: 9 }],
    ['@1:02:03', { start: 3723 }],
    ['«без подготовки»', { quote: '«без подготовки»' }],
  ])('%s', (text, expected) => {
    expect(parsePinpoint(text)).toEqual(expected);
  });

  it('refuses an empty one and a backwards range', () => {
    expect(() => parsePinpoint('  ')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => parsePinpoint('1:20-1:05')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
