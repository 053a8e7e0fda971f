import { Transform, type TransformCallback } from 'node:stream';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of a stream on a second thread, so that intake hashes and encrypts at the same time
 * (one after the other on one thread, intake would run at half speed). A pass-through
 * Transform: what goes in comes out unchanged, and a copy goes to the hashing thread through a
 * shared ring of fixed slots. The ring is the whole of the memory this costs, whatever the
 * size of the file: when every slot is taken, the stream stops taking input until the thread
 * frees one. (Transferring a fresh buffer per chunk instead left the thread's garbage to pile
 * up to a hundred megabytes before its collector ran.)
 */
const slotSize = 1024 * 1024;
const slotCount = 8;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const ring = new Uint8Array(workerData.ring);
const jobs = new Map();
parentPort.on('message', (message) => {
  if (message.type === 'data') {
    let hash = jobs.get(message.job);
    if (hash === undefined) { hash = createHash('sha256'); jobs.set(message.job, hash); }
    const start = message.slot * workerData.slotSize;
    hash.update(ring.subarray(start, start + message.length));
    parentPort.postMessage({ type: 'free', slot: message.slot });
  } else if (message.type === 'end') {
    const hash = jobs.get(message.job) ?? createHash('sha256');
    jobs.delete(message.job);
    parentPort.postMessage({ type: 'digest', job: message.job, hex: hash.digest('hex') });
  }
});
`;

type Reply = { type: 'free'; slot: number } | { type: 'digest'; job: number; hex: string };

class HashThread {
  private readonly worker: Worker;
  private readonly ring = new SharedArrayBuffer(slotSize * slotCount);
  private readonly view = new Uint8Array(this.ring);
  private readonly free: number[] = Array.from({ length: slotCount }, (_, i) => i);
  private readonly slotWaiters: (() => void)[] = [];
  private readonly digests = new Map<
    number,
    { resolve: (hex: string) => void; reject: (error: Error) => void }
  >();
  failed: Error | undefined;
  private nextJob = 0;

  constructor() {
    this.worker = new Worker(workerSource, {
      eval: true,
      workerData: { ring: this.ring, slotSize },
    });
    this.worker.on('message', (reply: Reply) => {
      if (reply.type === 'free') {
        this.free.push(reply.slot);
        this.slotWaiters.shift()?.();
      } else {
        const waiting = this.digests.get(reply.job);
        this.digests.delete(reply.job);
        // The thread keeps the process alive only while a job waits for it.
        if (this.digests.size === 0) this.worker.unref();
        waiting?.resolve(reply.hex);
      }
    });
    // A thread that dies fails every intake waiting on it (and the next tap starts a new one)
    // rather than leaving them waiting for ever.
    const die = (error: Error): void => {
      this.failed = error;
      if (shared === this) shared = undefined;
      for (const { reject } of this.digests.values()) reject(error);
      this.digests.clear();
      for (const waiter of this.slotWaiters.splice(0)) waiter();
    };
    this.worker.on('error', die);
    this.worker.on('exit', () => die(new Error('The hashing thread stopped.')));
    this.worker.unref();
  }

  startJob(): { job: number; digest: Promise<string> } {
    const job = this.nextJob++;
    this.worker.ref();
    const digest = new Promise<string>((resolve, reject) =>
      this.digests.set(job, { resolve, reject }),
    );
    return { job, digest };
  }

  /** Copies up to one slot of bytes to the thread; false when no slot is free (call whenFree). */
  trySend(job: number, bytes: Uint8Array): boolean {
    if (this.failed !== undefined) throw this.failed;
    const slot = this.free.pop();
    if (slot === undefined) return false;
    this.view.set(bytes, slot * slotSize);
    this.worker.postMessage({ type: 'data', job, slot, length: bytes.length });
    return true;
  }

  whenFree(callback: () => void): void {
    this.slotWaiters.push(callback);
  }

  end(job: number): void {
    this.worker.postMessage({ type: 'end', job });
  }
}

let shared: HashThread | undefined;

export class Sha256Tap extends Transform {
  size = 0;
  private readonly thread = (shared ??= new HashThread());
  private readonly job: number;
  private readonly digestPromise: Promise<string>;
  private ended = false;

  constructor() {
    super();
    ({ job: this.job, digest: this.digestPromise } = this.thread.startJob());
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.push(chunk);
    this.sendFrom(chunk, 0, callback);
  }

  private sendFrom(chunk: Buffer, offset: number, callback: TransformCallback): void {
    let at = offset;
    try {
      while (at < chunk.length) {
        if (this.destroyed) return callback();
        const piece = chunk.subarray(at, at + slotSize);
        if (!this.thread.trySend(this.job, piece)) {
          this.thread.whenFree(() => this.sendFrom(chunk, at, callback));
          return;
        }
        at += piece.length;
      }
    } catch (error) {
      return callback(error instanceof Error ? error : new Error('The hashing thread failed.'));
    }
    callback();
  }

  /** The hex SHA-256 of everything that passed, once the stream has ended. */
  digest(): Promise<string> {
    if (!this.ended) {
      this.ended = true;
      this.thread.end(this.job);
    }
    return this.digestPromise;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Ends the job either way, so that the thread does not wait on a stream that died.
    this.digest().catch(() => undefined);
    callback(error);
  }
}
