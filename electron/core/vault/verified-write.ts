import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HabeasError } from '../habeas-error';
import { Sha256Tap } from './hash-worker';

/**
 * Writes a decrypted stream to `outPath` beside it under a temporary name, hashing it as it
 * goes; the file takes its name only when the hash (and size) match the expected ones. A
 * mismatch is INTEGRITY_FAILED and leaves no file behind.
 */
export async function writeVerified(
  source: Readable,
  outPath: string,
  expected: { readonly sha256: string; readonly size: number },
  what: string,
): Promise<void> {
  const temp = join(
    dirname(outPath),
    `.${basename(outPath)}.${randomBytes(6).toString('hex')}.part`,
  );
  const tap = new Sha256Tap();
  const handle = await open(temp, 'wx', 0o600);
  try {
    await pipeline(source, tap, handle.createWriteStream());
    if ((await tap.digest()) !== expected.sha256 || tap.size !== expected.size)
      throw new HabeasError('INTEGRITY_FAILED', `The stored ${what} does not match its hash.`);
    await rename(temp, outPath);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
