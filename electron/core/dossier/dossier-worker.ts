import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../habeas-error';
import { buildDossier } from './build';
import { dossierContent } from './content';
import type { ExhibitMaterial } from './exhibits';
import type { BuildJob, ParentMessage, WorkerAnswer } from './dossier-protocol';

/**
 * The dossier thread: lays out the PDF from the job it is sent first, asking the parent for
 * each exhibit's material in turn. See dossier-thread.ts, which may start it before the job
 * exists, so that loading pdf-lib and fontkit is done by the time it comes.
 */
const port = parentPort;
if (port === null) throw new Error('dossier-worker runs in a worker thread only.');

const post = (message: WorkerAnswer, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);
const waiting = new Map<number, (material: ExhibitMaterial) => void>();
const requested = new Map<number, Promise<ExhibitMaterial>>();

/**
 * The material of exhibit `number`, asked for once. Asking for the next few exhibits at the
 * same time lets the parent decrypt and hash them on the other core while this one is laid out
 * (one ahead was not enough: the parent's work per exhibit comes in bursts).
 */
const ahead = 3;
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
  if (message.type === 'job') {
    main(message.job).catch(report);
    return;
  }
  for (const n of message.failed) failed.add(n);
  waiting.get(message.number)?.(message.material);
  waiting.delete(message.number);
});

async function main(job: BuildJob): Promise<void> {
  const content = dossierContent(job.data, job.request, job.today);
  const result = await buildDossier(
    content,
    job.fonts,
    (exhibit) => {
      const last = Math.min(content.exhibits.length, exhibit.number + ahead);
      for (let next = exhibit.number + 1; next <= last; next++) void material(next);
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

function report(error: unknown): void {
  const data = toErrorData(error);
  post({
    type: 'error',
    code: data.code,
    message: data.message,
    ...(data.details === undefined ? {} : { details: { ...data.details } }),
  });
}
