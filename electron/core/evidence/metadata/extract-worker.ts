import { parentPort, type MessagePort } from 'node:worker_threads';
import { analyse } from './analyse';
import { RemoteSource } from './remote-source';
import type { ParentMessage, WorkerInput, WorkerMessage } from './worker-protocol';

/**
 * An analysis thread: parses files with the format libraries, one job after another, asking
 * the parent thread for byte ranges, and posts what it found. It runs under resource limits
 * and a per-job time limit; whatever a hostile file does to a parser here, the app's own
 * thread carries on. Loading the libraries is the slow part, so the thread is kept for many
 * files; the parent retires it after a failure and after a fixed number of jobs.
 */
type Job = { readonly job: number; readonly input: WorkerInput };

function serve(port: MessagePort): void {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  const queue: Job[] = [];
  let current: { readonly job: number; readonly source: RemoteSource } | undefined;

  const runNext = async (): Promise<void> => {
    if (current !== undefined) return;
    const next = queue.shift();
    if (next === undefined) return;
    const { job, input } = next;
    const source = new RemoteSource(input.size, job, post);
    current = { job, source };
    const result = await analyse(
      {
        kind: input.kind,
        fileName: input.fileName,
        declaredMimeType: input.declaredMimeType,
        source,
      },
      (mimeType) => post({ type: 'sniffed', job, mimeType }),
    );
    current = undefined;
    post({ type: 'done', job, result });
    await runNext();
  };

  port.on('message', (message: ParentMessage) => {
    if (message.type === 'job') {
      // The parent sends one job at a time; a queue keeps the thread right if it ever did not.
      queue.push({ job: message.job, input: message.input });
      runNext().catch(crash);
    } else if (current?.job === message.job) {
      // A reply for an earlier job (a parser that left a read behind) is dropped here.
      current.source.deliver(message.id, message.bytes);
    }
  });
}

/**
 * A failure outside the parsers' own error handling: thrown where no promise catches it, so
 * that the thread dies and the parent gives the file a note (and starts a fresh thread).
 */
function crash(error: unknown): void {
  setImmediate(() => {
    throw error;
  });
}

/**
 * What parsers print (pdf.js warnings, say) may quote the file, and it must reach no log. The
 * parent discards the thread's output anyway, but does not read it (see `printed` in
 * worker-client.ts), so nothing is written at all: the thread stays quiet and reusable.
 */
function mute(): void {
  const discard = (): boolean => true;
  process.stdout.write = discard;
  process.stderr.write = discard;
}

if (parentPort === null) throw new Error('The analysis thread must run as a worker.');
mute();
serve(parentPort);
