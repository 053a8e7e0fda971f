import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DossierRequest } from '../../../shared/dossier';
import type { CaseFile } from '../cases/case-file';
import { HabeasError } from '../habeas-error';
import {
  findWorkerEntry,
  typescriptBootstrap,
  type WorkerEntry,
} from '../evidence/metadata/worker-path';
import type { BuildProgress, BuildResult } from './build';
import { dossierContent, type Exhibit } from './content';
import type { ExhibitMaterial } from './exhibits';
import type { FontBytes } from './font-files';
import { workerAnswerSchema, type BuildJob, type ParentMessage } from './dossier-protocol';

/**
 * Runs a build in a worker thread, so that laying out two thousand pages does not stall the
 * main process (the app's IPC, the media the renderer streams). The thread never sees the
 * vault: it asks for each exhibit's material, which this side decrypts and checks.
 */
let entry: WorkerEntry | undefined;

function workerEntry(): WorkerEntry {
  entry ??= findWorkerEntry(dirname(fileURLToPath(import.meta.url)), undefined, 'dossier-worker');
  if (entry === undefined) throw new Error('The dossier worker is missing from this build.');
  return entry;
}

function startThread(): Worker {
  const found = workerEntry();
  return new Worker(found.typescript ? typescriptBootstrap(found.url) : found.url, {
    resourceLimits: { maxOldGenerationSizeMb: 3072 },
    env: {},
  });
}

/**
 * One thread started ahead of a build, waiting for its job: loading pdf-lib and fontkit takes
 * a fifth of a second, which then passes while the vault is unlocked, the case read or the
 * last preview laid out. It holds nothing of a case until it is given a job, keeps no process
 * alive while it waits, and ends after `idleLimitMs` unused.
 */
let idle: { readonly worker: Worker; readonly timer: NodeJS.Timeout } | undefined;
const idleLimitMs = 2 * 60 * 1000;

export function prewarmDossierThread(): void {
  if (idle !== undefined) return;
  const worker = startThread();
  worker.unref();
  const forget = () => {
    if (idle?.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = undefined;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  const timer = setTimeout(() => {
    forget();
    void worker.terminate();
  }, idleLimitMs);
  timer.unref();
  idle = { worker, timer };
}

function takeIdle(): Worker | undefined {
  if (idle === undefined) return undefined;
  const { worker, timer } = idle;
  idle = undefined;
  clearTimeout(timer);
  worker.removeAllListeners();
  return worker;
}

export function runBuild(
  input: { readonly data: CaseFile; readonly request: DossierRequest; readonly today: string },
  fonts: FontBytes,
  source: (exhibit: Exhibit) => Promise<ExhibitMaterial>,
  options: {
    readonly verifiedAt: string;
    readonly preview?: boolean;
    readonly signal?: AbortSignal;
    readonly progress?: BuildProgress;
    readonly failed?: () => ReadonlySet<number>;
  },
): Promise<BuildResult> {
  const content = dossierContent(input.data, input.request, input.today);
  const byNumber = new Map(content.exhibits.map((e) => [e.number, e]));
  const job: BuildJob = {
    ...input,
    fonts,
    verifiedAt: options.verifiedAt,
    preview: options.preview === true,
  };
  const worker = takeIdle() ?? startThread();
  worker.ref();
  worker.postMessage({ type: 'job', job } satisfies ParentMessage);
  return new Promise<BuildResult>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, result?: BuildResult) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (result !== undefined) resolve(result);
      else
        reject(error instanceof Error ? error : new HabeasError('INTERNAL', 'The build failed.'));
    };
    const onAbort = () => finish(new HabeasError('CANCELLED', 'Cancelled.'));
    if (options.signal?.aborted === true) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    // The bytes move to the thread rather than being copied, unless they share their memory
    // with other buffers (Node pools small ones).
    const send = (message: Extract<ParentMessage, { type: 'material' }>) => {
      const bytes = message.material.bytes;
      const own =
        bytes !== undefined &&
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength;
      worker.postMessage(message, own ? [bytes.buffer as ArrayBuffer] : []);
    };
    worker.on('message', (raw: unknown) => {
      const parsed = workerAnswerSchema.safeParse(raw);
      if (!parsed.success)
        return finish(new HabeasError('INTERNAL', 'The dossier worker sent a malformed answer.'));
      const message = parsed.data;
      switch (message.type) {
        case 'progress':
          options.progress?.(message.stage, message.done, message.total);
          return;
        case 'need': {
          const exhibit = byNumber.get(message.number);
          if (exhibit === undefined) return finish(new HabeasError('INTERNAL', 'Unknown exhibit.'));
          source(exhibit).then(
            (material) =>
              send({
                type: 'material',
                number: message.number,
                material,
                failed: [...(options.failed?.() ?? [])],
              }),
            (error: unknown) => finish(error),
          );
          return;
        }
        case 'done':
          return finish(undefined, {
            volumes: message.volumes,
            problems: message.problems.flatMap((p) => {
              const exhibit = byNumber.get(p.number);
              return exhibit === undefined ? [] : [{ exhibit, code: p.code }];
            }),
          });
        case 'error':
          return finish(new HabeasError(message.code, message.message, message.details));
      }
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        new HabeasError(
          'INTERNAL',
          outOfMemory
            ? 'The dossier build ran out of memory.'
            : 'The dossier build stopped with an error.',
        ),
      );
    });
    worker.on('exit', () => finish(new HabeasError('INTERNAL', 'The dossier build stopped.')));
  });
}
