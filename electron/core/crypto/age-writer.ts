import { randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { serializeHeader } from './age-header';
import { CHUNK_SIZE, derivePayloadKey, PAYLOAD_NONCE_SIZE, sealChunk } from './age-payload';
import { FILE_KEY_SIZE } from './age-primitives';
import { type AgeRecipient, checkRecipients, wrapFileKey } from './age-stanzas';

export type { AgeRecipient } from './age-stanzas';

/**
 * Writes age v1 files (see age-header.ts and age-payload.ts for the format): a fresh random file
 * key per file, wrapped for every recipient, then the payload in 64 KiB chunks.
 */

/**
 * Plaintext in, a complete age file out. The header comes out first (once the file key is
 * wrapped, which for a passphrase takes scrypt's second or so); each 64 KiB of plaintext is held
 * until the next byte arrives, because only at the end is it known which chunk is the final one.
 * Memory stays at a couple of chunks whatever the size: the Transform does not take more input
 * while its output is unread.
 */
export function createEncryptStream(recipients: readonly AgeRecipient[]): Transform {
  checkRecipients(recipients);
  return new AgeEncryptStream(recipients);
}

/** Encrypts a small in-memory plaintext to a complete age file. */
export async function encryptBuffer(
  plaintext: Uint8Array,
  recipients: readonly AgeRecipient[],
): Promise<Buffer> {
  checkRecipients(recipients);
  const secrets = newFileSecrets();
  const parts: Buffer[] = [await headerFor(secrets.fileKey, recipients), secrets.nonce];
  const chunkCount = Math.max(1, Math.ceil(plaintext.length / CHUNK_SIZE));
  for (let index = 0; index < chunkCount; index++) {
    const piece = plaintext.subarray(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE);
    parts.push(...sealChunk(secrets.payloadKey, index, index === chunkCount - 1, piece));
  }
  return Buffer.concat(parts);
}

type FileSecrets = {
  readonly fileKey: Buffer;
  readonly nonce: Buffer;
  readonly payloadKey: Buffer;
};

function newFileSecrets(): FileSecrets {
  const fileKey = randomBytes(FILE_KEY_SIZE);
  const nonce = randomBytes(PAYLOAD_NONCE_SIZE);
  return { fileKey, nonce, payloadKey: derivePayloadKey(fileKey, nonce) };
}

async function headerFor(fileKey: Buffer, recipients: readonly AgeRecipient[]): Promise<Buffer> {
  return serializeHeader(await wrapFileKey(fileKey, recipients), fileKey);
}

class AgeEncryptStream extends Transform {
  readonly #recipients: readonly AgeRecipient[];
  readonly #secrets = newFileSecrets();
  /** Plaintext not yet sealed: at most one chunk, always held back until more input arrives. */
  readonly #pending = Buffer.allocUnsafe(CHUNK_SIZE);
  #filled = 0;
  #index = 0;

  constructor(recipients: readonly AgeRecipient[]) {
    super();
    this.#recipients = recipients;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    headerFor(this.#secrets.fileKey, this.#recipients).then(
      (header) => {
        this.push(header);
        this.push(this.#secrets.nonce);
        callback();
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#filled === CHUNK_SIZE) {
        // More plaintext follows, so the held chunk is not the final one.
        this.#seal(this.#pending, false);
        this.#filled = 0;
      }
      if (this.#filled === 0 && chunk.length - offset > CHUNK_SIZE) {
        // A whole chunk with more after it in the same input: seal it in place, no copy.
        this.#seal(chunk.subarray(offset, offset + CHUNK_SIZE), false);
        offset += CHUNK_SIZE;
        continue;
      }
      const copied = chunk.copy(
        this.#pending,
        this.#filled,
        offset,
        offset + CHUNK_SIZE - this.#filled,
      );
      this.#filled += copied;
      offset += copied;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.#seal(this.#pending.subarray(0, this.#filled), true);
    callback();
  }

  #seal(plaintext: Buffer, final: boolean): void {
    const [ciphertext, tag] = sealChunk(this.#secrets.payloadKey, this.#index++, final, plaintext);
    this.push(ciphertext);
    this.push(tag);
  }
}
