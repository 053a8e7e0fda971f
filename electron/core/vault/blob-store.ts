import { randomBytes } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type AgeFile, type X25519Identity, createEncryptStream, openAgeFile } from '../crypto';
import { HabeasError } from '../habeas-error';
import { writeFileAtomic } from './atomic-write';
import { Sha256Tap } from './hash-worker';

/**
 * `blobs/<id>.age`: original files byte for byte, and derived data, each an age file to the
 * vault's key. `put` hashes the plaintext (SHA-256) and encrypts it in the same single pass.
 */
export type BlobInfo = { readonly id: string; readonly sha256: string; readonly size: number };

const idPattern = /^[a-z2-7]{26}$/;

export function isBlobId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

function newBlobId(): string {
  // 128 random bits in lower-case base32: safe in any file system, never a path.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(26);
  return Array.from(bytes, (b) => alphabet[b & 31]).join('');
}

export class BlobStore {
  constructor(
    readonly dir: string,
    private readonly identity: X25519Identity,
  ) {}

  path(id: string): string {
    if (!isBlobId(id)) throw new HabeasError('NOT_FOUND', 'No such file in the vault.');
    return join(this.dir, `${id}.age`);
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<BlobInfo> {
    await mkdir(this.dir, { recursive: true });
    const id = newBlobId();
    const tap = new Sha256Tap();
    const encrypt = createEncryptStream([{ kind: 'x25519', publicKey: this.identity.publicKey }]);
    try {
      await writeFileAtomic(this.path(id), (sink) =>
        signal === undefined
          ? pipeline(source, tap, encrypt, sink)
          : pipeline(source, tap, encrypt, sink, { signal }),
      );
    } catch (error) {
      if (signal?.aborted === true) throw new HabeasError('CANCELLED', 'Cancelled.');
      throw error;
    }
    return { id, sha256: await tap.digest(), size: tap.size };
  }

  async open(id: string): Promise<AgeFile> {
    try {
      return await openAgeFile(this.path(id), [
        { kind: 'x25519', secretKey: this.identity.secretKey },
      ]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new HabeasError('NOT_FOUND', 'No such file in the vault.');
      throw error;
    }
  }

  /** Plaintext bytes [start, end) as a stream; the file is closed when the stream ends. */
  async get(id: string, start = 0, end?: number): Promise<Readable> {
    const file = await this.open(id);
    const stream = file.createReadStream(start, end ?? file.plaintextSize);
    stream.once('close', () => void file.close().catch(() => undefined));
    return stream;
  }

  /**
   * The whole plaintext as verified pieces, without a stream between (cheaper where a consumer
   * loops over them); the file is closed when the loop ends, early or not.
   */
  async *chunks(id: string): AsyncGenerator<Buffer, void, undefined> {
    const file = await this.open(id);
    try {
      yield* file.chunks();
    } finally {
      await file.close();
    }
  }

  /** Decrypts the whole blob, checking every chunk; returns the plaintext's SHA-256. */
  async verify(id: string): Promise<{ sha256: string; size: number }> {
    // The same hashing tap as intake, so a verified hash is computed exactly as the stored one.
    const tap = new Sha256Tap();
    await pipeline(await this.get(id), tap, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) void chunk;
    });
    return { sha256: await tap.digest(), size: tap.size };
  }

  async delete(id: string): Promise<void> {
    await unlink(this.path(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names
      .filter((n) => n.endsWith('.age') && isBlobId(n.slice(0, -4)))
      .map((n) => n.slice(0, -4));
  }
}
