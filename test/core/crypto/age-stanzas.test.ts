import { describe, expect, it } from 'vitest';
import { headerMac, parseHeader, serializeHeader } from '../../../electron/core/crypto/age-header';
import { decodeIdentity } from '../../../electron/core/crypto/age-keys';
import { unlockFileKey, wrapFileKey } from '../../../electron/core/crypto/age-stanzas';
import {
  decryptBuffer,
  encryptBuffer,
  type AgeIdentity,
} from '../../../electron/core/crypto/index';
import { expectRejects, newKeyPair, passphrasePair } from './age-test-support';

const fileKey = Buffer.from('YELLOW SUBMARINE', 'latin1');
const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');
const intro = 'age-encryption.org/v1\n';

/** A parsed header from stanza text, with the MAC computed for the testkit file key. */
function header(stanzaText: string) {
  const macInput = Buffer.from(`${intro}${stanzaText}---`, 'latin1');
  const mac = b64(headerMac(fileKey, macInput));
  return parseHeader(Buffer.concat([macInput, Buffer.from(` ${mac}\n`)]));
}

// Stanzas from the C2SP CCTV age testkit ("x25519", "scrypt"): they wrap "YELLOW SUBMARINE".
const testkitIdentity =
  'AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6';
const testkitX25519 =
  '-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\nEmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n';
const testkitScrypt =
  '-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\ngUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n';
/** Async, so a header the parser refuses also surfaces as a rejection. */
const unlock = async (stanzaText: string, identities: readonly AgeIdentity[]) =>
  unlockFileKey(header(stanzaText), identities);

const x25519Identity = { kind: 'x25519', secretKey: decodeIdentity(testkitIdentity) } as const;
const password = { kind: 'scrypt', passphrase: 'password' } as const;

