import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { HabeasError } from '../habeas-error';

/**
 * The building blocks age v1 is made of, all from node:crypto (OpenSSL): HKDF-SHA256,
 * ChaCha20-Poly1305 with a 16-byte tag (RFC 8439), and canonical unpadded base64 (RFC 4648
 * section 4 without "="), plus the errors every age file problem maps to.
 */

export const TAG_SIZE = 16;
export const FILE_KEY_SIZE = 16;
const AEAD = 'chacha20-poly1305';

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** Seals `plaintext`; returns the ciphertext and the tag separately so callers can avoid a copy. */
export function aeadSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
): readonly [Buffer, Buffer] {
  const cipher = createCipheriv(AEAD, key, nonce, { authTagLength: TAG_SIZE });
  const ciphertext = cipher.update(plaintext);
  cipher.final();
  return [ciphertext, cipher.getAuthTag()];
}

/**
 * Opens `sealed` (ciphertext followed by its tag). Returns undefined when the tag does not verify:
 * no plaintext ever leaves here unverified.
 */
export function aeadOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Buffer | undefined {
  if (sealed.length < TAG_SIZE) return undefined;
  const split = sealed.length - TAG_SIZE;
  const decipher = createDecipheriv(AEAD, key, nonce, { authTagLength: TAG_SIZE });
  decipher.setAuthTag(sealed.subarray(split));
  const plaintext = decipher.update(sealed.subarray(0, split));
  try {
    decipher.final();
  } catch {
    return undefined;
  }
  return plaintext;
}

export function encodeBase64NoPad(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return text.slice(0, text.length - padding);
}

const base64Alphabet = /^[A-Za-z0-9+/]*$/;

/**
 * Decodes unpadded base64, refusing anything but the one canonical encoding: no padding, no
 * whitespace, no other alphabet, no stray bits in the last character. Node's own decoder skips
 * all of these silently, which would let two different headers carry the same bytes.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (!base64Alphabet.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return encodeBase64NoPad(bytes) === text ? bytes : undefined;
}

export function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (const byte of bytes) acc |= byte;
  return acc === 0;
}

export const damagedMessage = 'The encrypted file is damaged or has been altered.';
export const truncatedMessage = 'The encrypted file is incomplete: its end is missing.';

export function integrityFailed(message: string = damagedMessage): HabeasError {
  return new HabeasError('INTEGRITY_FAILED', message);
}

export function invalidInput(message: string): HabeasError {
  return new HabeasError('VALIDATION_FAILED', message);
}
