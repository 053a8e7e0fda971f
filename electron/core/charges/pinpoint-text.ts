import { pinpointSchema, type Pinpoint } from '../../../shared/charges';
import { HabeasError } from '../habeas-error';

const time = String.raw`(\d+(?::[0-5]?\d){0,2}(?:\.\d+)?)`;
const pagePattern = /^(?:p\.?|page|стр\.?|с\.)\s*(\d{1,6})$/i;
const rangePattern = new RegExp(String.raw`^${time}\s*[-–]\s*${time}$`);
const instantPattern = new RegExp(String.raw`^@?${time}$`);

/** "1:02:03.5" → 3723.5 seconds; "65" → 65. */
export function parseTime(text: string): number {
  return text
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

/**
 * A pinpoint as typed on a command line: "p. 3" (a page; Russian "стр. 3" too), "1:05-1:20"
 * (a time range in a recording), "@1:05" (a moment), or anything else as a quoted passage.
 */
export function parsePinpoint(text: string): Pinpoint {
  const trimmed = text.trim();
  if (trimmed === '') throw new HabeasError('VALIDATION_FAILED', 'The pinpoint is empty.');
  const page = pagePattern.exec(trimmed);
  const range = rangePattern.exec(trimmed);
  const instant = instantPattern.exec(trimmed);
  const candidate: Pinpoint =
    page?.[1] !== undefined
      ? { page: Number(page[1]) }
      : range?.[1] !== undefined && range[2] !== undefined
        ? { start: parseTime(range[1]), end: parseTime(range[2]) }
        : instant?.[1] !== undefined && trimmed.includes(':')
          ? { start: parseTime(instant[1]) }
          : { quote: trimmed };
  const parsed = pinpointSchema.safeParse(candidate);
  if (!parsed.success) throw new HabeasError('VALIDATION_FAILED', 'The pinpoint is not valid.');
  return parsed.data;
}
