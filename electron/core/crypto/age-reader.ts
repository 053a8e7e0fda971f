import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { HabeasError } from '../habeas-error';
import {
  incompleteHeaderError,
  MAX_HEADER_SIZE,
  parseHeader,
  scanForHeaderEnd,
  type ParsedHeader,
} from './age-header';
import {
  CHUNK_SIZE,
  derivePayloadKey,
  openChunk,
  PAYLOAD_NONCE_SIZE,
  payloadLayout,
  SEALED_CHUNK_SIZE,
  type PayloadLayout,
} from './age-payload';
import { integrityFailed, invalidInput, truncatedMessage } from './age-primitives';
import { type AgeIdentity, checkIdentities, unlockFileKey } from './age-stanzas';

export type { AgeIdentity } from './age-stanzas';
export { createDecryptStream, decryptBuffer } from './age-decrypt-stream';

/**
 * Random access to an age v1 file on disk (format: age-header.ts, age-payload.ts). Sealed chunk
 * i sits at a fixed offset, so reading plaintext [a, b) reads and opens only the chunks that
 * cover it. Every chunk is authenticated before any of its bytes is returned.
 */

export type AgeFile = {
  readonly plaintextSize: number;
  /** Header length in bytes (the payload nonce follows it). */
  readonly headerSize: number;
  /** Plaintext bytes [start, end). */
  readRange(start: number, end: number): Promise<Buffer>;
  /** Plaintext bytes [start, end) as a stream; by default the whole file. */
  createReadStream(start?: number, end?: number): Readable;
  /** The same bytes as verified pieces, for a consumer that needs no stream. */
  chunks(start?: number, end?: number): AsyncIterable<Buffer>;
  close(): Promise<void>;
};

/** Chunks read from disk in one go: 1 MiB of ciphertext. */
const batchChunks = 16;
const firstHeaderRead = 64 * 1024;

/**
 * Opens an age file: parses the header, unwraps the file key with `identities`, checks the header
 * MAC and opens the final chunk, so a wrong key, a damaged header or a truncated file is refused
 * here rather than at the end of a read. Chunks in the middle are checked as they are read.
 */
export async function openAgeFile(
  path: string,
  identities: readonly AgeIdentity[],
): Promise<AgeFile> {
  checkIdentities(identities);
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const header = await readHeader(handle, fileSize);
    const fileKey = await unlockFileKey(header, identities);
    const nonce = await readExactly(handle, header.size, PAYLOAD_NONCE_SIZE);
    const payloadStart = header.size + PAYLOAD_NONCE_SIZE;
    const layout = payloadLayout(fileSize - payloadStart);
    const payloadKey = derivePayloadKey(fileKey, nonce);
    const finalIndex = layout.chunkCount - 1;
    const finalSealed = await readExactly(
      handle,
      payloadStart + finalIndex * SEALED_CHUNK_SIZE,
      layout.finalSealedSize,
    );
    const finalPlaintext = openChunk(payloadKey, finalIndex, true, finalSealed);
    return new AgeFileReader(handle, header.size, {
      payloadKey,
      payloadStart,
      layout,
      finalPlaintext,
    });
  } catch (error) {
    await handle.close();
    throw error;
  }
}

type Payload = {
  readonly payloadKey: Buffer;
  readonly payloadStart: number;
  readonly layout: PayloadLayout;
  /**
   * The final chunk, opened with its final flag when the file was: that is what proves the file
   * is whole. Later reads are served from here (as copies: a consumer may write to its buffers).
   */
  readonly finalPlaintext: Buffer;
};

class AgeFileReader implements AgeFile {
  readonly plaintextSize: number;
  readonly #handle: FileHandle;
  readonly #payload: Payload;
  readonly #finalIndex: number;
  #closed = false;

  constructor(
    handle: FileHandle,
    readonly headerSize: number,
    payload: Payload,
  ) {
    this.#handle = handle;
    this.#payload = payload;
    this.plaintextSize = payload.layout.plaintextSize;
    this.#finalIndex = payload.layout.chunkCount - 1;
  }

  async readRange(start: number, end: number): Promise<Buffer> {
    this.#checkRange(start, end);
    const out = Buffer.allocUnsafe(end - start);
    let written = 0;
    for await (const piece of this.#pieces(start, end)) {
      written += piece.copy(out, written);
    }
    return out;
  }

