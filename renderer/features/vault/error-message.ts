import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../../shared/errors';
import { ApiError } from '../../lib/api-client';

/** The error's code; anything that is not an ApiError means core could not be reached. */
export function errorCode(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'TRANSPORT_FAILED';
}

/** The user-facing message for a failed call, with optional wording for this screen's codes. */
export function errorMessage(
  t: TFunction,
  error: unknown,
  overrides: Partial<Record<ErrorCode, string>> = {},
): string {
  const code = errorCode(error);
  return overrides[code] ?? t(`errors.${code}`);
}
