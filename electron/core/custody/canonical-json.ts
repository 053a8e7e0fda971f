/**
 * Canonical JSON for hashing: object keys sorted by code point at every depth, no white space,
 * strings and numbers as JSON.stringify writes them. Two values that mean the same give the same
 * bytes, whatever order their keys were built in. Only plain JSON data is accepted: undefined,
 * functions, symbols, bigints, non-finite numbers and class instances are refused, because they
 * have no single JSON form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError('Canonical JSON has no form for a non-finite number.');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`Canonical JSON has no form for ${typeof value}.`);
}
