import type { DatePrecision } from '../../../shared/charges';

/** The shapes eventDateSchema accepts: a year, a month, a day, or a day with a time. */
const eventDatePattern =
  /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function isEventDate(text: string): boolean {
  return eventDatePattern.test(text);
}

/** Where a date begins (UTC ms): what the timeline places an event at. */
export function eventStart(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.slice(0, 10).split('-').map(Number);
  if (date.length > 10) {
    const t = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(date) ? date : `${date}Z`);
    if (!Number.isNaN(t)) return t;
  }
  return Date.UTC(y, m - 1, d);
}

/**
 * A date as precisely as it is known, in the UI's language: "November 2026" for a month, the
 * day with its time for an exact timestamp. "Approximately" is added by the caller's wording.
 */
export function formatEventDate(date: string, precision: DatePrecision, language: string): string {
  const at = new Date(eventStart(date));
  if (date.length === 4) return date;
  if (date.length === 7 || precision === 'month')
    return at.toLocaleDateString(language, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  if (date.length > 10 && precision === 'exact')
    return at.toLocaleString(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
  return at.toLocaleDateString(language, { dateStyle: 'medium', timeZone: 'UTC' });
}
