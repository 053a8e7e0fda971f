import { z } from 'zod';
import type { EvidenceKind } from '../../../../shared/evidence';

/**
 * Messages between the intake (parent thread) and an analysis thread. A thread lives for many
 * files, one after another: the parent sends a `job` with a fresh job id, the thread asks for
 * byte ranges of that job's file and the parent answers from the decrypted source (the thread
 * never sees the vault), then the thread says `done`. Every read, reply and answer carries
 * its job id, so that a late word about a finished job is recognised and dropped. The parent
 * treats what the thread says as untrusted (the thread parses hostile files), so every message
 * is parsed here before it is believed.
 */

export type WorkerInput = {
  readonly kind: EvidenceKind;
  readonly fileName: string;
  readonly declaredMimeType: string;
  readonly size: number;
};

/** Parent → thread: a file to analyse, or the answer to one of its reads. */
export type ParentMessage =
  | { readonly type: 'job'; readonly job: number; readonly input: WorkerInput }
  | {
      readonly type: 'bytes';
      readonly job: number;
      readonly id: number;
      readonly bytes: Uint8Array;
    };

const uint = z.number().int().nonnegative();

/** Thread → parent. `result` is checked field by field later (see sanitize.ts). */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('read'), job: uint, id: uint, offset: uint, length: uint }),
  /** Sent as soon as the bytes are sniffed, so that a thread stopped later still told us. */
  z.object({ type: z.literal('sniffed'), job: uint, mimeType: z.string().min(1).max(200) }),
  z.object({ type: z.literal('done'), job: uint, result: z.unknown() }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;
