import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../habeas-error';
import { buildDossier } from './build';
import { dossierContent } from './content';
import type { ExhibitMaterial } from './exhibits';
import type { BuildJob, ParentMessage, WorkerAnswer } from './dossier-protocol';

/**
 * The dossier thread: lays out the PDF from the case data it was started with, asking the
 * parent for each exhibit's material in turn. See dossier-thread.ts.
 */
const job = workerData as BuildJob;
const port = parentPort;
if (port === null) throw new Error('dossier-worker runs in a worker thread only.');

const post = (message: WorkerAnswer, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);
const waiting = new Map<number, (material: ExhibitMaterial) => void>();
const requested = new Map<number, Promise<ExhibitMaterial>>();

/**
 * The material of exhibit `number`, asked for once. Asking for the next exhibit at the same
 * time lets the parent decrypt and hash it on the other core while this one is laid out.
 */
function material(number: number): Promise<ExhibitMaterial> {
  let pending = requested.get(number);
  if (pending === undefined) {
    pending = new Promise<ExhibitMaterial>((resolve) => {
      waiting.set(number, resolve);
      post({ type: 'need', number });
    });
    requested.set(number, pending);
  }
  return pending;
}
const failed = new Set<number>();

port.on('message', (message: ParentMessage) => {
  for (const n of message.failed) failed.add(n);
  waiting.get(message.number)?.(message.material);
  waiting.delete(message.number);
});

async function main(): Promise<void> {
  const content = dossierContent(job.data, job.request, job.today);
  const result = await buildDossier(
    content,
    job.fonts,
    (exhibit) => {
      if (exhibit.number < content.exhibits.length) void material(exhibit.number + 1);
      const current = material(exhibit.number);
      void current.then(() => requested.delete(exhibit.number));
      return current;
    },
    {
      verifiedAt: job.verifiedAt,
      preview: job.preview,
      failed: () => failed,
      progress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
    },
  );
  post(
    {
      type: 'done',
      volumes: result.volumes.map((v) => ({ ...v })),
      problems: result.problems.map((p) => ({ number: p.exhibit.number, code: p.code })),
    },
    result.volumes.map((v) => v.bytes.buffer as ArrayBuffer),
  );
}

main().catch((error: unknown) => {
  const data = toErrorData(error);
  post({
    type: 'error',
    code: data.code,
    message: data.message,
    ...(data.details === undefined ? {} : { details: { ...data.details } }),
  });
});
