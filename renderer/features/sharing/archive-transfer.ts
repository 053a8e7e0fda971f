import type { ArchiveImportSummary } from '../../../shared/archive';
import type { ErrorData } from '../../../shared/errors';
import type { ApiClient } from '../../lib/api-client';
import { bytesToBase64 } from '../viewers/blob-base64';

/**
 * Archives between core and the renderer, which cannot hand core a path nor be handed one:
 * a finished export is read back in pieces and saved the browser way; an archive to import is
 * sent in pieces, each checked and stored (encrypted) by core as it arrives. The pieces are
 * base64 in the contract's JSON; memory holds one piece at a time on the way in.
 */
type Api = Pick<ApiClient, 'call'>;

export type Transfer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ErrorData | 'cancelled' };

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The finished archive of an export as a Blob, read in pieces; core's copy is then removed. */
export async function fetchArchive(
  api: Api,
  jobId: string,
  onProgress: (received: number, total: number) => void,
): Promise<Transfer<Blob>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const piece = await api.call('archive:download', { jobId, offset });
    if (!piece.ok) return { ok: false, error: piece.error };
    const bytes = base64ToBytes(piece.value.bytes);
    parts.push(bytes);
    offset += bytes.length;
    onProgress(offset, piece.value.size);
    if (offset >= piece.value.size || bytes.length === 0) break;
  }
  await api.call('archive:discard', { jobId });
  return { ok: true, value: new Blob(parts, { type: 'application/octet-stream' }) };
}

/** Sends an archive to core and waits for its verdict: what it holds, nothing yet imported. */
export async function sendArchive(
  api: Api,
  file: Blob,
  passphrase: string | undefined,
  signal: AbortSignal,
  onProgress: (sent: number, total: number) => void,
): Promise<Transfer<ArchiveImportSummary>> {
  const begun = await api.call('archive:import-begin', {
    size: file.size,
    ...(passphrase === undefined || passphrase === '' ? {} : { passphrase }),
  });
  if (!begun.ok) return { ok: false, error: begun.error };
  const { importId, pieceSize } = begun.value;
  const cancel = async (): Promise<void> => {
    await api.call('archive:import-cancel', { importId });
  };
  onProgress(0, file.size);
  for (let offset = 0; offset < file.size; offset += pieceSize) {
    if (signal.aborted) {
      await cancel();
      return { ok: false, error: 'cancelled' };
    }
    const piece = file.slice(offset, Math.min(file.size, offset + pieceSize));
    const bytes = bytesToBase64(new Uint8Array(await piece.arrayBuffer()));
    const sent = await api.call('archive:import-piece', { importId, offset, bytes });
    if (!sent.ok) {
      await cancel();
      return { ok: false, error: sent.error };
    }
    onProgress(sent.value.received, file.size);
  }
  if (signal.aborted) {
    await cancel();
    return { ok: false, error: 'cancelled' };
  }
  const summary = await api.call('archive:import-finish', { importId });
  return summary.ok ? { ok: true, value: summary.value } : { ok: false, error: summary.error };
}
