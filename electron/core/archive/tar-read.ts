import { HabeasError } from '../habeas-error';
import { BLOCK } from './tar-write';

/**
 * A strict reader of the tars archives carry: POSIX ustar with pax headers (what Habeas
 * writes), and GNU tar's own format (what `tar c` writes by default), so that an archive put
 * together by hand imports too. Entries come out one at a time and their data streams; nothing
 * is held but one block and one chunk.
 *
 * Refused outright, whatever their name: hard and symbolic links, devices, FIFOs, sparse and
 * multi-volume entries, global pax headers, and any header whose checksum or size is wrong.
 * Extended headers (pax 'x', GNU 'L') are capped at 64 KiB. After the end-of-archive blocks,
 * only zero bytes may follow (a writer pads to its record size).
 */

export type TarEntry = {
  readonly type: 'file' | 'directory';
  readonly name: string;
  readonly size: number;
  /** The entry's data, exactly `size` bytes; what is not read is skipped before the next entry. */
  readonly body: AsyncIterable<Buffer>;
};

const maxExtendedHeader = 64 * 1024;

const refusedTypes: Readonly<Record<string, string>> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  '7': 'a contiguous file',
  g: 'a global header',
  K: 'a long link name',
  S: 'a sparse file',
  M: 'a multi-volume part',
  V: 'a volume label',
  D: 'a GNU directory dump',
};

export function refused(what: string): HabeasError {
  return new HabeasError('VALIDATION_FAILED', `The archive holds ${what}: it was refused.`);
}

function damaged(message = 'The archive is damaged: its tar is malformed.'): HabeasError {
  return new HabeasError('INTEGRITY_FAILED', message);
}

/** Reads exactly what is asked from a stream of buffers of any sizes. */
class ByteSource {
  readonly #chunks: AsyncIterator<Buffer>;
  #head: Buffer = Buffer.alloc(0);

  constructor(source: AsyncIterable<Buffer>) {
    this.#chunks = source[Symbol.asyncIterator]();
  }

  /** Up to `max` bytes (at least one), or undefined at the end of the stream. */
  async some(max: number): Promise<Buffer | undefined> {
    while (this.#head.length === 0) {
      const next = await this.#chunks.next();
      if (next.done === true) return undefined;
      this.#head = next.value;
    }
    const piece = this.#head.subarray(0, max);
    this.#head = this.#head.subarray(piece.length);
    return piece;
  }

  /** Exactly `length` bytes (copied when they span chunks); undefined at a clean end. */
  async exactly(length: number): Promise<Buffer | undefined> {
    const first = await this.some(length);
    if (first === undefined || first.length === length) return first;
    const out = Buffer.allocUnsafe(length);
    let filled = first.copy(out);
    while (filled < length) {
      const piece = await this.some(length - filled);
      if (piece === undefined) throw damaged('The archive is incomplete: its tar is cut short.');
      filled += piece.copy(out, filled);
    }
    return out;
  }

  async required(length: number): Promise<Buffer> {
    const bytes = await this.exactly(length);
    if (bytes === undefined) throw damaged('The archive is incomplete: its tar is cut short.');
    return bytes;
  }
}

/** `name` is decoded only when used: in an extended header's own header, or beside a long
 * name, GNU tar cuts the field at 100 bytes, in the middle of a character if need be. */
type Header = { readonly name: () => string; readonly size: number; readonly type: string };

