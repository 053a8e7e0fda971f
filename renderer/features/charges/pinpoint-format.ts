import type { Pinpoint } from '../../../shared/charges';

/**
 * Time in a recording as a lawyer types it: seconds ("75", "75.5") or clock time ("1:15",
 * "1:02:03"). Null for anything else, so the form can say the field is wrong.
 */
export function parseClock(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(?::[0-5]?\d){0,2}(?:\.\d+)?$/.test(trimmed)) return null;
  return trimmed
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

/** 75 → "1:15"; 3723 → "1:02:03". */
export function formatClock(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  const rest = seconds - whole > 0 ? (seconds - whole).toFixed(1).slice(1) : '';
  return h > 0
    ? `${String(h)}:${String(m).padStart(2, '0')}:${s}${rest}`
    : `${String(m)}:${s}${rest}`;
}

export type PinpointFields = { page: string; start: string; end: string; quote: string };
export const emptyPinpoint: PinpointFields = { page: '', start: '', end: '', quote: '' };

export type PinpointProblem = 'page' | 'start' | 'end' | 'range';

/** The form's text fields as a pinpoint, or what is wrong with them; undefined when all empty. */
export function pinpointFrom(
  fields: PinpointFields,
): { ok: true; pinpoint: Pinpoint | undefined } | { ok: false; problem: PinpointProblem } {
  const pinpoint: Pinpoint = {};
  const page = fields.page.trim();
  if (page !== '') {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1) return { ok: false, problem: 'page' };
    pinpoint.page = Number(page);
  }
  if (fields.start.trim() !== '') {
    const start = parseClock(fields.start);
    if (start === null) return { ok: false, problem: 'start' };
    pinpoint.start = start;
  }
  if (fields.end.trim() !== '') {
    const end = parseClock(fields.end);
    if (end === null) return { ok: false, problem: 'end' };
    if (pinpoint.start === undefined || end < pinpoint.start)
      return { ok: false, problem: 'range' };
    pinpoint.end = end;
  }
  const quote = fields.quote.trim();
  if (quote !== '') pinpoint.quote = quote;
  return { ok: true, pinpoint: Object.keys(pinpoint).length === 0 ? undefined : pinpoint };
}
