import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealToFile } from '../../../electron/core/archive/seal-thread';
import {
  decryptBuffer,
  encodeIdentity,
  generateIdentity,
  openAgeFile,
} from '../../../electron/core/crypto';
import { makeTempDir } from '../../support/temp-dir';
import { ageAvailable, runOk } from '../crypto/age-cli';

const chunk = 64 * 1024;
const sizes = [0, 1, chunk - 1, chunk, chunk + 1, 16 * chunk, 3 * 1024 * 1024 + 17];

/** The age file written by the sealing thread for `plaintext`, fed in uneven pieces. */
async function seal(path: string, plaintext: Buffer, publicKey: Buffer) {
  const handle = await open(path, 'wx');
  try {
    const sealer = new SealToFile(handle.fd, [{ kind: 'x25519', publicKey }]);
    const pieces = [];
    for (let at = 0; at < plaintext.length; at += 70_001)
      pieces.push(plaintext.subarray(at, at + 70_001));
    await pipeline(Readable.from(pieces), sealer);
    return sealer.sealed;
  } finally {
    await handle.close();
  }
}

describe('the sealing thread', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const key = generateIdentity();
  beforeAll(async () => ({ dir, cleanup } = await makeTempDir()));
  afterAll(() => cleanup());

  it.each(sizes)(
    'writes an age file of %i bytes that opens, whole and by range, with its hash',
    async (size) => {
      const plaintext = randomBytes(size);
      const path = join(dir, `sealed-${size}.age`);
      const sealed = await seal(path, plaintext, key.publicKey);
      const file = await readFile(path);
      expect(sealed).toEqual({
        sha256: createHash('sha256').update(file).digest('hex'),
        size: file.length,
      });
      const identities = [{ kind: 'x25519' as const, secretKey: key.secretKey }];
      expect((await decryptBuffer(file, identities)).equals(plaintext)).toBe(true);
      const random = await openAgeFile(path, identities);
      expect(random.plaintextSize).toBe(size);
      await random.close();
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'fails with DISK_FULL when the disk is full',
    async () => {
      // /dev/full takes no bytes: every write fails with ENOSPC, as on a full disk.
      const handle = await open('/dev/full', 'w');
      try {
        const sealer = new SealToFile(handle.fd, [{ kind: 'x25519', publicKey: key.publicKey }]);
        const plaintext = randomBytes(5 * 1024 * 1024);
        await expect(pipeline(Readable.from([plaintext]), sealer)).rejects.toMatchObject({
          code: 'DISK_FULL',
        });
      } finally {
        await handle.close();
      }
    },
  );

  it.skipIf(!ageAvailable)('writes what the age CLI decrypts', async () => {
    const identityFile = join(dir, 'identity.txt');
    await writeFile(identityFile, `${encodeIdentity(key.secretKey)}\n`);
    for (const size of sizes) {
      const plaintext = randomBytes(size);
      const path = join(dir, `cli-${size}.age`);
      await seal(path, plaintext, key.publicKey);
      expect((await runOk('age', ['-d', '-i', identityFile, path])).equals(plaintext)).toBe(true);
    }
  });
});
