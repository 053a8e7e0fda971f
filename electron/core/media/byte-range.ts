/**
 * One HTTP byte range (RFC 9110 §14) against a resource of `size` bytes:
 *   bytes=a-b  → [a, min(b, size-1)]      bytes=a-  → [a, size-1]      bytes=-n → the last n
 * Returns null when there is no usable Range header (serve the whole, 200), 'unsatisfiable'
 * for 416. Several ranges are answered with the whole resource, which the RFC allows.
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
  if (first.length > 15 || last.length > 15) return 'unsatisfiable';
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== '' && Number(last) < start)) return 'unsatisfiable';
  return { start, end };
}
