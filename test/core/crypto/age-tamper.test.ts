import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeHeader } from '../../../electron/core/crypto/age-header';
import { derivePayloadKey, sealChunk } from '../../../electron/core/crypto/age-payload';
import { wrapFileKey } from '../../../electron/core/crypto/age-stanzas';
import {
  createDecryptStream,
  decryptBuffer,
  encryptBuffer,
  openAgeFile,
  type AgeIdentity,
} from '../../../electron/core/crypto/index';
import type { ErrorCode } from '../../../shared/errors';
import { makeTempDir } from '../../support/temp-dir';
import {
  CHUNK,
  SEALED_CHUNK,
  expectRejects,
  flipBit,
  newKeyPair,
  passphrasePair,
  payloadStart,
  sealedChunkAt,
  throughTransform,
  writeTemp,
} from './age-test-support';

describe('tampered age files', () => {
  const { recipient, identity } = newKeyPair();
  const identities = [identity];
  // Four full chunks and a short final one.
  const plaintext = randomBytes(4 * CHUNK + 1000);
  let sealed: Buffer = Buffer.alloc(0);
  let start = 0;
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('habeas-age-'));
    sealed = await encryptBuffer(plaintext, [recipient]);
    start = payloadStart(sealed);
  });
  afterAll(() => cleanup());

  const chunk = (index: number): Buffer => sealedChunkAt(sealed, index);
  const head = (): Buffer => sealed.subarray(0, start);

  /** Every reader refuses `bytes` with `code`: openAgeFile at open, and both sequential ones. */
  async function refusedEverywhere(
    bytes: Buffer,
    code: ErrorCode = 'INTEGRITY_FAILED',
    by: readonly AgeIdentity[] = identities,
  ): Promise<void> {
    await expectRejects(openAgeFile(await writeTemp(dir, bytes), by), code);
    await expectRejects(decryptBuffer(bytes, by), code);
    await expectRejects(throughTransform(createDecryptStream(by), bytes), code);
  }

  /** Opens fine (the final chunk is intact) but reading the chunks at `index` fails. */
  async function refusedWhenRead(bytes: Buffer, index: number): Promise<void> {
    const file = await openAgeFile(await writeTemp(dir, bytes), identities);
    try {
      if (index > 0)
        expect(
          (await file.readRange(0, index * CHUNK)).equals(plaintext.subarray(0, index * CHUNK)),
        ).toBe(true);
      await expectRejects(file.readRange(index * CHUNK, index * CHUNK + 1), 'INTEGRITY_FAILED');
      await expectRejects(file.readRange(0, file.plaintextSize), 'INTEGRITY_FAILED');
    } finally {
      await file.close();
    }
    await expectRejects(decryptBuffer(bytes, identities), 'INTEGRITY_FAILED');
    await expectRejects(
      throughTransform(createDecryptStream(identities), bytes),
      'INTEGRITY_FAILED',
    );
  }

  it('refuses every single-bit flip in the header after the version line', async () => {
    const small = await encryptBuffer(Buffer.from('evidence'), [recipient]);
    const headerEnd = payloadStart(small) - 16;
    for (let offset = 'age-encryption.org/v1\n'.length; offset < headerEnd; offset++) {
      for (let bit = 0; bit < 8; bit++) {
        await expectRejects(
          decryptBuffer(flipBit(small, offset, bit), identities),
          'INTEGRITY_FAILED',
        );
      }
    }
    await refusedEverywhere(flipBit(sealed, 40));
  });

  it('refuses a header whose MAC was altered', async () => {
    const text = sealed.toString('latin1', 0, start - 16);
    const mac = Buffer.from(text.slice(text.lastIndexOf(' ') + 1, -1), 'base64');
    mac[7] = (mac[7] ?? 0) ^ 0x10;
    const forged = Buffer.from(
      text.slice(0, text.lastIndexOf(' ') + 1) + mac.toString('base64').replace(/=+$/, '') + '\n',
      'latin1',
    );
    expect(forged.length).toBe(start - 16);
    await refusedEverywhere(Buffer.concat([forged, sealed.subarray(start - 16)]));
  });

  it('refuses a flipped bit in the payload nonce at open', async () => {
    await refusedEverywhere(flipBit(sealed, start - 5));
  });

  it('refuses a flipped bit in a chunk when that chunk is read', async () => {
    await refusedWhenRead(flipBit(sealed, start + 2 * SEALED_CHUNK + 777, 3), 2);
    // In a tag this time, of the first chunk.
    await refusedWhenRead(flipBit(sealed, start + SEALED_CHUNK - 1), 0);
  });

  it('refuses a flipped bit in the final chunk at open', async () => {
    await refusedEverywhere(flipBit(sealed, sealed.length - 20));
  });

  it.each([
    ['inside the final chunk', () => sealed.length - 1],
    ['inside a middle chunk', () => sealed.length - 1016 - SEALED_CHUNK / 2],
    ['at a chunk boundary', () => sealed.length - 1016],
    ['at an earlier chunk boundary', () => sealed.length - 1016 - 2 * SEALED_CHUNK],
    ['right after the nonce', () => start],
    ['inside the nonce', () => start - 8],
    ['right after the header', () => start - 16],
    ['inside the header', () => start - 40],
  ])('refuses a file truncated %s, at open', async (_name, length) => {
    await refusedEverywhere(sealed.subarray(0, length()));
  });

  it('refuses swapped, duplicated and missing chunks', async () => {
    await refusedWhenRead(
      Buffer.concat([head(), chunk(1), chunk(0), sealed.subarray(start + 2 * SEALED_CHUNK)]),
      0,
    );
    await refusedWhenRead(
      Buffer.concat([
        head(),
        chunk(0),
        chunk(2),
        chunk(2),
        sealed.subarray(start + 3 * SEALED_CHUNK),
      ]),
      1,
    );
    // An extra or a missing chunk shifts the final chunk to another index: refused at open.
    await refusedEverywhere(
      Buffer.concat([head(), chunk(0), chunk(0), sealed.subarray(start + SEALED_CHUNK)]),
    );
    await refusedEverywhere(
      Buffer.concat([head(), chunk(0), sealed.subarray(start + 2 * SEALED_CHUNK)]),
    );
  });

  it.each([1, 16, 17, SEALED_CHUNK, SEALED_CHUNK + 1])(
    'refuses %i bytes of trailing data',
    async (extra) => {
      await refusedEverywhere(Buffer.concat([sealed, randomBytes(extra)]));
    },
  );

  it('refuses trailing data after a full final chunk', async () => {
    const full = await encryptBuffer(randomBytes(2 * CHUNK), [recipient]);
    for (const extra of [1, 16, SEALED_CHUNK, SEALED_CHUNK + 5]) {
      await refusedEverywhere(Buffer.concat([full, randomBytes(extra)]));
    }
  });

  it('refuses the header of one file spliced onto the payload of another', async () => {
    const other = await encryptBuffer(plaintext, [recipient]);
    await refusedEverywhere(Buffer.concat([head(), other.subarray(payloadStart(other))]));
    // Same payload with the other file's header and nonce: the file key differs.
    await refusedEverywhere(
      Buffer.concat([other.subarray(0, payloadStart(other)), sealed.subarray(start)]),
    );
  });

  /** An age file with chunks sealed as the caller says, final flags included. */
  async function craft(chunks: readonly (readonly [Buffer, boolean])[]): Promise<Buffer> {
    const fileKey = randomBytes(16);
    const nonce = randomBytes(16);
    const payloadKey = derivePayloadKey(fileKey, nonce);
    const header = serializeHeader(await wrapFileKey(fileKey, [recipient]), fileKey);
    const parts = chunks.flatMap(([piece, final], index) =>
      sealChunk(payloadKey, index, final, piece),
    );
    return Buffer.concat([header, nonce, ...parts]);
  }

  it('checks the final flag of every chunk', async () => {
    const full = randomBytes(CHUNK);
    // The crafted form of a valid file opens: the checks below test the flags, not the crafting.
    expect(
      (
        await decryptBuffer(
          await craft([
            [full, false],
            [Buffer.from('end'), true],
          ]),
          identities,
        )
      ).length,
    ).toBe(CHUNK + 3);
    await refusedEverywhere(
      await craft([
        [full, false],
        [Buffer.from('end'), false],
      ]),
    );
    await refusedEverywhere(
      await craft([
        [full, false],
        [full, false],
      ]),
    );
    await refusedEverywhere(await craft([[Buffer.from('only'), false]]));
    await refusedWhenRead(
      await craft([
        [full, true],
        [Buffer.from('end'), true],
      ]),
      0,
    );
  });

  it('refuses an empty final chunk after full ones, and no chunk at all', async () => {
    const full = randomBytes(CHUNK);
    await refusedEverywhere(
      await craft([
        [full, false],
        [Buffer.alloc(0), true],
      ]),
    );
    await refusedEverywhere(await craft([]));
    expect(await decryptBuffer(await craft([[Buffer.alloc(0), true]]), identities)).toHaveLength(0);
  });

  it('refuses the wrong key with INTEGRITY_FAILED and a wrong passphrase with WRONG_PASSPHRASE', async () => {
    await refusedEverywhere(sealed, 'INTEGRITY_FAILED', [newKeyPair().identity]);
    const pass = passphrasePair('right');
    const locked = await encryptBuffer(plaintext, [pass.recipient]);
    await refusedEverywhere(locked, 'WRONG_PASSPHRASE', [passphrasePair('wrong').identity]);
    await refusedEverywhere(locked, 'INTEGRITY_FAILED', [identity]);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['random bytes', randomBytes(100_000)],
    ['plain text', Buffer.from('Witness statement, 3 March.\n')],
    ['a future age version', Buffer.from('age-encryption.org/v2\n-> X25519 abc\n\n--- x\n')],
    [
      'an armored age file',
      Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n'),
    ],
  ])('refuses %s as UNSUPPORTED_FILE', async (_name, bytes) => {
    await refusedEverywhere(bytes, 'UNSUPPORTED_FILE');
  });
});
