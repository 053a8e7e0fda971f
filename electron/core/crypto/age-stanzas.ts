import { randomBytes, scrypt } from 'node:crypto';
import { HabeasError } from '../habeas-error';
import { missingCase } from '../../../shared/errors';
import { type ParsedHeader, type Stanza, verifyHeaderMac } from './age-header';
import { generateIdentity, x25519PublicKey, x25519SharedSecret, X25519_KEY_SIZE } from './age-keys';
import {
  aeadOpen,
  aeadSeal,
  decodeBase64Strict,
  encodeBase64NoPad,
  FILE_KEY_SIZE,
  hkdfSha256,
  integrityFailed,
  invalidInput,
  TAG_SIZE,
} from './age-primitives';

/**
 * The two recipient stanza types of age v1 (https://age-encryption.org/v1). Each wraps the
 * 16-byte file key with ChaCha20-Poly1305 under a zero nonce, so every body is 32 bytes.
 *
 *   -> X25519 SHARE      SHARE: base64 of a fresh ephemeral X25519 public key.
 *                        wrap key = HKDF-SHA256(X25519(ephemeral, recipient),
 *                          salt = SHARE ‖ recipient, info = "age-encryption.org/v1/X25519")
 *   -> scrypt SALT LOGN  SALT: base64 of 16 random bytes; LOGN: log2 of the work factor, decimal.
 *                        wrap key = scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ SALT,
 *                          N = 2^LOGN, r = 8, p = 1, 32 bytes)
 *
 * An scrypt stanza must be the only stanza: otherwise whoever holds a recipient key could re-wrap
 * the file for a passphrase nobody chose. Stanzas of unknown types are skipped.
 */

export type AgeRecipient =
  | { readonly kind: 'x25519'; readonly publicKey: Uint8Array }
  | { readonly kind: 'scrypt'; readonly passphrase: string; readonly logN?: number };

export type AgeIdentity =
  | { readonly kind: 'x25519'; readonly secretKey: Uint8Array }
  | { readonly kind: 'scrypt'; readonly passphrase: string; readonly maxLogN?: number };

export const DEFAULT_SCRYPT_LOG_N = 18;
export const DEFAULT_MAX_SCRYPT_LOG_N = 22;
/** N = 2^30 needs 128 GiB: anything above is a mistake, not a setting. */
const HIGHEST_LOG_N = 30;

const x25519Label = 'age-encryption.org/v1/X25519';
const scryptLabel = Buffer.from('age-encryption.org/v1/scrypt', 'latin1');
const zeroNonce = Buffer.alloc(12);
const wrappedKeySize = FILE_KEY_SIZE + TAG_SIZE;
const scryptSaltSize = 16;
const decimal = /^[1-9][0-9]*$/;

export function checkRecipients(recipients: readonly AgeRecipient[]): void {
  if (recipients.length === 0) throw invalidInput('An age file needs at least one recipient.');
  for (const recipient of recipients) {
    switch (recipient.kind) {
      case 'x25519':
        if (recipient.publicKey.length !== X25519_KEY_SIZE) {
          throw invalidInput('An age public key must be 32 bytes.');
        }
        break;
      case 'scrypt':
        if (recipients.length !== 1) {
          throw invalidInput('A passphrase cannot be combined with other recipients.');
        }
        if (recipient.passphrase.length === 0) throw invalidInput('The passphrase is empty.');
        checkLogN(recipient.logN ?? DEFAULT_SCRYPT_LOG_N);
        break;
      default:
        missingCase(recipient);
    }
  }
}

export function checkIdentities(identities: readonly AgeIdentity[]): void {
  if (identities.length === 0) throw invalidInput('No key or passphrase was given.');
  for (const identity of identities) {
    switch (identity.kind) {
      case 'x25519':
        if (identity.secretKey.length !== X25519_KEY_SIZE) {
          throw invalidInput('An age secret key must be 32 bytes.');
        }
        break;
      case 'scrypt':
        checkLogN(identity.maxLogN ?? DEFAULT_MAX_SCRYPT_LOG_N);
        break;
      default:
        missingCase(identity);
    }
  }
}

/** Wraps `fileKey` once per recipient. */
export async function wrapFileKey(
  fileKey: Uint8Array,
  recipients: readonly AgeRecipient[],
): Promise<Stanza[]> {
  checkRecipients(recipients);
  const stanzas: Stanza[] = [];
  for (const recipient of recipients) {
    switch (recipient.kind) {
      case 'x25519': {
        const ephemeral = generateIdentity();
        const shared = x25519SharedSecret(ephemeral.secretKey, recipient.publicKey);
        if (shared === undefined) throw invalidInput('This age public key is not usable.');
        const salt = Buffer.concat([ephemeral.publicKey, recipient.publicKey]);
        const wrapKey = hkdfSha256(shared, salt, x25519Label);
        const body = Buffer.concat(aeadSeal(wrapKey, zeroNonce, fileKey));
        stanzas.push({ type: 'X25519', args: [encodeBase64NoPad(ephemeral.publicKey)], body });
        break;
      }
      case 'scrypt': {
        const logN = recipient.logN ?? DEFAULT_SCRYPT_LOG_N;
        const salt = randomBytes(scryptSaltSize);
        const wrapKey = await scryptKey(recipient.passphrase, salt, logN);
        const body = Buffer.concat(aeadSeal(wrapKey, zeroNonce, fileKey));
        stanzas.push({ type: 'scrypt', args: [encodeBase64NoPad(salt), String(logN)], body });
        break;
      }
      default:
        missingCase(recipient);
    }
  }
  return stanzas;
}

