/** Sizes and dates for display, in the interface's language. */
const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatBytes(bytes: number, locale: string): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: byteUnits[unit],
    // "1,023 bytes", but "1.5 kB": the short form of byte does not take a plural.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * An ISO 8601 date or date-time from the record. A bare date is a calendar day, not midnight
 * somewhere, so it is formatted in UTC; anything that does not parse is shown as written.
 */
export function formatIsoDate(iso: string, locale: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateOnly
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** Extracted text as paragraphs: split at blank lines, or at every line when there are none. */
export function toParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  const byBlankLines = normalised.split(/\n[ \t]*\n+/);
  const parts = byBlankLines.length > 1 ? byBlankLines : normalised.split('\n');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
