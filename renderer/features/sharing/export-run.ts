import type { ArchiveExportResult, ArchiveJob } from '../../../shared/archive';
import type { ErrorCode } from '../../../shared/errors';
import type { ApiClient } from '../../lib/api-client';
import { downloadBlob } from '../../lib/download';
import { fetchArchive } from './archive-transfer';

/** What the export dialog shows of a job, from start to saved file. */
export type ExportView =
  | { readonly phase: 'running'; readonly done: number; readonly total: number }
  | { readonly phase: 'saving'; readonly result: ArchiveExportResult }
  | {
      readonly phase: 'saved';
      readonly result: ArchiveExportResult;
      readonly delivery: ArchiveJob['delivery'];
    }
  | { readonly phase: 'failed'; readonly code: ErrorCode }
  | { readonly phase: 'cancelled' };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Follows an export job until it ends, telling `show` each step; a download (browser mode) is
 * then fetched and saved. Aborting `signal` (the dialog closed) stops a running job in core.
 */
export async function followExport(
  api: Pick<ApiClient, 'call'>,
  jobId: string,
  signal: AbortSignal,
  show: (view: ExportView) => void,
  interval = 250,
): Promise<void> {
  for (;;) {
    if (signal.aborted) {
      await api.call('archive:cancel', { jobId });
      return;
    }
    const progress = await api.call('archive:progress', { jobId });
    if (!progress.ok) return show({ phase: 'failed', code: progress.error.code });
    const job = progress.value;
    if (job.state === 'running') {
      show({ phase: 'running', done: job.done, total: job.total });
      await wait(interval);
      continue;
    }
    if (job.state === 'cancelled') return show({ phase: 'cancelled' });
    if (job.state === 'failed' || job.result === undefined) {
      return show({ phase: 'failed', code: job.error?.code ?? 'INTERNAL' });
    }
    const result = job.result;
    if (job.delivery === 'download') {
      show({ phase: 'saving', result });
      const fetched = await fetchArchive(api, jobId, () => undefined);
      if (!fetched.ok) {
        return show({
          phase: 'failed',
          code: fetched.error === 'cancelled' ? 'CANCELLED' : fetched.error.code,
        });
      }
      downloadBlob(fetched.value, result.fileName);
    }
    return show({ phase: 'saved', result, delivery: job.delivery });
  }
}