describe('age recipient stanzas', () => {
  it('unwraps the testkit X25519 stanza', async () => {
    const key = await unlock(testkitX25519, [x25519Identity]);
    expect(key.toString('latin1')).toBe('YELLOW SUBMARINE');
  });

  it('unwraps the testkit scrypt stanza', async () => {
    const key = await unlock(testkitScrypt, [password]);
    expect(key.toString('latin1')).toBe('YELLOW SUBMARINE');
  });

  it('skips stanzas of unknown types, and "Scrypt" is not "scrypt"', async () => {
    const grease = '-> grease-1 x y\nAAAA\n-> Scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n\n';
    const key = await unlock(`${grease}${testkitX25519}`, [x25519Identity]);
    expect(key.toString('latin1')).toBe('YELLOW SUBMARINE');
    await expectRejects(
      unlock(testkitScrypt.replace('scrypt', 'Scrypt'), [password]),
      'INTEGRITY_FAILED',
    );
  });

  it('checks the header MAC with the unwrapped key', async () => {
    const text = `${intro}${testkitX25519}---`;
    const wrongMac = b64(headerMac(Buffer.alloc(16), Buffer.from(text)));
    const forged = parseHeader(Buffer.from(`${text} ${wrongMac}\n`));
    const error = await expectRejects(unlockFileKey(forged, [x25519Identity]), 'INTEGRITY_FAILED');
    expect(error.message).toMatch(/header/);
  });

  it('refuses an scrypt stanza that is not alone', async () => {
    await expectRejects(
      unlock(`${testkitScrypt}${testkitX25519}`, [x25519Identity]),
      'INTEGRITY_FAILED',
    );
    await expectRejects(unlock(`${testkitScrypt}${testkitScrypt}`, [password]), 'INTEGRITY_FAILED');
  });

  it.each([
    ['a leading zero', '010'],
    ['a plus sign', '+10'],
    ['hex', '0xa'],
    ['zero', '0'],
    ['a negative', '-1'],
    ['a fraction', '10.0'],
  ])('refuses a work factor with %s', async (_name, logN) => {
    const stanza = testkitScrypt.replace(' 10\n', ` ${logN}\n`);
    await expectRejects(unlock(stanza, [password]), 'INTEGRITY_FAILED');
  });

  it('refuses a work factor above the reader’s limit before running scrypt', async () => {
    const stanza = testkitScrypt.replace(' 10\n', ' 23\n');
    await expectRejects(unlock(stanza, [password]), 'UNSUPPORTED_FILE');
    await expectRejects(unlock(testkitScrypt, [{ ...password, maxLogN: 9 }]), 'UNSUPPORTED_FILE');
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const wrong = { kind: 'scrypt', passphrase: 'hunter2' } as const;
    await expectRejects(unlock(testkitScrypt, [wrong]), 'WRONG_PASSPHRASE');
    // The testkit's "scrypt_work_factor_wrong": a stanza made with another N does not open.
    const otherN = testkitScrypt.replace(' 10\n', ' 11\n');
    await expectRejects(unlock(otherN, [password]), 'WRONG_PASSPHRASE');
  });

  it.each([
    ['two shares', testkitX25519.replace('OCc\n', 'OCc OCc\n')],
    ['a short share', testkitX25519.replace('TEiF0ypqr+', '')],
    ['an all-zero share', testkitX25519.replace(/X25519 \S+/, `X25519 ${b64(Buffer.alloc(32))}`)],
    ['a short body', testkitX25519.replace('EmECAEcKN+n/', '')],
  ])('refuses an X25519 stanza with %s', async (_name, stanza) => {
    await expectRejects(unlock(stanza, [x25519Identity]), 'INTEGRITY_FAILED');
  });

  it('says when a file is for another key, or wants a passphrase', async () => {
    const other = newKeyPair();
    const error = await expectRejects(unlock(testkitX25519, [other.identity]), 'INTEGRITY_FAILED');
    expect(error.message).toBe('This file is not encrypted to this key.');
    await expectRejects(unlock(testkitScrypt, [other.identity]), 'INTEGRITY_FAILED');
    await expectRejects(unlock(testkitX25519, [password]), 'INTEGRITY_FAILED');
  });

  it('tries every identity until one fits', async () => {
    const other = newKeyPair();
    const key = await unlock(testkitX25519, [other.identity, x25519Identity]);
    expect(key.toString('latin1')).toBe('YELLOW SUBMARINE');
  });

  it('wraps a file key that only the intended identities unwrap', async () => {
    const alice = newKeyPair();
    const bob = newKeyPair();
    const stanzas = await wrapFileKey(fileKey, [alice.recipient, bob.recipient]);
    const parsed = parseHeader(serializeHeader(stanzas, fileKey));
    expect(parsed.stanzas.map((stanza) => stanza.type)).toEqual(['X25519', 'X25519']);
    expect((await unlockFileKey(parsed, [bob.identity])).equals(fileKey)).toBe(true);
    expect((await unlockFileKey(parsed, [alice.identity])).equals(fileKey)).toBe(true);
    await expectRejects(unlockFileKey(parsed, [newKeyPair().identity]), 'INTEGRITY_FAILED');
  });

  it('refuses recipient and identity lists it cannot honour', async () => {
    const { recipient } = newKeyPair();
    const pass = passphrasePair();
    await expectRejects(encryptBuffer(Buffer.from('x'), []), 'VALIDATION_FAILED');
    await expectRejects(
      encryptBuffer(Buffer.from('x'), [recipient, pass.recipient]),
      'VALIDATION_FAILED',
    );
    await expectRejects(
      encryptBuffer(Buffer.from('x'), [{ kind: 'scrypt', passphrase: 'p', logN: 0 }]),
      'VALIDATION_FAILED',
    );
    await expectRejects(
      encryptBuffer(Buffer.from('x'), [{ kind: 'scrypt', passphrase: '' }]),
      'VALIDATION_FAILED',
    );
    await expectRejects(
      encryptBuffer(Buffer.from('x'), [{ kind: 'x25519', publicKey: new Uint8Array(31) }]),
      'VALIDATION_FAILED',
    );
    // A low-order point (here zero) would give a shared secret of zero.
    await expectRejects(
      encryptBuffer(Buffer.from('x'), [{ kind: 'x25519', publicKey: new Uint8Array(32) }]),
      'VALIDATION_FAILED',
    );
    const sealed = await encryptBuffer(Buffer.from('x'), [recipient]);
    await expectRejects(decryptBuffer(sealed, []), 'VALIDATION_FAILED');
    await expectRejects(
      decryptBuffer(sealed, [{ kind: 'x25519', secretKey: new Uint8Array(5) }]),
      'VALIDATION_FAILED',
    );
  });
});
