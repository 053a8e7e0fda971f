import { base32crockford } from '@scure/base';
import { createHash, randomBytes } from 'node:crypto';
import { HabeasError } from '../habeas-error';

/**
 * The recovery key: 160 random bits written as 32 Crockford base32 characters and a
 * 4-character checksum (the first 20 bits of its SHA-256), in nine groups of four:
 * `7KQ2-…-XXXX`. Crockford's alphabet has no I, L, O or U, and reading accepts the usual
 * confusions (o→0, i/l→1), lower case, spaces and dashes. The checksum catches a mistyped key
 * before any decryption is tried.
 */
const keyBytes = 20;

function checksum(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  return base32crockford.encode(digest.subarray(0, 5)).slice(0, 4);
}

export function formatRecoveryKey(bytes: Uint8Array): string {
  const text = base32crockford.encode(bytes) + checksum(bytes);
  return text.match(/.{4}/g)?.join('-') ?? text;
}

export function generateRecoveryKey(): { bytes: Buffer; text: string } {
  const bytes = randomBytes(keyBytes);
  return { bytes, text: formatRecoveryKey(bytes) };
}

export function parseRecoveryKey(input: string): Buffer {
  const normalised = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const invalid = new HabeasError(
    'VALIDATION_FAILED',
    'The recovery key is mistyped: check it and try again.',
  );
  if (!/^[0-9A-HJKMNP-TV-Z]{36}$/.test(normalised)) throw invalid;
  let bytes: Uint8Array;
  try {
    bytes = base32crockford.decode(normalised.slice(0, 32));
  } catch {
    throw invalid;
  }
  if (bytes.length !== keyBytes || checksum(bytes) !== normalised.slice(32)) throw invalid;
  return Buffer.from(bytes);
}
