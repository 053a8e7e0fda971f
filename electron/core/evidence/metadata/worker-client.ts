import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IntakeNote } from '../../../../shared/evidence';
import { HabeasError } from '../../habeas-error';
import { defaultWorkerLimits, limits, type WorkerLimits } from './limits';
import { sanitizeExtraction } from './sanitize';
import { mimeTypeFromName, normaliseMimeType } from './mime-names';
import type { Extraction, ExtractionInput } from './types';
import { typescriptBootstrap, workerEntry, type WorkerEntry } from './worker-path';
import {
  workerMessageSchema,
  type ParentMessage,
  type WorkerInput,
  type WorkerMessage,
} from './worker-protocol';

/** Threads at once: one per core, two at most. Intake of many files queues for them. */
const maxThreads = Math.max(1, Math.min(2, availableParallelism()));
/** A thread analyses at most this many files, so that no file's leftovers reach many more. */
const jobsPerThread = 100;
/** An idle thread is stopped after this long; meanwhile it never keeps the process alive. */
const idleMs = 20_000;
/** Notes that say a parser threw: its thread may be left in a state no later file should meet. */
const parserFailures: ReadonlySet<IntakeNote['code']> = new Set(['damaged', 'analysis-failed']);

/**
 * Runs the analysis of one file on an analysis thread, under a heap limit and a time limit, and
 * serves the thread's reads from the source (which stays here: the thread never sees the
 * vault). Loading the parsers costs a thread about half a second, so a thread is kept for the
 * next file; it is replaced after a failure, after `jobsPerThread` files, and when idle. A
 * thread that runs out of time or memory, or dies, is stopped and the file gets an
 * `analysis-failed` note; the error of a read from the source itself (the vault) is thrown.
 */
export async function extractInWorker(
  input: ExtractionInput,
  options: { limits?: WorkerLimits; entry?: WorkerEntry } = {},
): Promise<Extraction> {
  const { signal } = input;
  throwIfCancelled(signal);
  await slots.take(signal);
  try {
    // The signal may have fired while this intake waited for a thread.
    throwIfCancelled(signal);
    const { timeMs, heapMb } = options.limits ?? defaultWorkerLimits;
    return await run(input, timeMs, threads.take(options.entry ?? workerEntry(), heapMb));
  } finally {
    slots.give();
  }
}

function cancelled(): HabeasError {
  return new HabeasError('CANCELLED', 'Cancelled.');
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw cancelled();
}

/** A job at a time per thread, `maxThreads` jobs at once: intake of many files queues here. */
class Slots {
  private free = maxThreads;
  private readonly waiting: (() => void)[] = [];

  async take(signal: AbortSignal | undefined): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(cancelled());
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  give(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.free++;
    else next();
  }
}

/** What a thread's running job hears: messages about that job, or that the thread is gone. */
type JobListener = {
  readonly job: number;
  readonly message: (message: WorkerMessage) => void;
  readonly failed: (detail: string) => void;
};

/** One analysis thread, kept for many files one after another. */
class AnalysisThread {
  private readonly worker: Worker;
  private idleTimer: NodeJS.Timeout | undefined;
  listener: JobListener | undefined;
  jobs = 0;
  stopped = false;

  constructor(
    readonly key: string,
    entry: WorkerEntry,
    heapMb: number,
    private readonly onStop: (thread: AnalysisThread) => void,
  ) {
    this.worker = new Worker(entry.typescript ? typescriptBootstrap(entry.url) : entry.url, {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, stackSizeMb: 8 },
      // What parsers print may quote the file: it goes nowhere (DESIGN.md: no evidence in logs).
      // The thread mutes its own output too; see `printed` for why these are never read here.
      stdout: true,
      stderr: true,
      // Nothing of ours in the environment (HABEAS_PASSPHRASE, say) for code parsing hostile files.
      env: {},
    });
    this.worker.on('message', (raw: unknown) => {
      const message = workerMessageSchema.safeParse(raw);
      if (!message.success) return this.stop('The analysis sent a malformed answer.');
      // Anything about another job (one that already ended) is a late word: dropped.
      if (message.data.job === this.listener?.job) this.listener.message(message.data);
    });
    this.worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.stop(
        outOfMemory
          ? 'The analysis ran out of memory and was stopped.'
          : 'The analysis stopped with an error.',
      );
    });
    this.worker.on('exit', () => this.stop());
  }

  post(message: ParentMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /**
   * Whether anything reached the thread's stdout or stderr despite the mute. Reading those
   * streams would hold the process open even after `unref()` (Node keeps the thread's port
   * referenced while one is read, until the thread ends), so they are never read, and a
   * thread that wrote to them is stopped rather than kept idle.
   */
  printed(): boolean {
    return this.worker.stdout.readableLength > 0 || this.worker.stderr.readableLength > 0;
  }

  /** Idle: it may not keep the process alive (a CLI run ends at once), and it ends in a while. */
  park(): void {
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), idleMs);
    this.idleTimer.unref();
  }

  wake(): void {
    clearTimeout(this.idleTimer);
    this.worker.ref();
  }

  /** Terminates the thread; the job it was running, if any, fails with `detail`. */
  stop(detail = 'The analysis stopped before it finished.'): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.idleTimer);
    const listener = this.listener;
    this.listener = undefined;
    void this.worker.terminate();
    this.onStop(this);
    listener?.failed(detail);
  }
}

