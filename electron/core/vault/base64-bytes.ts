import { z } from 'zod';

/** A canonical base64 string that decodes to exactly `length` bytes. */
export function base64Bytes(length: number) {
  return z
    .string()
    .max(4 * Math.ceil(length / 3))
    .refine((text) => {
      const bytes = Buffer.from(text, 'base64');
      return bytes.length === length && bytes.toString('base64') === text;
    }, `expected ${length} bytes in base64`);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function fromBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}
