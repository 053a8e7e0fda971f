import { HabeasError } from '../habeas-error';

/**
 * Writes a POSIX tar (ustar, IEEE Std 1003.1-2001 "pax" interchange format) as a stream of
 * buffers, for archives `tar x` and every other tar reader unpacks:
 *
 *   per file: [pax header 'x' + its records]  ustar header (512 bytes)  data  zero padding to 512
 *   at the end: two zero blocks
 *
 * A pax header comes only where ustar cannot say it: a name that is not ASCII or longer than
 * 100 bytes (record "path"), or a size of 8 GiB or more (record "size"; the ustar field then
 * holds the size in GNU base-256 as well). Regular files only, mode 0644, owner 0:0.
 */

export type TarFile = {
  readonly name: string;
  readonly size: number;
  /** The file's bytes; exactly `size` of them, or the archive is refused as it is written. */
  readonly body: () =>
    | Iterable<Uint8Array>
    | AsyncIterable<Uint8Array>
    | Promise<Iterable<Uint8Array> | AsyncIterable<Uint8Array>>;
};

export const BLOCK = 512;
const maxOctalSize = 0o77777777777;

/** The tar of `files`, in order. `onBytes` is told of every file byte written. */
export async function* writeTar(
  files: Iterable<TarFile> | AsyncIterable<TarFile>,
  mtime: Date,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<Buffer, void, undefined> {
  const seconds = Math.max(0, Math.floor(mtime.getTime() / 1000));
  for await (const file of files) {
    yield* headersFor(file.name, file.size, seconds);
    let written = 0;
    for await (const chunk of await file.body()) {
      written += chunk.length;
      if (written > file.size) break;
      onBytes(chunk.length);
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (written !== file.size) {
      throw new HabeasError('INTEGRITY_FAILED', 'A stored file is not the size its record gives.');
    }
    const padding = padTo(file.size);
    if (padding > 0) yield Buffer.alloc(padding);
  }
  yield Buffer.alloc(2 * BLOCK);
}

function padTo(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function* headersFor(name: string, size: number, mtime: number): Generator<Buffer> {
  const nameBytes = Buffer.from(name, 'utf8');
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const records: [string, string][] = [];
  if (!ascii || nameBytes.length > 100) records.push(['path', name]);
  if (size > maxOctalSize) records.push(['size', String(size)]);
  if (records.length > 0) {
    const body = paxRecords(records);
    yield ustarHeader(paxName(name), body.length, mtime, 'x');
    yield body;
    const padding = padTo(body.length);
    if (padding > 0) yield Buffer.alloc(padding);
  }
  yield ustarHeader(ascii && nameBytes.length <= 100 ? name : paxName(name), size, mtime, '0');
}

/** An ASCII stand-in for the name field when the real name is in the pax header. */
function paxName(name: string): string {
  const base = name.replace(/[^\x20-\x7e]/g, '_');
  return base.length <= 100 ? base : base.slice(base.length - 100);
}

/** pax records: "<length> <key>=<value>\n", where length counts the whole record, itself included. */
export function paxRecords(records: readonly (readonly [string, string])[]): Buffer {
  return Buffer.concat(
    records.map(([key, value]) => {
      const rest = Buffer.byteLength(` ${key}=${value}\n`, 'utf8');
      let length = rest + String(rest).length;
      if (String(length).length !== String(rest).length) length = rest + String(length).length;
      return Buffer.from(`${length} ${key}=${value}\n`, 'utf8');
    }),
  );
}

function ustarHeader(name: string, size: number, mtime: number, type: '0' | 'x'): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  if (size <= maxOctalSize) header.write(octal(size, 12), 124, 'ascii');
  else writeBase256(header, 124, 12, size);
  header.write(octal(mtime, 12), 136, 'ascii');
  header.write(' '.repeat(8), 148, 'ascii');
  header.write(type, 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'ascii');
  return header;
}

/** An octal field: digits, zero-padded, then NUL. */
function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`;
}

/** GNU base-256: the top bit of the first byte set, the value big-endian in the rest. */
function writeBase256(header: Buffer, offset: number, width: number, value: number): void {
  let rest = value;
  for (let index = offset + width - 1; index > offset; index--) {
    header[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  header[offset] = 0x80;
}
