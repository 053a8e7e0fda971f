import { Transform, type TransformCallback } from 'node:stream';
import {
  incompleteHeaderError,
  MAX_HEADER_SIZE,
  parseHeader,
  scanForHeaderEnd,
} from './age-header';
import {
  chunkNonce,
  derivePayloadKey,
  openChunk,
  PAYLOAD_NONCE_SIZE,
  payloadLayout,
  SEALED_CHUNK_SIZE,
} from './age-payload';
import { aeadOpen, integrityFailed, truncatedMessage } from './age-primitives';
import { type AgeIdentity, checkIdentities, unlockFileKey } from './age-stanzas';

/**
 * Sequential decryption of a whole age v1 file (format: age-header.ts, age-payload.ts) from
 * memory or from a stream that cannot seek, such as a pipe. Each chunk is released only once its
 * tag has verified, but whether the stream was cut short or carries trailing bytes is known only
 * at its end: a consumer must treat the output as provisional until the stream finishes cleanly.
 */

const trailingMessage = 'The encrypted file has unexpected data after its end.';

export function createDecryptStream(identities: readonly AgeIdentity[]): Transform {
  checkIdentities(identities);
  return new AgeDecryptStream(identities);
}

export async function decryptBuffer(
  ciphertext: Uint8Array,
  identities: readonly AgeIdentity[],
): Promise<Buffer> {
  checkIdentities(identities);
  const bytes = Buffer.from(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength);
  const scan = scanForHeaderEnd(bytes);
  if (scan.end === undefined) throw incompleteHeaderError(bytes);
  const header = parseHeader(bytes.subarray(0, scan.end));
  const fileKey = await unlockFileKey(header, identities);
  const payloadStart = header.size + PAYLOAD_NONCE_SIZE;
  if (bytes.length < payloadStart) throw integrityFailed(truncatedMessage);
  const payloadKey = derivePayloadKey(fileKey, bytes.subarray(header.size, payloadStart));
  const { chunkCount } = payloadLayout(bytes.length - payloadStart);
  const plaintext: Buffer[] = [];
  for (let index = 0; index < chunkCount; index++) {
    const at = payloadStart + index * SEALED_CHUNK_SIZE;
    const sealed = bytes.subarray(at, at + SEALED_CHUNK_SIZE);
    plaintext.push(openChunk(payloadKey, index, index === chunkCount - 1, sealed));
  }
  return Buffer.concat(plaintext);
}

class AgeDecryptStream extends Transform {
  readonly #identities: readonly AgeIdentity[];
  /** Header bytes so far (an owned, growing copy), until the header is complete. */
  #header = Buffer.alloc(0);
  #headerLength = 0;
  #resumeAt = 0;
  #fileKey: Buffer | undefined;
  #payloadKey: Buffer | undefined;
  /**
   * Payload bytes not yet opened. These are views of the written buffers, held past their write
   * callbacks; a writer that reused one would only make its chunk fail to authenticate.
   */
  readonly #queue: Buffer[] = [];
  #queued = 0;
  #index = 0;

  constructor(identities: readonly AgeIdentity[]) {
    super();
    this.#identities = identities;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#accept(chunk).then(
      () => callback(),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.#fileKey === undefined) {
        throw incompleteHeaderError(this.#header.subarray(0, this.#headerLength));
      }
      // Everything left is the final chunk; nothing left means the final chunk never came.
      if (this.#payloadKey === undefined || this.#queued === 0) {
        throw integrityFailed(truncatedMessage);
      }
      this.push(this.#openNext(this.#take(this.#queued), true));
      callback();
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async #accept(chunk: Buffer): Promise<void> {
    if (this.#fileKey === undefined) {
      const rest = await this.#acceptHeader(chunk);
      if (rest === undefined) return;
      this.#enqueue(rest);
    } else {
      this.#enqueue(chunk);
    }
    this.#drain();
  }

  /** Adds header bytes; once the header is complete, unlocks it and returns what follows it. */
  async #acceptHeader(chunk: Buffer): Promise<Buffer | undefined> {
    const before = this.#headerLength;
    // Copy no more than a header can hold: a longer one is refused by the scan anyway.
    const piece = chunk.subarray(0, MAX_HEADER_SIZE + 1 - before);
    const needed = before + piece.length;
    if (needed > this.#header.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.#header.length, 4096));
      this.#header.copy(grown, 0, 0, before);
      this.#header = grown;
    }
    piece.copy(this.#header, before);
    this.#headerLength = needed;
    const bytes = this.#header.subarray(0, needed);
    const scan = scanForHeaderEnd(bytes, this.#resumeAt);
    if (scan.end === undefined) {
      this.#resumeAt = scan.resumeAt;
      return undefined;
    }
    const header = parseHeader(bytes.subarray(0, scan.end));
    this.#fileKey = await unlockFileKey(header, this.#identities);
    this.#header = Buffer.alloc(0);
    this.#headerLength = 0;
    return chunk.subarray(scan.end - before);
  }

  #enqueue(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.#queue.push(bytes);
    this.#queued += bytes.length;
  }

  /** Opens every chunk known not to be the final one: those with at least a byte after them. */
  #drain(): void {
    if (this.#payloadKey === undefined) {
      if (this.#queued < PAYLOAD_NONCE_SIZE || this.#fileKey === undefined) return;
      this.#payloadKey = derivePayloadKey(this.#fileKey, this.#take(PAYLOAD_NONCE_SIZE));
    }
    while (this.#queued > SEALED_CHUNK_SIZE) {
      this.push(this.#openNext(this.#take(SEALED_CHUNK_SIZE), false));
    }
  }

  #openNext(sealed: Buffer, final: boolean): Buffer {
    const key = this.#payloadKey;
    if (key === undefined) throw new Error('age payload key missing');
    const index = this.#index++;
    try {
      return openChunk(key, index, final, sealed);
    } catch (error) {
      // A full final chunk followed by more bytes: say so rather than "damaged".
      const endsHere = !final && aeadOpen(key, chunkNonce(index, true), sealed) !== undefined;
      throw endsHere ? integrityFailed(trailingMessage) : error;
    }
  }

  /** Removes the next `length` queued bytes, copying only when they span written buffers. */
  #take(length: number): Buffer {
    this.#queued -= length;
    const head = this.#queue[0];
    if (head !== undefined && head.length >= length) {
      if (head.length === length) this.#queue.shift();
      else this.#queue[0] = head.subarray(length);
      return head.subarray(0, length);
    }
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const piece = this.#queue.shift();
      if (piece === undefined) throw new Error('age decrypt queue underflow');
      const used = piece.copy(out, filled, 0, length - filled);
      filled += used;
      if (used < piece.length) this.#queue.unshift(piece.subarray(used));
    }
    return out;
  }
}
