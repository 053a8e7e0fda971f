/**
 * A passphrase for an archive, made here and shown once: six groups of five characters from
 * 32 that are hard to confuse when copied by hand (no o/0, no l/1), 150 bits of randomness from
 * the browser's CSPRNG. Unbiased: 32 divides 256.
 */
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
const groups = 6;
const groupLength = 5;

export function generatePassphrase(
  random: (bytes: Uint8Array<ArrayBuffer>) => void = fill,
): string {
  const bytes = new Uint8Array(groups * groupLength);
  random(bytes);
  const characters = Array.from(bytes, (byte) => alphabet[byte % 32] ?? '');
  return Array.from({ length: groups }, (_, group) =>
    characters.slice(group * groupLength, (group + 1) * groupLength).join(''),
  ).join('-');
}

function fill(bytes: Uint8Array<ArrayBuffer>): void {
  crypto.getRandomValues(bytes);
}
