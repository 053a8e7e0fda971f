import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { serializeHeader } from '../crypto/age-header';
import { CHUNK_SIZE, derivePayloadKey, PAYLOAD_NONCE_SIZE } from '../crypto/age-payload';
import { FILE_KEY_SIZE } from '../crypto/age-primitives';
import { type AgeRecipient, checkRecipients, wrapFileKey } from '../crypto/age-stanzas';
import { HabeasError } from '../habeas-error';
import { asDiskError } from '../vault/atomic-write';

/**
 * Writes an age v1 file (the format of crypto/age-payload.ts, byte for byte what
 * createEncryptStream writes) to an open file, sealing and hashing on a thread of its own: an
 * export decrypts every blob on the main thread, and one core cannot also re-encrypt and hash
 * at the speed of `tar | age`. The header is made here (with crypto's own code); the thread gets
 * the payload key and the plaintext through a shared ring of fixed slots, seals each 64 KiB with
 * its index and final flag, hashes every byte it writes, header included, and writes a megabyte
 * at a time with writev in the thread pool, so that it seals the next megabyte meanwhile. (A
 * third thread for the hash was tried: with two cores, it only added work.) Memory: the ring,
 * and two megabytes of sealed bytes, one being written and one being gathered.
 */
const slotSize = 1024 * 1024;
const slotCount = 8;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createCipheriv, createHash } = require('node:crypto');
const { writev } = require('node:fs');
const CHUNK = ${CHUNK_SIZE};
const { fd, slotSize } = workerData;
const key = Buffer.from(workerData.key);
const hash = createHash('sha256');
const pending = Buffer.alloc(CHUNK);
let filled = 0, index = 0, size = 0, out = [], outBytes = 0;
let writing = Promise.resolve();
function writeAll(buffers) {
  return new Promise((resolve, reject) => {
    const next = (rest) => {
      if (rest.length === 0) return resolve();
      writev(fd, rest, null, (error, written) => {
        if (error) return reject(error);
        while (written > 0) {
          const first = rest[0];
          if (written >= first.length) { written -= first.length; rest.shift(); }
          else { rest[0] = first.subarray(written); written = 0; }
        }
        next(rest);
      });
    };
    next(buffers);
  });
}
// Starts writing what is gathered once the write before it is done, and does not wait for it.
async function flush() {
  if (outBytes === 0) return;
  const buffers = out;
  out = []; outBytes = 0;
  await writing;
  writing = writeAll(buffers);
  // Heard at the next flush or at the end, whichever comes first.
  writing.catch(() => undefined);
}
function emit(bytes) {
  hash.update(bytes); out.push(bytes); outBytes += bytes.length; size += bytes.length;
}
async function seal(plaintext, final) {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index++, 5, 6);
  nonce[11] = final ? 1 : 0;
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  emit(cipher.update(plaintext));
  cipher.final();
  emit(cipher.getAuthTag());
  if (outBytes >= 1048576) await flush();
}
// A chunk is sealed only once a byte after it has come: only at the end is the final one known.
async function take(bytes) {
  let at = 0;
  while (at < bytes.length) {
    if (filled === CHUNK) { await seal(pending, false); filled = 0; }
    if (filled === 0 && bytes.length - at > CHUNK) { await seal(bytes.subarray(at, at + CHUNK), false); at += CHUNK; continue; }
    const copied = bytes.copy(pending, filled, at, at + CHUNK - filled);
    filled += copied; at += copied;
  }
}
emit(Buffer.from(workerData.prefix));
let ready = Promise.resolve(), failed = false;
// Messages are handled one after another, each once the one before is done.
parentPort.on('message', (message) => {
  ready = ready.then(async () => {
    if (message.type === 'data') {
      await take(Buffer.from(workerData.ring, message.slot * slotSize, message.length));
      parentPort.postMessage({ type: 'free', slot: message.slot });
    } else if (message.type === 'end') {
      await seal(pending.subarray(0, filled), true);
      await flush();
      await writing;
      parentPort.postMessage({ type: 'done', sha256: hash.digest('hex'), size });
    }
  }).catch((error) => {
    if (!failed) parentPort.postMessage({ type: 'error', code: error && error.code, message: String(error && error.message) });
    failed = true;
  });
});
`;

export type SealedFile = { readonly sha256: string; readonly size: number };

type Reply =
  | { type: 'free'; slot: number }
  | { type: 'done'; sha256: string; size: number }
  | { type: 'error'; code?: string; message: string };

/** A Writable of plaintext; the age file goes to `fd`. `sealed` once it has finished. */
export class SealToFile extends Writable {
  readonly #fd: number;
  readonly #recipients: readonly AgeRecipient[];
  readonly #ring = new SharedArrayBuffer(slotSize * slotCount);
  readonly #view = new Uint8Array(this.#ring);
  readonly #free: number[] = Array.from({ length: slotCount }, (_, i) => i);
  #waiting: (() => void) | undefined;
  #worker: Worker | undefined;
  #slot: number | undefined;
  #filled = 0;
  #failed: Error | undefined;
  #done: ((file: SealedFile) => void) | undefined;
  #result: SealedFile | undefined;

  constructor(fd: number, recipients: readonly AgeRecipient[]) {
    super({ highWaterMark: slotSize });
    checkRecipients(recipients);
    this.#fd = fd;
    this.#recipients = recipients;
  }

  get sealed(): SealedFile {
    if (this.#result === undefined) throw new HabeasError('INTERNAL', 'The archive is not sealed.');
    return this.#result;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    const fileKey = randomBytes(FILE_KEY_SIZE);
    const nonce = randomBytes(PAYLOAD_NONCE_SIZE);
    wrapFileKey(fileKey, this.#recipients).then(
      (stanzas) => {
        const prefix = Buffer.concat([serializeHeader(stanzas, fileKey), nonce]);
        const key = derivePayloadKey(fileKey, nonce);
        fileKey.fill(0);
        this.#start(prefix, key);
        key.fill(0);
        callback();
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  #start(prefix: Buffer, key: Buffer): void {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { ring: this.#ring, slotSize, fd: this.#fd, key, prefix },
    });
    worker.on('message', (reply: Reply) => {
      if (reply.type === 'free') {
        this.#free.push(reply.slot);
        const waiting = this.#waiting;
        this.#waiting = undefined;
        waiting?.();
      } else if (reply.type === 'done') {
        this.#result = { sha256: reply.sha256, size: reply.size };
        this.#done?.(this.#result);
      } else {
        this.#fail(Object.assign(new Error(reply.message), { code: reply.code }));
      }
    });
    worker.on('error', (error) => this.#fail(error));
    this.#worker = worker;
  }

  #fail(error: Error): void {
    this.#failed ??= asDiskError(error) as Error;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
    this.destroy(this.#failed);
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error) => void,
  ): void {
    this.#copy(chunk, 0, callback);
  }

  /** Copies into the current slot, posting each slot as it fills; waits for a free one. */
  #copy(chunk: Buffer, offset: number, callback: (error?: Error) => void): void {
    let at = offset;
    while (at < chunk.length) {
      if (this.#failed !== undefined) return callback(this.#failed);
      if (this.#slot === undefined) {
        const slot = this.#free.pop();
        if (slot === undefined) {
          this.#waiting = () => this.#copy(chunk, at, callback);
          return;
        }
        this.#slot = slot;
        this.#filled = 0;
      }
      const room = slotSize - this.#filled;
      const piece = chunk.subarray(at, at + room);
      this.#view.set(piece, this.#slot * slotSize + this.#filled);
      this.#filled += piece.length;
      at += piece.length;
      if (this.#filled === slotSize) this.#post();
    }
    callback();
  }

  #post(): void {
    if (this.#slot === undefined) return;
    this.#worker?.postMessage({ type: 'data', slot: this.#slot, length: this.#filled });
    this.#slot = undefined;
    this.#filled = 0;
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (this.#failed !== undefined) return callback(this.#failed);
    this.#post();
    this.#done = () => {
      void this.#worker?.terminate();
      callback();
    };
    this.#worker?.postMessage({ type: 'end' });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    void this.#worker?.terminate();
    callback(error);
  }
}
