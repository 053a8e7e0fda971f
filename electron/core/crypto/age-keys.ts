import { bech32 } from '@scure/base';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { invalidInput, isAllZero } from './age-primitives';

/**
 * age X25519 keys (https://age-encryption.org/v1, "The X25519 recipient type").
 *
 * A secret key is 32 random bytes, used as an X25519 scalar (X25519 clamps it itself); the public
 * key is X25519(secret, basepoint). Both have a bech32 text form (BIP 173, without its
 * 90-character limit): the identity in upper case with the prefix "AGE-SECRET-KEY-", the
 * recipient in lower case with the prefix "age".
 */

export type X25519Identity = { readonly secretKey: Buffer; readonly publicKey: Buffer };

export const X25519_KEY_SIZE = 32;

const identityPrefix = 'age-secret-key-';
const recipientPrefix = 'age';

/**
 * RFC 8410 PKCS#8 wrapping of a raw X25519 private key. A JWK would do as well, but node's JWK
 * import demands the public "x" we are about to compute, and ignores a wrong one.
 */
const pkcs8Prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function generateIdentity(): X25519Identity {
  return identityFromSecret(randomBytes(X25519_KEY_SIZE));
}

export function identityFromSecret(secret: Uint8Array): X25519Identity {
  const secretKey = Buffer.from(checkKeySize(secret, 'An age secret key must be 32 bytes.'));
  return { secretKey, publicKey: publicKeyOf(privateKeyObject(secretKey)) };
}

/** The public key of `secret`, from the key objects kept for it (see `derived`). */
export function x25519PublicKey(secret: Uint8Array): Buffer {
  return Buffer.from(derivedKeys(secret).publicKey);
}

/**
 * Zeroes a secret key and drops the key objects kept for it, which hold the key inside OpenSSL:
 * wherever a secret that opened files is wiped (a case forgotten, the vault locked), this is how.
 */
export function wipeSecretKey(secret: Uint8Array): void {
  derived.delete(secret);
  secret.fill(0);
}

/**
 * X25519(secret, peer). Undefined when the result is all zeros, which only a low-order peer
 * point can cause: such a share carries no secret and must be refused (RFC 7748 section 6.1).
 */
export function x25519SharedSecret(secret: Uint8Array, peerPublic: Uint8Array): Buffer | undefined {
  const publicKey = createPublicKey({
    key: {
      kty: 'OKP',
      crv: 'X25519',
      x: Buffer.from(checkKeySize(peerPublic, 'An age public key must be 32 bytes.')).toString(
        'base64url',
      ),
    },
    format: 'jwk',
  });
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: derivedKeys(secret).privateKey, publicKey });
  } catch {
    // OpenSSL itself refuses an all-zero result.
    return undefined;
  }
  return isAllZero(shared) ? undefined : shared;
}

export function encodeIdentity(secret: Uint8Array): string {
  const bytes = checkKeySize(secret, 'An age secret key must be 32 bytes.');
  return bech32.encode(identityPrefix, bech32.toWords(bytes), false).toUpperCase();
}

/** Parses "AGE-SECRET-KEY-1…" (upper case, as age writes and requires it) to the 32-byte secret. */
export function decodeIdentity(text: string): Buffer {
  const message = 'This is not a valid age secret key.';
  if (text !== text.toUpperCase()) throw invalidInput(message);
  return decodeBech32(text.toLowerCase(), identityPrefix, message);
}

export function encodeRecipient(publicKey: Uint8Array): string {
  const bytes = checkKeySize(publicKey, 'An age public key must be 32 bytes.');
  return bech32.encode(recipientPrefix, bech32.toWords(bytes), false);
}

/** Parses "age1…" (lower case) to the 32-byte X25519 public key. */
export function decodeRecipient(text: string): Buffer {
  const message = 'This is not a valid age recipient.';
  if (text !== text.toLowerCase()) throw invalidInput(message);
  return decodeBech32(text, recipientPrefix, message);
}

function decodeBech32(text: string, prefix: string, message: string): Buffer {
  if (!text.startsWith(`${prefix}1`)) throw invalidInput(message);
  let bytes: Uint8Array | undefined;
  try {
    const decoded = bech32.decode(text as `${string}1${string}`, false);
    bytes = decoded.prefix === prefix ? bech32.fromWords(decoded.words) : undefined;
  } catch {
    bytes = undefined;
  }
  if (bytes?.length !== X25519_KEY_SIZE) throw invalidInput(message);
  return Buffer.from(bytes);
}

type DerivedKeys = {
  /** SHA-256 of the secret the keys were made from: never the secret itself. */
  readonly digest: Buffer;
  readonly privateKey: KeyObject;
  readonly publicKey: Buffer;
};

/**
 * The key objects made from each secret buffer that opens files, for as long as that buffer
 * lives or until `wipeSecretKey`: importing a key into OpenSSL is most of the cost of opening an
 * age file, and a case's files all open with one secret. A buffer whose bytes have changed
 * since is derived anew.
 */
const derived = new WeakMap<Uint8Array, DerivedKeys>();

function derivedKeys(secret: Uint8Array): DerivedKeys {
  const bytes = checkKeySize(secret, 'An age secret key must be 32 bytes.');
  const digest = createHash('sha256').update(bytes).digest();
  const known = derived.get(bytes);
  if (known !== undefined && timingSafeEqual(known.digest, digest)) return known;
  const privateKey = privateKeyObject(bytes);
  const keys = { digest, privateKey, publicKey: publicKeyOf(privateKey) };
  derived.set(bytes, keys);
  return keys;
}

function privateKeyObject(secret: Uint8Array): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([pkcs8Prefix, secret]),
    format: 'der',
    type: 'pkcs8',
  });
}

function publicKeyOf(privateKey: KeyObject): Buffer {
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof publicJwk.x !== 'string') throw new Error('X25519 public key export lacks x');
  return Buffer.from(publicJwk.x, 'base64url');
}

function checkKeySize(key: Uint8Array, message: string): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== X25519_KEY_SIZE) throw invalidInput(message);
  return key;
}
