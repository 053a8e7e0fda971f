import { z } from 'zod';
import { dossierStages, exhibitProblemCodes, type DossierRequest } from '../../../shared/dossier';
import { errorCodes } from '../../../shared/errors';
import type { CaseFile } from '../cases/case-file';
import type { ExhibitMaterial } from './exhibits';
import type { FontBytes } from './font-files';

/** What the dossier thread is given first: the build to do. */
export type BuildJob = {
  readonly data: CaseFile;
  readonly request: DossierRequest;
  readonly today: string;
  readonly fonts: FontBytes;
  readonly verifiedAt: string;
  readonly preview: boolean;
};

/**
 * Parent → thread: first the job (a thread may be started before there is one), then the
 * material of each exhibit it asks for, with the hashes failed so far.
 */
export type ParentMessage =
  | { readonly type: 'job'; readonly job: BuildJob }
  | {
      readonly type: 'material';
      readonly number: number;
      readonly material: ExhibitMaterial;
      readonly failed: readonly number[];
    };

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array);

/** Thread → parent, checked: the thread parses hostile PDFs, so what it says is not trusted. */
export const workerAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('need'), number: z.number().int().positive() }),
  z.object({
    type: z.literal('progress'),
    stage: z.enum(dossierStages),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('done'),
    volumes: z.array(
      z.object({
        bytes,
        pages: z.number().int().positive(),
        firstBates: z.string(),
        lastBates: z.string(),
      }),
    ),
    problems: z.array(
      z.object({ number: z.number().int().positive(), code: z.enum(exhibitProblemCodes) }),
    ),
  }),
  z.object({
    type: z.literal('error'),
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type WorkerAnswer = z.input<typeof workerAnswerSchema>;