/** The live threads: each either runs a job (taken) or waits for one (idle). */
class Threads {
  private readonly live = new Set<AnalysisThread>();
  private readonly idle: AnalysisThread[] = [];

  /** A thread with this entry and heap limit: an idle one if there is, else a new one. */
  take(entry: WorkerEntry, heapMb: number): AnalysisThread {
    const key = `${heapMb} ${entry.url.href}`;
    const at = this.idle.findIndex((t) => t.key === key);
    const reused = at < 0 ? undefined : this.idle.splice(at, 1)[0];
    if (reused !== undefined) {
      reused.wake();
      return reused;
    }
    // An idle thread started with other limits makes room (slots keep one free for us).
    while (this.live.size >= maxThreads) {
      const old = this.idle[0];
      if (old === undefined) break;
      old.stop();
    }
    const thread = new AnalysisThread(key, entry, heapMb, (t) => this.forget(t));
    this.live.add(thread);
    return thread;
  }

  /** After a job: back among the idle, or stopped when the job failed or it did its share. */
  release(thread: AnalysisThread, reusable: boolean): void {
    thread.jobs++;
    if (reusable && !thread.stopped && !thread.printed() && thread.jobs < jobsPerThread) {
      thread.park();
      this.idle.push(thread);
    } else thread.stop();
  }

  private forget(thread: AnalysisThread): void {
    this.live.delete(thread);
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

const slots = new Slots();
const threads = new Threads();
let nextJob = 0;

function fallbackMimeType(input: ExtractionInput): string {
  return (
    normaliseMimeType(input.declaredMimeType) ??
    mimeTypeFromName(input.fileName) ??
    'application/octet-stream'
  );
}

function run(input: ExtractionInput, timeMs: number, thread: AnalysisThread): Promise<Extraction> {
  const { source, signal } = input;
  const job = nextJob++;
  const data: WorkerInput = {
    kind: input.kind,
    fileName: input.fileName,
    declaredMimeType: input.declaredMimeType,
    size: source.size,
  };
  let sniffed: string | undefined;
  return new Promise<Extraction>((resolve, reject) => {
    let settled = false;
    /** Ends the job once; the thread is kept only after a clean answer. */
    const finish = (outcome: Extraction | Error, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (thread.listener?.job === job) thread.listener = undefined;
      threads.release(thread, reusable);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const failed = (detail: string): void => {
      const note: IntakeNote = { code: 'analysis-failed', detail };
      finish({ mimeType: sniffed ?? fallbackMimeType(input), metadata: {}, notes: [note] }, false);
    };
    const timer = setTimeout(() => failed('The analysis took too long and was stopped.'), timeMs);
    const onAbort = (): void => finish(cancelled(), false);
    signal?.addEventListener('abort', onAbort, { once: true });

    const serveRead = ({ id, offset, length }: { id: number; offset: number; length: number }) => {
      const cut = Math.min(length, limits.readBytes, Math.max(0, source.size - offset));
      source.read(offset, cut).then(
        (bytes) => {
          if (settled) return;
          // A copy of exactly these bytes, moved (not cloned) to the thread.
          const copy = new Uint8Array(bytes.length);
          copy.set(bytes);
          thread.post({ type: 'bytes', job, id, bytes: copy }, [copy.buffer]);
        },
        (error: unknown) =>
          finish(error instanceof Error ? error : new Error(String(error)), false),
      );
    };
    thread.listener = {
      job,
      failed,
      message: (m) => {
        if (m.type === 'sniffed') sniffed = m.mimeType;
        else if (m.type === 'read') serveRead(m);
        else {
          const result = sanitizeExtraction(m.result, sniffed ?? fallbackMimeType(input));
          finish(result, !result.notes.some((n) => parserFailures.has(n.code)));
        }
      },
    };
    thread.post({ type: 'job', job, input: data });
  });
}