/** The entries of the tar in `source`, in order. The stream must be read to its end. */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const bytes = new ByteSource(source);
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  for (;;) {
    const block = await bytes.exactly(BLOCK);
    if (block === undefined) throw damaged('The archive is incomplete: its tar has no end.');
    if (isZero(block)) {
      await expectOnlyZeros(bytes);
      if (longName !== undefined || pax !== undefined) throw damaged();
      return;
    }
    const header = parseHeader(block);
    if (header.type === 'x' || header.type === 'L') {
      if (header.size > maxExtendedHeader) throw refused('an oversized extended header');
      const data = await bytes.required(header.size);
      await bytes.required(padding(header.size));
      if (header.type === 'x') pax = parsePax(data);
      else longName = utf8(data.subarray(0, nulAt(data)));
      continue;
    }
    const what = refusedTypes[header.type];
    if (what !== undefined) throw refused(what);
    if (header.type !== '0' && header.type !== '\0' && header.type !== '5') {
      throw refused('an entry of an unknown type');
    }
    const name = pax?.get('path') ?? longName ?? header.name();
    const paxSize = pax?.get('size');
    const size = paxSize === undefined ? header.size : decimalSize(paxSize);
    longName = undefined;
    pax = undefined;
    const directory = header.type === '5';
    if (directory && size !== 0) throw damaged();
    let left = size;
    const body = (async function* () {
      while (left > 0) {
        const piece = await bytes.some(left);
        if (piece === undefined) throw damaged('The archive is incomplete: its tar is cut short.');
        left -= piece.length;
        yield piece;
      }
    })();
    yield { type: directory ? 'directory' : 'file', name, size, body };
    // Whatever the consumer left unread is skipped, then the padding.
    while (left > 0) {
      const piece = await bytes.some(left);
      if (piece === undefined) throw damaged('The archive is incomplete: its tar is cut short.');
      left -= piece.length;
    }
    await bytes.required(padding(size));
  }
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function isZero(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0) return false;
  return true;
}

async function expectOnlyZeros(bytes: ByteSource): Promise<void> {
  for (
    let piece = await bytes.some(1 << 20);
    piece !== undefined;
    piece = await bytes.some(1 << 20)
  ) {
    if (!isZero(piece)) throw damaged('The archive has data after the end of its tar.');
  }
}

function parseHeader(block: Buffer): Header {
  const stored = octalField(block, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let index = 0; index < BLOCK; index++) {
    const byte = index >= 148 && index < 156 ? 0x20 : (block[index] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Some old writers summed signed bytes; both are accepted, as GNU tar does.
  if (stored !== unsigned && stored !== signed) throw damaged();
  const magic = block.toString('latin1', 257, 265);
  const posix = magic === 'ustar\u000000';
  if (!posix && magic !== 'ustar  \u0000') throw damaged('This archive does not hold a tar.');
  const name = field(block, 0, 100);
  // In GNU's format the prefix's bytes hold times instead.
  const prefix = posix ? field(block, 345, 155) : Buffer.alloc(0);
  return {
    name: () => (prefix.length === 0 ? utf8(name) : `${utf8(prefix)}/${utf8(name)}`),
    size: sizeField(block),
    type: block.toString('latin1', 156, 157),
  };
}

function field(block: Buffer, offset: number, width: number): Buffer {
  const bytes = block.subarray(offset, offset + width);
  return bytes.subarray(0, nulAt(bytes));
}

function nulAt(bytes: Buffer): number {
  const at = bytes.indexOf(0);
  return at === -1 ? bytes.length : at;
}

function octalField(block: Buffer, offset: number, width: number): number {
  const text = block
    .toString('latin1', offset, offset + width)
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]{1,12}$/.test(text)) throw damaged();
  return parseInt(text, 8);
}

function sizeField(block: Buffer): number {
  const first = block[124] ?? 0;
  if ((first & 0x80) === 0) return octalField(block, 124, 12);
  // GNU base-256, big-endian; a negative size (0xff) is damage.
  if (first !== 0x80) throw damaged();
  let value = 0;
  for (let index = 125; index < 136; index++) value = value * 256 + (block[index] ?? 0);
  if (!Number.isSafeInteger(value)) throw refused('an entry too large to read');
  return value;
}

function decimalSize(text: string): number {
  if (!/^[0-9]{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) throw damaged();
  return Number(text);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Buffer): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw refused('a name that is not valid UTF-8');
  }
}

/** pax records, "<length> <key>=<value>\n" each; any that does not add up is damage. */
function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const lengthText = space === -1 ? '' : data.toString('latin1', at, space);
    if (!/^[1-9][0-9]{0,5}$/.test(lengthText)) throw damaged();
    const end = at + Number(lengthText);
    if (end > data.length || data[end - 1] !== 0x0a) throw damaged();
    const record = utf8(data.subarray(space + 1, end - 1));
    const equals = record.indexOf('=');
    if (equals <= 0) throw damaged();
    records.set(record.slice(0, equals), record.slice(equals + 1));
    at = end;
  }
  return records;
}
