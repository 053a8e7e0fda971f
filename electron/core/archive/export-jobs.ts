import { randomBytes, randomUUID } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  archivePieceSize,
  type ArchiveExportRequest,
  type ArchiveJob,
} from '../../../shared/archive';
import { resolveCaseId } from '../cases/case-service';
import { HabeasError, toErrorData } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import type { VaultSession } from '../vault/vault-session';
import {
  archiveFileName,
  exportCaseArchive,
  recordExport,
  writeArchiveFile,
  type ArchiveOutcome,
} from './export-archive';
import { oncePer } from '../once-per';

/**
 * Exports the app runs in the background, followed by polling (archive:progress) and stopped
 * by archive:cancel or a lock. Two deliveries:
 *
 *   file      the lawyer chose where in a native save dialog; core writes there.
 *   download  browser mode, where the renderer cannot name a path: the archive is written to
 *             `.habeas-tmp-archive-….habeas` in the vault folder and read back in pieces by the
 *             renderer, which saves it. It is already encrypted (it is the archive), and it is
 *             removed when the renderer is done with it, on lock, after an idle hour, or at
 *             the next unlock (the vault removes every ".habeas-tmp-" file a crash left).
 */
export type Delivery =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'download' };

type Job = {
  readonly delivery: ArchiveJob['delivery'];
  readonly controller: AbortController;
  /** Where a download waits to be read. */
  readonly tempPath?: string;
  readonly fileName: string;
  progress: ArchiveJob;
  idle?: NodeJS.Timeout;
};

const idleMs = 60 * 60 * 1000;
const tempMarker = '.habeas-tmp-archive-';

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(session: VaultSession) {
    session.onLock(() => {
      for (const id of [...this.jobs.keys()]) void this.discard(id).catch(() => undefined);
    });
  }

  start(
    vault: UnlockedVault,
    request: ArchiveExportRequest,
    delivery: Delivery,
    actor: string,
  ): string {
    const caseId = resolveCaseId(vault, request.caseId);
    const jobId = randomUUID();
    const controller = new AbortController();
    const tempPath =
      delivery.kind === 'download'
        ? join(vault.dir, `${tempMarker}${randomBytes(12).toString('hex')}.habeas`)
        : undefined;
    const job: Job = {
      delivery: delivery.kind,
      controller,
      ...(tempPath === undefined ? {} : { tempPath }),
      fileName: archiveFileName(),
      progress: { state: 'running', delivery: delivery.kind, done: 0, total: 0 },
    };
    this.jobs.set(jobId, job);
    const options = {
      protection: request.protection,
      actor,
      signal: controller.signal,
      onProgress: (done: number, total: number) => {
        job.progress = { ...job.progress, done, total };
      },
    };
    const run = async (): Promise<ArchiveOutcome> => {
      if (delivery.kind === 'file') {
        return exportCaseArchive(vault, caseId, delivery.path, { ...options, overwrite: true });
      }
      const outcome = await writeArchiveFile(vault, caseId, tempPath ?? '', options);
      await recordExport(vault, caseId, outcome, request.protection, actor);
      return outcome;
    };
    run().then(
      (outcome) => {
        job.progress = {
          ...job.progress,
          state: 'done',
          result: {
            sha256: outcome.sha256,
            files: outcome.files,
            size: outcome.size,
            fileName: job.fileName,
          },
        };
        this.armIdle(jobId, job);
      },
      (error: unknown) => {
        const { code, message } = toErrorData(error);
        job.progress = {
          ...job.progress,
          state: code === 'CANCELLED' ? 'cancelled' : 'failed',
          error: { code, message },
        };
        this.armIdle(jobId, job);
      },
    );
    return jobId;
  }

  progress(jobId: string): ArchiveJob {
    const job = this.get(jobId);
    this.armIdle(jobId, job);
    return job.progress;
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.controller.abort();
  }

  /** `archivePieceSize` bytes of a finished download from `offset` (fewer at its end). */
  async read(jobId: string, offset: number): Promise<{ bytes: string; size: number }> {
    const job = this.get(jobId);
    const size = job.progress.result?.size;
    if (job.tempPath === undefined || size === undefined) {
      throw new HabeasError('NOT_FOUND', 'This archive is not ready to download.');
    }
    if (offset > size) throw new HabeasError('VALIDATION_FAILED', 'Past the end of the archive.');
    this.armIdle(jobId, job);
    const length = Math.min(archivePieceSize, size - offset);
    const handle = await open(job.tempPath, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length) throw new HabeasError('INTEGRITY_FAILED', 'The archive changed.');
      return { bytes: buffer.toString('base64'), size };
    } finally {
      await handle.close();
    }
  }

  /** Stops the job if it runs, and removes what it left for download. */
  async discard(jobId: string): Promise<void> {
    const job = this.jobs.get(jobId);
    if (job === undefined) return;
    this.jobs.delete(jobId);
    clearTimeout(job.idle);
    job.controller.abort();
    if (job.tempPath !== undefined) await unlink(job.tempPath).catch(() => undefined);
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new HabeasError('NOT_FOUND', 'No such export.');
    return job;
  }

  /** A finished job nobody asks about for an hour is discarded. */
  private armIdle(jobId: string, job: Job): void {
    if (job.progress.state === 'running') return;
    clearTimeout(job.idle);
    job.idle = setTimeout(() => void this.discard(jobId).catch(() => undefined), idleMs);
    job.idle.unref();
  }
}

/** The exports of a session (one registry per session, made on first use). */
export const exportJobs = oncePer((session: VaultSession) => new ExportJobs(session));