/**
 * Finds the file key with the first identity that opens a stanza, then checks the header MAC
 * with it. Throws WRONG_PASSPHRASE when the file is passphrase-protected and no passphrase
 * opens it, INTEGRITY_FAILED when no stanza is for these identities or the header is damaged.
 */
export async function unlockFileKey(
  header: ParsedHeader,
  identities: readonly AgeIdentity[],
): Promise<Buffer> {
  checkIdentities(identities);
  const { stanzas } = header;
  const scryptStanza = stanzas.find((stanza) => stanza.type === 'scrypt');
  if (scryptStanza !== undefined && stanzas.length !== 1) {
    throw integrityFailed('The encrypted file is damaged: a passphrase stanza is not alone.');
  }
  let triedPassphrase = false;
  for (const identity of identities) {
    let fileKey: Buffer | undefined;
    switch (identity.kind) {
      case 'x25519':
        fileKey = unwrapX25519(stanzas, identity.secretKey);
        break;
      case 'scrypt':
        if (scryptStanza === undefined) continue;
        triedPassphrase = true;
        fileKey = await unwrapScrypt(scryptStanza, identity);
        break;
      default:
        missingCase(identity);
    }
    if (fileKey !== undefined) {
      verifyHeaderMac(header, fileKey);
      return fileKey;
    }
  }
  if (triedPassphrase) throw new HabeasError('WRONG_PASSPHRASE', 'The passphrase is incorrect.');
  if (scryptStanza !== undefined) {
    throw integrityFailed('This file is protected by a passphrase, not by a key.');
  }
  throw integrityFailed('This file is not encrypted to this key.');
}

function unwrapX25519(stanzas: readonly Stanza[], secretKey: Uint8Array): Buffer | undefined {
  // From the key objects kept for this buffer (age-keys.ts): a case's files all open with one.
  const publicKey = x25519PublicKey(secretKey);
  for (const stanza of stanzas) {
    if (stanza.type !== 'X25519') continue;
    const [encodedShare, ...extra] = stanza.args;
    const share = encodedShare === undefined ? undefined : decodeBase64Strict(encodedShare);
    if (extra.length > 0 || share?.length !== X25519_KEY_SIZE) throw malformedStanza();
    if (stanza.body.length !== wrappedKeySize) throw malformedStanza();
    const shared = x25519SharedSecret(secretKey, share);
    if (shared === undefined) throw malformedStanza();
    const salt = Buffer.concat([share, publicKey]);
    const fileKey = aeadOpen(hkdfSha256(shared, salt, x25519Label), zeroNonce, stanza.body);
    // A stanza that does not open is simply for someone else.
    if (fileKey !== undefined) return fileKey;
  }
  return undefined;
}

async function unwrapScrypt(
  stanza: Stanza,
  identity: Extract<AgeIdentity, { kind: 'scrypt' }>,
): Promise<Buffer | undefined> {
  const [encodedSalt, encodedLogN, ...extra] = stanza.args;
  const salt = encodedSalt === undefined ? undefined : decodeBase64Strict(encodedSalt);
  if (extra.length > 0 || salt?.length !== scryptSaltSize) throw malformedStanza();
  if (encodedLogN === undefined || !decimal.test(encodedLogN)) throw malformedStanza();
  if (stanza.body.length !== wrappedKeySize) throw malformedStanza();
  const logN = Number(encodedLogN);
  if (logN > (identity.maxLogN ?? DEFAULT_MAX_SCRYPT_LOG_N)) {
    // Not damage: the file asks for more memory and time than this reader is willing to spend.
    throw new HabeasError(
      'UNSUPPORTED_FILE',
      'This file asks for a stronger passphrase work factor than allowed.',
    );
  }
  const wrapKey = await scryptKey(identity.passphrase, salt, logN);
  return aeadOpen(wrapKey, zeroNonce, stanza.body);
}

function scryptKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  const r = 8;
  const p = 1;
  // OpenSSL's estimate of what scrypt needs is 128·r·(N + p + 2); node's default cap is 32 MiB.
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase, Buffer.concat([scryptLabel, salt]), 32, { N, r, p, maxmem }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

function checkLogN(logN: number): void {
  if (!Number.isInteger(logN) || logN < 1 || logN > HIGHEST_LOG_N) {
    throw invalidInput('The passphrase work factor must be a whole number from 1 to 30.');
  }
}

function malformedStanza(): HabeasError {
  return integrityFailed('The encrypted file is damaged: its header is malformed.');
}
