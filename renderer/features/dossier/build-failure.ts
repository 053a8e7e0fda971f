import type { TFunction } from 'i18next';
import { z } from 'zod';
import { dossierProfileSchema, type DossierProgress } from '../../../shared/dossier';
import { ApiError } from '../../lib/api-client';
import { errorCode } from '../vault/error-message';

/** The checks a profile makes before a file is written (core's dossier/profiles.ts). */
export const profileChecks = [
  'volume-size',
  'single-file',
  'bookmarks',
  'index-links',
  'ascii-names',
] as const;

// From core, and still checked: an unknown check falls back to core's own words.
const profileCheckSchema = z.object({
  profile: dossierProfileSchema,
  check: z.enum(profileChecks),
});

export type BuildFailure = {
  /** What went wrong, in the lawyer's language. */
  readonly summary: string;
  /** Core's own description (English), when it says more than the summary: which part, how big. */
  readonly detail?: string;
};

type FailureData = NonNullable<DossierProgress['error']>;

/** A failed build, explained: a profile's check by name, anything else by its error code. */
export function describeFailure(t: TFunction, error: FailureData): BuildFailure {
  const check = profileCheckSchema.safeParse(error.details);
  if (error.code === 'VALIDATION_FAILED' && check.success)
    return {
      summary: t('dossier.build.checkFailed', {
        profile: t(`dossier.options.profiles.${check.data.profile}.label`),
        reason: t(`dossier.build.checks.${check.data.check}`),
      }),
      detail: error.message,
    };
  return {
    summary: t(`errors.${error.code}`),
    // VALIDATION_FAILED alone would not say what to fix; core's message does.
    ...(error.code === 'VALIDATION_FAILED' && error.message !== ''
      ? { detail: error.message }
      : {}),
  };
}

/** The same for a call that failed outright (starting a build, asking its progress). */
export function describeCallFailure(t: TFunction, error: unknown): BuildFailure {
  return describeFailure(t, {
    code: errorCode(error),
    message: error instanceof ApiError ? error.message : '',
  });
}
