import { z } from 'zod';
import { errorCodes, type ErrorCode, type ErrorData } from './errors';

/** What every channel returns on every transport: a value, or an error as plain data. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Result<T> {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
}

export const errorDataSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string().max(2000),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Parses a Result that came over a wire whose other end we do not fully trust to be well-formed. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorDataSchema }),
  ]);
}
