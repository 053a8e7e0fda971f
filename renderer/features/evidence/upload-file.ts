import type { ErrorCode } from '../../../shared/errors';
import type { EvidenceSummary, IntakeFields } from '../../../shared/evidence';
import type { ApiClient } from '../../lib/api-client';

/**
 * One file's intake, from the renderer's side: intake:begin, then the bytes in order, one
 * piece at a time (core stores each encrypted as it arrives, so memory stays bounded on both
 * sides), then intake:finish. A cancelled or failed upload is cancelled in core too, which
 * keeps nothing of it.
 */

export type UploadOutcome =
  | { readonly status: 'added'; readonly item: EvidenceSummary }
  | {
      readonly status: 'duplicate';
      readonly existing: { readonly id: string; readonly title: string };
    }
  | { readonly status: 'failed'; readonly code: ErrorCode }
  | { readonly status: 'cancelled' };

export type UploadPhase = 'sending' | 'finishing';

export type UploadRequest = {
  readonly api: Pick<ApiClient, 'call' | 'upload'>;
  readonly caseId: string;
  readonly file: Blob;
  readonly fileName: string;
  readonly fields: IntakeFields;
  readonly signal: AbortSignal;
  /** Bytes core has confirmed so far, after each piece (and 0 at the start). */
  readonly onProgress: (sent: number, total: number) => void;
  /** Called once every byte is sent, while core reads the file's metadata and text. */
  readonly onPhase?: (phase: UploadPhase) => void;
};

export async function uploadFile(request: UploadRequest): Promise<UploadOutcome> {
  const { api, file, signal, onProgress } = request;
  if (signal.aborted) return { status: 'cancelled' };
  const begun = await api.call('intake:begin', {
    caseId: request.caseId,
    fileName: request.fileName,
    size: file.size,
    mimeType: file.type,
    fields: request.fields,
  });
  if (!begun.ok) return { status: 'failed', code: begun.error.code };
  const { uploadId, pieceSize } = begun.value;
  const cancel = async (): Promise<void> => {
    // Best effort: core also drops an upload that fails or goes idle.
    await api.call('intake:cancel', { uploadId });
  };

  onProgress(0, file.size);
  request.onPhase?.('sending');
  let offset = 0;
  while (offset < file.size) {
    if (signal.aborted) {
      await cancel();
      return { status: 'cancelled' };
    }
    const piece = file.slice(offset, Math.min(file.size, offset + pieceSize));
    const sent = await api.upload(uploadId, offset, piece);
    if (!sent.ok) {
      await cancel();
      return { status: 'failed', code: sent.error.code };
    }
    if (sent.value.received !== offset + piece.size) {
      await cancel();
      return { status: 'failed', code: 'TRANSPORT_FAILED' };
    }
    offset = sent.value.received;
    onProgress(offset, file.size);
  }
  if (signal.aborted) {
    await cancel();
    return { status: 'cancelled' };
  }

  request.onPhase?.('finishing');
  const finished = await api.call('intake:finish', { uploadId });
  if (!finished.ok) return { status: 'failed', code: finished.error.code };
  return finished.value.status === 'added'
    ? { status: 'added', item: finished.value.item }
    : { status: 'duplicate', existing: finished.value.existing };
}
