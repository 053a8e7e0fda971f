/**
 * One HTTP byte range (RFC 9110 §14) against a resource of `size` bytes:
 *   bytes=a-b  → [a, min(b, size-1)]      bytes=a-  → [a, size-1]      bytes=-n → the last n
 * Returns null when there is no usable Range header, or an invalid one such as bytes=5-3 (serve
 * the whole, 200), 'unsatisfiable' for 416. Several ranges are answered with the whole
 * resource, which the RFC allows.
 */
export type ByteRange = { readonly start: number; readonly end: number };

export function parseByteRange(
  header: string | null,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  // Digits beyond what a file can have only mean "to the end" (or "from past the end").
  const number = (digits: string) =>
    digits.length > 15 ? Number.MAX_SAFE_INTEGER : Number(digits);
  if (first === '') {
    const suffix = number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = number(first);
  if (last !== '' && number(last) < start) return null; // invalid: ignored, as the RFC says
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(number(last), size - 1) };
}