  createReadStream(start = 0, end = this.plaintextSize): Readable {
    this.#checkRange(start, end);
    return Readable.from(this.#pieces(start, end), { objectMode: false });
  }

  chunks(start = 0, end = this.plaintextSize): AsyncIterable<Buffer> {
    this.#checkRange(start, end);
    return this.#pieces(start, end);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#handle.close();
  }

  /**
   * The plaintext of [start, end), one verified chunk (or part of one) at a time. Ciphertext is
   * read a batch ahead into two buffers taken in turn, so the disk works while chunks are
   * opened; every chunk yielded is a buffer of its own.
   */
  async *#pieces(start: number, end: number): AsyncGenerator<Buffer, void, undefined> {
    if (start === end) return;
    const { payloadKey, finalPlaintext } = this.#payload;
    const first = Math.floor(start / CHUNK_SIZE);
    const last = Math.floor((end - 1) / CHUNK_SIZE);
    const batchBytes = Math.min(batchChunks, last - first + 1) * SEALED_CHUNK_SIZE;
    const buffers = [Buffer.allocUnsafe(batchBytes), Buffer.allocUnsafe(batchBytes)] as const;
    // Every chunk but the final one is full size; the final one is already open.
    const readBatch = (batchFirst: number, turn: number): Promise<Buffer> => {
      const batchLast = Math.min(last, batchFirst + batchChunks - 1);
      const fullChunks = Math.min(batchLast, this.#finalIndex - 1) - batchFirst + 1;
      return this.#read(batchFirst, fullChunks, buffers[turn % 2] ?? buffers[0]);
    };
    let ahead = readBatch(first, 0);
    for (let batchFirst = first, turn = 0; batchFirst <= last; batchFirst += batchChunks, turn++) {
      const sealed = await ahead;
      const following = batchFirst + batchChunks;
      if (following <= last) {
        ahead = readBatch(following, turn + 1);
        // Awaited on the next turn; a reader that stops early must not leave it unheard.
        ahead.catch(() => undefined);
      }
      const batchLast = Math.min(last, following - 1);
      for (let index = batchFirst; index <= batchLast; index++) {
        // A file closed meanwhile (the vault locked) decrypts nothing more, read or not.
        if (this.#closed) throw closedError();
        const at = (index - batchFirst) * SEALED_CHUNK_SIZE;
        const plaintext =
          index === this.#finalIndex
            ? Buffer.from(finalPlaintext)
            : openChunk(payloadKey, index, false, sealed.subarray(at, at + SEALED_CHUNK_SIZE));
        const chunkStart = index * CHUNK_SIZE;
        yield plaintext.subarray(Math.max(0, start - chunkStart), end - chunkStart);
      }
    }
  }

  /** Reads `count` full sealed chunks from `first` into `into`, with one positional read. */
  async #read(first: number, count: number, into: Buffer): Promise<Buffer> {
    if (this.#closed) throw closedError();
    if (count <= 0) return Buffer.alloc(0);
    const position = this.#payload.payloadStart + first * SEALED_CHUNK_SIZE;
    return readExactly(this.#handle, position, count * SEALED_CHUNK_SIZE, into);
  }

  #checkRange(start: number, end: number): void {
    if (this.#closed) throw closedError();
    const valid =
      Number.isSafeInteger(start) &&
      Number.isSafeInteger(end) &&
      start >= 0 &&
      start <= end &&
      end <= this.plaintextSize;
    if (!valid) throw invalidInput('The requested range is outside the file.');
  }
}

function closedError(): HabeasError {
  return new HabeasError('INTERNAL', 'The encrypted file is already closed.');
}

async function readHeader(handle: FileHandle, fileSize: number): Promise<ParsedHeader> {
  let length = Math.min(fileSize, firstHeaderRead);
  for (;;) {
    const bytes = await readAt(handle, 0, length);
    const scan = scanForHeaderEnd(bytes);
    if (scan.end !== undefined) return parseHeader(bytes.subarray(0, scan.end));
    if (bytes.length < length || length >= fileSize) throw incompleteHeaderError(bytes);
    length = Math.min(fileSize, length * 4, MAX_HEADER_SIZE + 1);
  }
}

async function readExactly(
  handle: FileHandle,
  position: number,
  length: number,
  into?: Buffer,
): Promise<Buffer> {
  const bytes = await readAt(handle, position, length, into);
  if (bytes.length < length) throw integrityFailed(truncatedMessage);
  return bytes;
}

async function readAt(
  handle: FileHandle,
  position: number,
  length: number,
  into?: Buffer,
): Promise<Buffer> {
  const buffer = into ?? Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
