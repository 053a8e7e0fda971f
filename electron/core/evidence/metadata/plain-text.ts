import { detect } from 'chardet';
import { tidy } from './html-text';
import { limits } from './limits';
import type { ByteSource, FormatResult } from './types';

/**
 * A text file in whatever encoding it came: a byte-order mark decides, else valid UTF-8 is
 * UTF-8, else chardet guesses (Windows-1251 and KOI8-R for old Russian files).
 */
export async function readPlainText(source: ByteSource): Promise<FormatResult> {
  const bytes = await source.read(0, Math.min(source.size, limits.plainTextBytes));
  const text = tidy(decodeText(bytes)).slice(0, limits.maxTextChars);
  return {
    metadata: { format: 'Plain text' },
    ...(text === '' ? { notes: [{ code: 'no-text' }] } : { text, notes: [] }),
  };
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  try {
    // A character cut by the read limit at the very end is not a reason to doubt UTF-8.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, {
      stream: true,
    });
  } catch {
    return decode(detect(bytes) ?? 'windows-1252', bytes);
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
