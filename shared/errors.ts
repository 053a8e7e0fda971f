/**
 * The closed set of error codes that may cross a process boundary (IPC, browser mode, CLI).
 * Each code has exactly one user-facing message per language in renderer/i18n; the message
 * carried in ErrorData is an English fallback for logs and the CLI and never holds a path,
 * a stack trace or evidence content.
 */
export const errorCodes = [
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'INTEGRITY_FAILED',
  'UNSUPPORTED_FILE',
  'VAULT_IN_USE',
  'VAULT_EXISTS',
  'VAULT_VERSION_UNSUPPORTED',
  'DISK_FULL',
  'CANCELLED',
  'UNAUTHORIZED',
  'TRANSPORT_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorData = {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Closes a switch over a union: the compiler fails when a case is missing. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
