import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, uploadChannel } from '../../shared/channels';
import { fail, type Result } from '../../shared/result';
import { dispatch, dispatchUploadPiece } from '../core/api';
import { uploadPieceSize } from '../core/evidence/uploads';
import type { AppContext } from '../core/app-context';
import { isAppUrl } from './url-policy';

/** A sender is trusted when it is the top frame of a page loaded from app://habeas. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Binds every channel of the contract to core. renderer → main, invoke/handle: the input is
 * structured-cloned (functions, class instances and prototypes are lost) and parsed by core;
 * the reply is a plain Result, never a thrown error.
 */
export function bindIpc(ipc: Pick<IpcMain, 'handle'>, ctx: AppContext): void {
  for (const channel of channelNames) {
    ipc.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event))
        return fail('UNAUTHORIZED', 'The request came from an untrusted page.');
      return dispatch(channel, input, ctx);
    });
  }
  // renderer → main: one piece of an upload. The ArrayBuffer arrives as a copy (structured
  // clone); anything else in its place is refused by core.
  ipc.handle(uploadChannel, async (event, uploadId: unknown, offset: unknown, bytes: unknown) => {
    if (!isTrustedSender(event))
      return fail('UNAUTHORIZED', 'The request came from an untrusted page.');
    const piece =
      bytes instanceof ArrayBuffer && bytes.byteLength <= uploadPieceSize
        ? new Uint8Array(bytes)
        : undefined;
    return dispatchUploadPiece(uploadId, offset, piece, ctx);
  });
}
