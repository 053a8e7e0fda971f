import { bech32 } from '@scure/base';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeIdentity,
  decodeRecipient,
  encodeIdentity,
  encodeRecipient,
  generateIdentity,
  identityFromSecret,
} from '../../../electron/core/crypto/index';
import { x25519SharedSecret } from '../../../electron/core/crypto/age-keys';
import { expectThrows } from './age-test-support';

describe('age X25519 keys', () => {
  it('generates distinct 32-byte key pairs whose public key follows from the secret', () => {
    const a = generateIdentity();
    const b = generateIdentity();
    expect(a.secretKey).toHaveLength(32);
    expect(a.publicKey).toHaveLength(32);
    expect(a.secretKey.equals(b.secretKey)).toBe(false);
    expect(identityFromSecret(a.secretKey).publicKey.equals(a.publicKey)).toBe(true);
  });

  it('derives the RFC 7748 public key for a known secret', () => {
    // RFC 7748 section 6.1, Alice's key pair.
    const secret = Buffer.from(
      '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
      'hex',
    );
    expect(identityFromSecret(secret).publicKey.toString('hex')).toBe(
      '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
    );
  });

  it('derives again from a secret buffer whose bytes have changed (kept keys follow the bytes)', () => {
    const a = generateIdentity();
    const b = generateIdentity();
    const secret = Buffer.from(a.secretKey);
    expect(identityFromSecret(secret).publicKey.equals(a.publicKey)).toBe(true);
    // The same buffer, now holding another secret: its kept key objects must not be used.
    b.secretKey.copy(secret);
    expect(identityFromSecret(secret).publicKey.equals(b.publicKey)).toBe(true);
    const shared = x25519SharedSecret(secret, a.publicKey);
    expect(shared?.equals(x25519SharedSecret(a.secretKey, b.publicKey) ?? Buffer.alloc(0))).toBe(
      true,
    );
    // Zeroed, as at lock: the zero scalar's key, not b's.
    secret.fill(0);
    expect(identityFromSecret(secret).publicKey.equals(b.publicKey)).toBe(false);
  });

  it('lets go of the key objects kept for a secret once it is wiped', () => {
    const child = fileURLToPath(new URL('./key-objects-child.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const found = JSON.parse(result.stdout) as { live: number; holdsWiped: boolean };
    // The probe the child made to find them is the one live X25519 key object left.
    expect(found).toEqual({ live: 1, holdsWiped: false });
  }, 60_000);

  it('round-trips identities and recipients through their text forms', () => {
    const { secretKey, publicKey } = generateIdentity();
    const identity = encodeIdentity(secretKey);
    const recipient = encodeRecipient(publicKey);
    expect(identity).toMatch(/^AGE-SECRET-KEY-1[023456789ACDEFGHJKLMNPQRSTUVWXYZ]{58}$/);
    expect(recipient).toMatch(/^age1[023456789acdefghjklmnpqrstuvwxyz]{58}$/);
    expect(decodeIdentity(identity).equals(secretKey)).toBe(true);
    expect(decodeRecipient(recipient).equals(publicKey)).toBe(true);
  });

  const { secretKey, publicKey } = generateIdentity();
  const identity = encodeIdentity(secretKey);
  const recipient = encodeRecipient(publicKey);
  const swapLast = (text: string): string =>
    text.slice(0, -1) + (text.endsWith('q') || text.endsWith('Q') ? 'p' : 'q');

  it.each([
    ['empty', ''],
    ['lower-case identity', identity.toLowerCase()],
    ['mixed case', identity.slice(0, 20) + identity.slice(20).toLowerCase()],
    ['bad checksum', swapLast(identity)],
    ['a recipient', recipient.toUpperCase()],
    ['truncated', identity.slice(0, -6)],
    [
      'wrong length',
      bech32.encode('age-secret-key-', bech32.toWords(new Uint8Array(31)), false).toUpperCase(),
    ],
    ['surrounding space', ` ${identity}`],
    ['no separator', 'AGE-SECRET-KEY-'],
  ])('refuses an identity that is %s', (_name, text) => {
    expectThrows(() => decodeIdentity(text), 'VALIDATION_FAILED');
  });

  it.each([
    ['empty', ''],
    ['upper case', recipient.toUpperCase()],
    ['bad checksum', swapLast(recipient)],
    ['an identity', identity],
    ['another prefix', bech32.encode('agex', bech32.toWords(publicKey), false)],
    ['wrong length', bech32.encode('age', bech32.toWords(new Uint8Array(33)), false)],
    ['trailing newline', `${recipient}\n`],
  ])('refuses a recipient that is %s', (_name, text) => {
    expectThrows(() => decodeRecipient(text), 'VALIDATION_FAILED');
  });

  it('refuses raw keys of the wrong size', () => {
    expectThrows(() => identityFromSecret(new Uint8Array(31)), 'VALIDATION_FAILED');
    expectThrows(() => encodeIdentity(new Uint8Array(33)), 'VALIDATION_FAILED');
    expectThrows(() => encodeRecipient(new Uint8Array(0)), 'VALIDATION_FAILED');
  });
});
