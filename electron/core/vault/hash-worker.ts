import { Transform, type TransformCallback } from 'node:stream';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of a stream on a second thread, so that intake hashes and encrypts at the same time
 * (either alone runs at about the speed of the disk; one after the other on one thread would
 * halve intake speed). A pass-through Transform: what goes in comes out unchanged, and a copy
 * goes to the hashing thread. At most `maxInFlight` bytes wait there; beyond that the stream
 * stops taking input until the thread catches up, so memory stays bounded whatever the size.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (message) => {
  if (message.type === 'data') {
    let hash = jobs.get(message.job);
    if (hash === undefined) { hash = createHash('sha256'); jobs.set(message.job, hash); }
    hash.update(message.bytes);
    parentPort.postMessage({ type: 'ack', job: message.job, length: message.bytes.byteLength });
  } else if (message.type === 'end') {
    const hash = jobs.get(message.job) ?? createHash('sha256');
    jobs.delete(message.job);
    parentPort.postMessage({ type: 'digest', job: message.job, hex: hash.digest('hex') });
  }
});
`;

type Reply =
  { type: 'ack'; job: number; length: number } | { type: 'digest'; job: number; hex: string };

type Job = { onAck: (length: number) => void; onDigest: (hex: string) => void };

let shared: { worker: Worker; jobs: Map<number, Job>; next: number } | undefined;

/** One hashing thread for the process, started on first use. */
function hashThread() {
  if (shared === undefined) {
    const worker = new Worker(workerSource, { eval: true });
    const jobs = new Map<number, Job>();
    worker.on('message', (reply: Reply) => {
      const job = jobs.get(reply.job);
      if (job === undefined) return;
      if (reply.type === 'ack') job.onAck(reply.length);
      else {
        jobs.delete(reply.job);
        if (jobs.size === 0) worker.unref();
        job.onDigest(reply.hex);
      }
    });
    worker.on('error', () => {
      shared = undefined;
    });
    worker.unref();
    shared = { worker, jobs, next: 0 };
  }
  return shared;
}

export class Sha256Tap extends Transform {
  size = 0;
  private readonly thread = hashThread();
  private readonly job = this.thread.next++;
  private inFlight = 0;
  private waiting: TransformCallback | undefined;
  private readonly digestPromise: Promise<string>;

  constructor(private readonly maxInFlight = 4 * 1024 * 1024) {
    super();
    let resolveDigest: (hex: string) => void = () => undefined;
    this.digestPromise = new Promise((resolve) => (resolveDigest = resolve));
    // The thread keeps the process alive only while a job waits for its digest.
    this.thread.worker.ref();
    this.thread.jobs.set(this.job, {
      onAck: (length) => {
        this.inFlight -= length;
        if (this.waiting !== undefined && this.inFlight <= this.maxInFlight) {
          const callback = this.waiting;
          this.waiting = undefined;
          callback();
        }
      },
      onDigest: resolveDigest,
    });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const copy = new Uint8Array(chunk);
    this.thread.worker.postMessage({ type: 'data', job: this.job, bytes: copy }, [copy.buffer]);
    this.inFlight += chunk.length;
    this.size += chunk.length;
    this.push(chunk);
    if (this.inFlight > this.maxInFlight) this.waiting = callback;
    else callback();
  }

  /** The hex SHA-256 of everything that passed, once the stream has ended. */
  digest(): Promise<string> {
    this.thread.worker.postMessage({ type: 'end', job: this.job });
    return this.digestPromise;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.writableFinished) void this.digest();
    callback(error);
  }
}
