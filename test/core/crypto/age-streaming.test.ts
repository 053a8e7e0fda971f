import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDecryptStream,
  createEncryptStream,
  openAgeFile,
} from '../../../electron/core/crypto/index';
import { makeTempDir } from '../../support/temp-dir';
import { KiB, MiB, collect, newKeyPair, passphrasePair } from './age-test-support';

/** A lazy source of `total` pseudo-random bytes in uneven pieces; `pulled` counts what it gave. */
function source(total: number, seed: string): { stream: Readable; pulled: () => number } {
  let produced = 0;
  let counter = 0;
  const stream = new Readable({
    read() {
      if (produced >= total) {
        this.push(null);
        return;
      }
      const block = createHash('sha512').update(`${seed}:${counter++}`).digest();
      const size = Math.min(total - produced, 1 + (block.readUInt32BE(0) % (200 * KiB)));
      const piece = Buffer.alloc(size);
      for (let at = 0; at < size; at += block.length) block.copy(piece, at);
      produced += size;
      this.push(piece);
    },
  });
  return { stream, pulled: () => produced };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('age streaming', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('habeas-age-'));
  });
  afterAll(() => cleanup());

  it('pipes 5 MiB to a file that opens for random access and decrypts as a stream', async () => {
    const { recipient, identity } = newKeyPair();
    const size = 5 * MiB + 333;
    const expected = await collect(source(size, 'five').stream);
    const path = join(dir, 'five.age');
    await pipeline(
      source(size, 'five').stream,
      createEncryptStream([recipient]),
      createWriteStream(path),
    );

    const file = await openAgeFile(path, [identity]);
    try {
      expect(file.plaintextSize).toBe(size);
      expect(sha256(await file.readRange(0, size))).toBe(sha256(expected));
      expect(sha256(await collect(file.createReadStream(MiB, 4 * MiB)))).toBe(
        sha256(expected.subarray(MiB, 4 * MiB)),
      );
    } finally {
      await file.close();
    }
    const decrypted = await collect(createReadStream(path), createDecryptStream([identity]));
    expect(sha256(decrypted)).toBe(sha256(expected));
  });

  it('streams a passphrase-protected file', async () => {
    const pass = passphrasePair();
    const path = join(dir, 'pass.age');
    const expected = await collect(source(MiB, 'pass').stream);
    await pipeline(
      source(MiB, 'pass').stream,
      createEncryptStream([pass.recipient]),
      createWriteStream(path),
    );
    const decrypted = await collect(createReadStream(path), createDecryptStream([pass.identity]));
    expect(decrypted.equals(expected)).toBe(true);
  });

  it('stops taking plaintext while nobody reads the ciphertext', async () => {
    const { recipient } = newKeyPair();
    const input = source(256 * MiB, 'slow');
    const encrypt = createEncryptStream([recipient]);
    input.stream.pipe(encrypt);
    await delay(200);
    // Only a few chunks are in flight, not the 256 MiB on offer.
    expect(input.pulled()).toBeLessThan(2 * MiB);
    input.stream.destroy();
    encrypt.destroy();
  });

  it('stops taking ciphertext while nobody reads the plaintext', async () => {
    const { recipient, identity } = newKeyPair();
    const input = source(256 * MiB, 'slow-decrypt');
    const encrypt = createEncryptStream([recipient]);
    const decrypt = createDecryptStream([identity]);
    input.stream.pipe(encrypt).pipe(decrypt);
    await delay(200);
    expect(input.pulled()).toBeLessThan(4 * MiB);
    input.stream.destroy();
    encrypt.destroy();
    decrypt.destroy();
  });

  it('ends a read stream early without leaking the file', async () => {
    const { recipient, identity } = newKeyPair();
    const path = join(dir, 'early.age');
    await pipeline(
      source(3 * MiB, 'early').stream,
      createEncryptStream([recipient]),
      createWriteStream(path),
    );
    const file = await openAgeFile(path, [identity]);
    const stream = file.createReadStream();
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    expect(first.length).toBeGreaterThan(0);
    stream.destroy();
    await file.close();
  });
});
