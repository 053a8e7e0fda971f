import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptBuffer, openAgeFile, type AgeFile } from '../../../electron/core/crypto/index';
import { makeTempDir } from '../../support/temp-dir';
import {
  CHUNK,
  collect,
  expectRejects,
  expectThrows,
  flipBit,
  newKeyPair,
  payloadStart,
  SEALED_CHUNK,
  writeTemp,
} from './age-test-support';

describe('age random access', () => {
  const { recipient, identity } = newKeyPair();
  const plaintext = randomBytes(5 * CHUNK + 12_345);
  const size = plaintext.length;
  let file: AgeFile;
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const temp = await makeTempDir('habeas-age-');
    cleanup = temp.cleanup;
    const path = await writeTemp(temp.dir, await encryptBuffer(plaintext, [recipient]));
    file = await openAgeFile(path, [identity]);
  });
  afterAll(async () => {
    await file.close();
    await cleanup();
  });

  it('returns the plaintext slice for many random ranges', async () => {
    for (let round = 0; round < 300; round++) {
      const a = randomInt(0, size + 1);
      const b = randomInt(0, size + 1);
      const [start, end] = a <= b ? [a, b] : [b, a];
      expect((await file.readRange(start, end)).equals(plaintext.subarray(start, end))).toBe(true);
    }
  });

  it('streams random ranges', async () => {
    for (let round = 0; round < 30; round++) {
      const start = randomInt(0, size);
      const end = randomInt(start, size + 1);
      const streamed = await collect(file.createReadStream(start, end));
      expect(streamed.equals(plaintext.subarray(start, end))).toBe(true);
    }
  });

  it('serves many ranges at once', async () => {
    const ranges = Array.from({ length: 50 }, () => {
      const start = randomInt(0, size);
      return [start, Math.min(size, start + randomInt(0, 3 * CHUNK))] as const;
    });
    const slices = await Promise.all(ranges.map(([start, end]) => file.readRange(start, end)));
    slices.forEach((slice, i) => {
      const [start, end] = ranges[i]!;
      expect(slice.equals(plaintext.subarray(start, end))).toBe(true);
    });
  });

  it.each([
    [0, 1],
    [0, CHUNK],
    [CHUNK - 1, CHUNK],
    [CHUNK - 1, CHUNK + 1],
    [CHUNK, CHUNK + 1],
    [CHUNK, 2 * CHUNK],
    [2 * CHUNK - 1, 4 * CHUNK + 1],
    [5 * CHUNK, size],
    [5 * CHUNK - 1, size],
    [size - 1, size],
    [0, size],
  ])('returns [%i, %i) across chunk boundaries', async (start, end) => {
    expect((await file.readRange(start, end)).equals(plaintext.subarray(start, end))).toBe(true);
    expect(
      (await collect(file.createReadStream(start, end))).equals(plaintext.subarray(start, end)),
    ).toBe(true);
  });

  it('returns nothing for an empty range, anywhere', async () => {
    for (const at of [0, CHUNK, size]) {
      expect(await file.readRange(at, at)).toHaveLength(0);
      expect(await collect(file.createReadStream(at, at))).toHaveLength(0);
    }
  });

  it.each([
    [-1, 5],
    [0, size + 1],
    [size, size + 1],
    [10, 5],
    [1.5, 3],
    [Number.NaN, 3],
    [0, Number.POSITIVE_INFINITY],
  ])('refuses the range [%d, %d)', async (start, end) => {
    await expectRejects(file.readRange(start, end), 'VALIDATION_FAILED');
    expectThrows(() => file.createReadStream(start, end), 'VALIDATION_FAILED');
  });

  it('refuses reads once closed', async () => {
    const temp = await makeTempDir('habeas-age-');
    try {
      const path = await writeTemp(temp.dir, await encryptBuffer(Buffer.from('x'), [recipient]));
      const closing = await openAgeFile(path, [identity]);
      await closing.close();
      await closing.close();
      await expectRejects(closing.readRange(0, 1), 'INTERNAL');
    } finally {
      await temp.cleanup();
    }
  });
});

async function gather(pieces: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const piece of pieces) all.push(piece);
  return Buffer.concat(all);
}

describe('age random access over many batches (read a batch ahead)', () => {
  const { recipient, identity } = newKeyPair();
  // 40 full chunks and a part: three batches of 16 chunks.
  const plaintext = randomBytes(40 * CHUNK + 777);
  const size = plaintext.length;
  let dir: string;
  let sealed: Buffer;
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const temp = await makeTempDir('habeas-age-');
    ({ dir, cleanup } = temp);
    sealed = await encryptBuffer(plaintext, [recipient]);
  });
  afterAll(() => cleanup());

  it('gives every byte in order, whole and across batch boundaries', async () => {
    const file = await openAgeFile(await writeTemp(dir, sealed), [identity]);
    try {
      expect((await gather(file.chunks())).equals(plaintext)).toBe(true);
      for (const [start, end] of [
        [16 * CHUNK - 1, 16 * CHUNK + 1],
        [CHUNK + 5, 33 * CHUNK + 9],
        [31 * CHUNK, size],
        [0, size],
      ] as const) {
        const range = await gather(file.chunks(start, end));
        expect(range.equals(plaintext.subarray(start, end))).toBe(true);
        expect((await collect(file.createReadStream(start, end))).equals(range)).toBe(true);
      }
    } finally {
      await file.close();
    }
  });

  it('gives the verified chunks before a damaged one, then INTEGRITY_FAILED', async () => {
    const damaged = flipBit(sealed, payloadStart(sealed) + 35 * SEALED_CHUNK + 100);
    const file = await openAgeFile(await writeTemp(dir, damaged), [identity]);
    try {
      const pieces: Buffer[] = [];
      const reading = (async () => {
        for await (const piece of file.chunks()) pieces.push(Buffer.from(piece));
      })();
      await expectRejects(reading, 'INTEGRITY_FAILED');
      expect(Buffer.concat(pieces).equals(plaintext.subarray(0, 35 * CHUNK))).toBe(true);
    } finally {
      await file.close();
    }
  });

  it('lets a reader stop early, and refuses to go on once the file is closed', async () => {
    const file = await openAgeFile(await writeTemp(dir, sealed), [identity]);
    for await (const piece of file.chunks()) {
      expect(piece.equals(plaintext.subarray(0, CHUNK))).toBe(true);
      break;
    }
    const iterator = file.chunks()[Symbol.asyncIterator]();
    // The next batch is being read while the first chunks are handed out.
    await iterator.next();
    await file.close();
    // Closed (as at lock): not one more chunk is decrypted, read ahead or not.
    await expectRejects(iterator.next(), 'INTERNAL');
  });
});
