import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expect } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import { HabeasError } from '../../../electron/core/habeas-error';
import { scanForHeaderEnd } from '../../../electron/core/crypto/age-header';
import { generateIdentity } from '../../../electron/core/crypto/age-keys';
import type { AgeIdentity, AgeRecipient } from '../../../electron/core/crypto/index';

/** Shared helpers for the age tests: keys, byte surgery on age files, error assertions. */

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const CHUNK = 64 * KiB;
export const SEALED_CHUNK = CHUNK + 16;

export type KeyPair = { readonly recipient: AgeRecipient; readonly identity: AgeIdentity };

export function newKeyPair(): KeyPair {
  const { secretKey, publicKey } = generateIdentity();
  return {
    recipient: { kind: 'x25519', publicKey },
    identity: { kind: 'x25519', secretKey },
  };
}

/** A cheap passphrase pair: logN 10 keeps scrypt in the milliseconds. */
export function passphrasePair(passphrase = 'correct horse battery staple'): KeyPair {
  return {
    recipient: { kind: 'scrypt', passphrase, logN: 10 },
    identity: { kind: 'scrypt', passphrase },
  };
}

/** Where the payload's sealed chunks start in an age file: after the header and the nonce. */
export function payloadStart(file: Buffer): number {
  const scan = scanForHeaderEnd(file);
  if (scan.end === undefined) throw new Error('no complete header');
  return scan.end + 16;
}

export function sealedChunkAt(file: Buffer, index: number): Buffer {
  const start = payloadStart(file) + index * SEALED_CHUNK;
  return file.subarray(start, start + SEALED_CHUNK);
}

export function flipBit(bytes: Buffer, offset: number, bit = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = (copy[offset] ?? 0) ^ (1 << bit);
  return copy;
}

export async function writeTemp(dir: string, bytes: Uint8Array, name?: string): Promise<string> {
  const path = join(dir, name ?? `${randomBytes(6).toString('hex')}.age`);
  await writeFile(path, bytes);
  return path;
}

/** The error a promise rejects with, asserting it is a HabeasError with `code`. */
export async function expectRejects(
  promise: Promise<unknown>,
  code: ErrorCode,
): Promise<HabeasError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error, `expected a rejection with ${code}`).toBeInstanceOf(HabeasError);
  expect((error as HabeasError).code).toBe(code);
  return error as HabeasError;
}

export function expectThrows(action: () => unknown, code: ErrorCode): HabeasError {
  let error: unknown;
  try {
    action();
  } catch (thrown) {
    error = thrown;
  }
  expect(error, `expected a throw with ${code}`).toBeInstanceOf(HabeasError);
  expect((error as HabeasError).code).toBe(code);
  return error as HabeasError;
}

/** Runs bytes through a Transform, in pieces of `pieceSize`, and collects the output. */
export async function throughTransform(
  transform: NodeJS.ReadWriteStream,
  input: Buffer,
  pieceSize = 64 * KiB,
): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < input.length; at += pieceSize) {
    pieces.push(input.subarray(at, at + pieceSize));
  }
  return collect(Readable.from(pieces, { objectMode: false }), transform);
}

export async function collect(
  source: NodeJS.ReadableStream,
  transform?: NodeJS.ReadWriteStream,
): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  await (transform === undefined ? pipeline(source, sink) : pipeline(source, transform, sink));
  return Buffer.concat(out);
}
