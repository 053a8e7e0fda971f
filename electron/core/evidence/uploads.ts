import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { IntakeFields } from '../../../shared/evidence';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import { intakeFile, type IntakeOutcome } from './intake';

/** Pieces are at most this big: memory per upload stays bounded whatever the file's size. */
export const uploadPieceSize = 8 * 1024 * 1024;
/** An upload that receives nothing for this long is cancelled and leaves nothing behind. */
const idleMs = 10 * 60 * 1000;

type Upload = {
  readonly size: number;
  received: number;
  readonly body: PassThrough;
  readonly abort: AbortController;
  readonly result: Promise<IntakeOutcome>;
  idle: NodeJS.Timeout;
  /** One piece at a time: a piece arriving while another is written is refused. */
  busy: boolean;
};

/**
 * Uploads in progress: a file whose bytes arrive in pieces (the renderer cannot hand core a
 * path). Each upload feeds one intake stream, so a file is encrypted and hashed as its pieces
 * arrive and never sits whole in memory. Cancelling, going idle or locking the vault aborts the
 * intake, which removes whatever it stored.
 */
export class UploadRegistry {
  private readonly uploads = new Map<string, Upload>();

  begin(
    vault: UnlockedVault,
    input: {
      readonly caseId: string;
      readonly fileName: string;
      readonly size: number;
      readonly mimeType: string;
      readonly fields: IntakeFields;
    },
    actor: string,
  ): string {
    const uploadId = randomBytes(18).toString('base64url');
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    const abort = new AbortController();
    const result = intakeFile(
      vault,
      input.caseId,
      {
        stream: body,
        fileName: input.fileName,
        declaredMimeType: input.mimeType,
        expectedSize: input.size,
      },
      input.fields,
      actor,
      abort.signal,
    );
    // Kept for finish(); an intake that fails early is reported by the next piece or finish.
    result.catch(() => undefined);
    const upload: Upload = {
      size: input.size,
      received: 0,
      body,
      abort,
      result,
      idle: this.idleTimer(uploadId),
      busy: false,
    };
    this.uploads.set(uploadId, upload);
    return uploadId;
  }

  private idleTimer(uploadId: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.cancel(uploadId), idleMs);
    timer.unref();
    return timer;
  }

  private get(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) throw new HabeasError('NOT_FOUND', 'No such upload.');
    return upload;
  }

  /** Writes the piece at `offset` (which must be where the last one ended); waits for room. */
  async append(uploadId: string, offset: number, bytes: Uint8Array): Promise<number> {
    const upload = this.get(uploadId);
    if (upload.busy) throw new HabeasError('VALIDATION_FAILED', 'Send one piece at a time.');
    if (offset !== upload.received || bytes.length > uploadPieceSize)
      throw new HabeasError('VALIDATION_FAILED', 'The piece is out of order or too large.');
    if (upload.received + bytes.length > upload.size) {
      this.cancel(uploadId);
      throw new HabeasError('VALIDATION_FAILED', 'The file is larger than announced.');
    }
    clearTimeout(upload.idle);
    upload.busy = true;
    try {
      const failed = upload.result.then(
        () => new HabeasError('VALIDATION_FAILED', 'The upload has already ended.'),
        (error: unknown) =>
          error instanceof Error ? error : new HabeasError('INTERNAL', 'The intake failed.'),
      );
      if (!upload.body.write(bytes)) {
        const drained = new Promise<void>((resolve) => upload.body.once('drain', resolve));
        const outcome = await Promise.race([drained.then(() => null), failed]);
        if (outcome !== null) throw outcome;
      }
      upload.received += bytes.length;
      return upload.received;
    } catch (error) {
      this.uploads.delete(uploadId);
      throw error;
    } finally {
      upload.busy = false;
      if (this.uploads.has(uploadId)) upload.idle = this.idleTimer(uploadId);
    }
  }

  /** Ends the upload and waits for the intake: the item, or the item it duplicates. */
  async finish(uploadId: string): Promise<IntakeOutcome> {
    const upload = this.get(uploadId);
    if (upload.busy) throw new HabeasError('VALIDATION_FAILED', 'A piece is still being written.');
    this.uploads.delete(uploadId);
    clearTimeout(upload.idle);
    if (upload.received !== upload.size) {
      upload.abort.abort();
      await upload.result.catch(() => undefined);
      throw new HabeasError('VALIDATION_FAILED', 'The file arrived incomplete.');
    }
    upload.body.end();
    return upload.result;
  }

  cancel(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return;
    this.uploads.delete(uploadId);
    clearTimeout(upload.idle);
    upload.abort.abort();
    upload.body.destroy();
  }

  /** On lock: every upload stops and leaves nothing. */
  cancelAll(): void {
    for (const id of [...this.uploads.keys()]) this.cancel(id);
  }
}
