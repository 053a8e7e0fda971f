import {
  aeadOpen,
  aeadSeal,
  damagedMessage,
  hkdfSha256,
  integrityFailed,
  TAG_SIZE,
  truncatedMessage,
} from './age-primitives';

/**
 * The age v1 payload (https://age-encryption.org/v1, "Payload"), right after the header:
 *
 *   nonce (16 random bytes) ‖ chunk 0 ‖ chunk 1 ‖ … ‖ final chunk
 *
 * payload key = HKDF-SHA256(file key, salt = nonce, info = "payload"). The plaintext is cut into
 * 64 KiB pieces, each sealed with ChaCha20-Poly1305 under the nonce
 * (chunk index as 11 bytes big-endian ‖ 0x01 for the final chunk, else 0x00). Every chunk but the
 * last is exactly 64 KiB + 16; the last may be shorter or full, and is empty only when the whole
 * plaintext is. Sealed chunk i therefore always starts at nonce end + i × (64 KiB + 16), which is
 * what random access relies on, and the index and final flag in each nonce are what make a
 * reordered, duplicated or truncated payload fail to open.
 */

export const CHUNK_SIZE = 64 * 1024;
export const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;
export const PAYLOAD_NONCE_SIZE = 16;

/** Chunk indexes live in the low 6 of the 11 counter bytes: 2^48 chunks is 16 EiB. */
const MAX_CHUNK_INDEX = 2 ** 48 - 1;

export function derivePayloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return hkdfSha256(fileKey, nonce, 'payload');
}

export function chunkNonce(index: number, final: boolean): Buffer {
  if (!Number.isSafeInteger(index) || index < 0 || index > MAX_CHUNK_INDEX) {
    throw new RangeError('age chunk index out of range');
  }
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

export function sealChunk(
  payloadKey: Uint8Array,
  index: number,
  final: boolean,
  plaintext: Uint8Array,
): readonly [Buffer, Buffer] {
  return aeadSeal(payloadKey, chunkNonce(index, final), plaintext);
}

/** Opens one sealed chunk, or throws INTEGRITY_FAILED; nothing unverified is returned. */
export function openChunk(
  payloadKey: Uint8Array,
  index: number,
  final: boolean,
  sealed: Uint8Array,
): Buffer {
  const plaintext = aeadOpen(payloadKey, chunkNonce(index, final), sealed);
  if (plaintext === undefined) throw integrityFailed(damagedMessage);
  if (final && plaintext.length === 0 && index > 0) {
    // Only an empty file may end in an empty chunk; age refuses such files too.
    throw integrityFailed(damagedMessage);
  }
  return plaintext;
}

export type PayloadLayout = {
  readonly chunkCount: number;
  readonly plaintextSize: number;
  /** Sealed size of the final chunk: 16 to 64 KiB + 16 bytes. */
  readonly finalSealedSize: number;
};

/**
 * The chunk layout implied by the size of the sealed chunks (everything after the payload nonce).
 * Sizes no age writer can produce are refused: nothing, or a final chunk shorter than a tag, or
 * an empty final chunk after full ones.
 */
export function payloadLayout(sealedSize: number): PayloadLayout {
  if (sealedSize <= 0) throw integrityFailed(truncatedMessage);
  const chunkCount = Math.ceil(sealedSize / SEALED_CHUNK_SIZE);
  const finalSealedSize = sealedSize - (chunkCount - 1) * SEALED_CHUNK_SIZE;
  if (finalSealedSize < TAG_SIZE) throw integrityFailed(truncatedMessage);
  if (finalSealedSize === TAG_SIZE && chunkCount > 1) throw integrityFailed(damagedMessage);
  const plaintextSize = (chunkCount - 1) * CHUNK_SIZE + finalSealedSize - TAG_SIZE;
  return { chunkCount, plaintextSize, finalSealedSize };
}
