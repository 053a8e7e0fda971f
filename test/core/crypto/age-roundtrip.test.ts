import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDecryptStream,
  createEncryptStream,
  decryptBuffer,
  encryptBuffer,
  openAgeFile,
} from '../../../electron/core/crypto/index';
import { makeTempDir } from '../../support/temp-dir';
import {
  CHUNK,
  MiB,
  SEALED_CHUNK,
  collect,
  newKeyPair,
  passphrasePair,
  payloadStart,
  throughTransform,
  writeTemp,
} from './age-test-support';

const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, MiB + 4321];

describe('age round trips', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('habeas-age-'));
  });
  afterAll(() => cleanup());

  const alice = newKeyPair();
  const bob = newKeyPair();
  const pass = passphrasePair();

  describe.each([
    ['X25519', [alice.recipient], [alice.identity]],
    ['scrypt', [pass.recipient], [pass.identity]],
    ['several X25519 recipients', [alice.recipient, bob.recipient], [bob.identity]],
  ] as const)('to %s', (_name, recipients, identities) => {
    it.each(sizes)('%i bytes through every writer and reader', async (size) => {
      const plaintext = randomBytes(size);
      const fromBuffer = await encryptBuffer(plaintext, recipients);
      const fromStream = await throughTransform(createEncryptStream(recipients), plaintext, 10_000);

      for (const sealed of [fromBuffer, fromStream]) {
        // The size follows from the format: one chunk at least, 16 bytes of tag each.
        const chunks = Math.max(1, Math.ceil(size / CHUNK));
        expect(sealed.length).toBe(payloadStart(sealed) + size + 16 * chunks);
        expect((await decryptBuffer(sealed, identities)).equals(plaintext)).toBe(true);
        const streamed = await throughTransform(createDecryptStream(identities), sealed, 9_999);
        expect(streamed.equals(plaintext)).toBe(true);

        const file = await openAgeFile(await writeTemp(dir, sealed), identities);
        try {
          expect(file.plaintextSize).toBe(size);
          expect(file.headerSize).toBe(payloadStart(sealed) - 16);
          expect((await file.readRange(0, size)).equals(plaintext)).toBe(true);
          expect((await collect(file.createReadStream())).equals(plaintext)).toBe(true);
        } finally {
          await file.close();
        }
      }
      // Fresh file key and nonce every time: the same plaintext never encrypts the same way.
      expect(fromBuffer.equals(await encryptBuffer(plaintext, recipients))).toBe(false);
    });
  });

  it('writes a full final chunk rather than an empty one after it', async () => {
    const { recipient } = newKeyPair();
    const sealed = await encryptBuffer(randomBytes(2 * CHUNK), [recipient]);
    expect(sealed.length - payloadStart(sealed)).toBe(2 * SEALED_CHUNK);
    const streamed = await throughTransform(
      createEncryptStream([recipient]),
      randomBytes(2 * CHUNK),
    );
    expect(streamed.length - payloadStart(streamed)).toBe(2 * SEALED_CHUNK);
  });

  it('writes the scrypt work factor it was asked for, 18 by default', async () => {
    const sealed = await encryptBuffer(Buffer.from('x'), [pass.recipient]);
    expect(sealed.toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 10\n/);
    const stream = createEncryptStream([{ kind: 'scrypt', passphrase: 'p' }]);
    const header = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    stream.destroy();
    expect(header.toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 18\n/);
  });

  it('encrypts whatever the write pattern, from bytes to megabytes', async () => {
    const plaintext = randomBytes(3 * CHUNK + 5);
    for (const piece of [1, 7, CHUNK - 1, CHUNK, CHUNK + 1, 4 * CHUNK]) {
      const sealed = await throughTransform(
        createEncryptStream([alice.recipient]),
        plaintext,
        piece,
      );
      expect((await decryptBuffer(sealed, [alice.identity])).equals(plaintext)).toBe(true);
    }
  });

  it('decrypts a stream fed a few bytes at a time', async () => {
    const plaintext = randomBytes(CHUNK + 100);
    const sealed = await encryptBuffer(plaintext, [alice.recipient]);
    for (const piece of [1, 13, 16, SEALED_CHUNK]) {
      const out = await throughTransform(createDecryptStream([alice.identity]), sealed, piece);
      expect(out.equals(plaintext)).toBe(true);
    }
  });
});
