import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, unlockVault, type UnlockedVault } from '../../../electron/core/vault/vault';
import type { BlobStore } from '../../../electron/core/vault/blob-store';
import { caseBlobs } from '../../support/case-blobs';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';

let vault: UnlockedVault;
let blobs: BlobStore;
let cleanup: () => Promise<void>;
const original = randomBytes(1_000_003);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  await createVault(join(temp.dir, 'v'), 'correct horse battery staple', { kdfCost: fastKdf });
  vault = await unlockVault(join(temp.dir, 'v'), 'correct horse battery staple');
  blobs = (await caseBlobs(vault)).blobs;
});
afterAll(async () => {
  await vault.close();
  await cleanup();
});

describe('the blob store', () => {
  it('stores a stream byte for byte, with its SHA-256 and size from the same pass', async () => {
    const pieces = [
      original.subarray(0, 1000),
      original.subarray(1000, 700_000),
      original.subarray(700_000),
    ];
    const info = await blobs.put(Readable.from(pieces));
    expect(info.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(info.size).toBe(original.length);
    expect(await bytesOf(await blobs.get(info.id))).toEqual(original);
    const stored = await readFile(blobs.path(info.id));
    expect(stored.includes(original.subarray(5000, 5064))).toBe(false);
  });

  it('returns any byte range', async () => {
    const info = await blobs.put(Readable.from([original]));
    for (const [start, end] of [
      [0, 1],
      [65535, 65537],
      [131072, 131072 + 65536],
      [999_000, 1_000_003],
      [12345, 678_901],
    ] as const) {
      expect(await bytesOf(await blobs.get(info.id, start, end))).toEqual(
        original.subarray(start, end),
      );
    }
  });

  it('stores an empty file', async () => {
    const info = await blobs.put(Readable.from([]));
    expect(info).toMatchObject({ size: 0, sha256: createHash('sha256').digest('hex') });
    expect(await text(await blobs.get(info.id))).toBe('');
  });

  it('refuses a tampered blob with INTEGRITY_FAILED', async () => {
    const info = await blobs.put(Readable.from([original]));
    const path = blobs.path(info.id);
    const bytes = await readFile(path);
    bytes[300_000] = (bytes[300_000] ?? 0) ^ 0x80;
    await writeFile(path, bytes);
    await expect(blobs.verify(info.id)).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
  });

  it('answers an unknown or malformed id with NOT_FOUND', async () => {
    await expect(blobs.get('a'.repeat(26))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => blobs.path('../../habeas-vault')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('leaves nothing behind when an intake is cancelled', async () => {
    const before = await readdir(blobs.dir);
    const controller = new AbortController();
    async function* slow() {
      yield Buffer.alloc(100_000, 1);
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 10));
      yield Buffer.alloc(100_000, 2);
    }
    await expect(blobs.put(Readable.from(slow()), controller.signal)).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(await readdir(blobs.dir)).toEqual(before);
  });
});
