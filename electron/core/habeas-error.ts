import type { ErrorCode, ErrorData } from '../../shared/errors';

/**
 * The one error type core throws on purpose. Its message is safe to show a user: it never
 * holds a path, a stack trace or evidence content. Anything else thrown inside core becomes
 * INTERNAL at the boundary, with a generic message.
 */
export class HabeasError extends Error {
  override readonly name = 'HabeasError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

const internalMessage = 'An internal error occurred.';

export function toErrorData(error: unknown): ErrorData {
  if (error instanceof HabeasError) {
    return error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details };
  }
  if (isNodeError(error) && error.code === 'ENOSPC') {
    return { code: 'DISK_FULL', message: 'The disk is full.' };
  }
  return { code: 'INTERNAL', message: internalMessage };
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
