import { createHmac, timingSafeEqual } from 'node:crypto';
import { HabeasError } from '../habeas-error';
import {
  decodeBase64Strict,
  encodeBase64NoPad,
  hkdfSha256,
  integrityFailed,
  truncatedMessage,
} from './age-primitives';

/**
 * The age v1 header (https://age-encryption.org/v1, "Header"). Text, LF line endings:
 *
 *   age-encryption.org/v1
 *   -> TYPE ARG…        one line per stanza: "->" and arguments, each a non-empty run of
 *   BODY                printable ASCII (0x21-0x7E), separated by single spaces; then the body
 *   …                   in canonical unpadded base64 wrapped at 64 columns, always ending with a
 *                       line shorter than 64 columns (an empty one if need be)
 *   --- MAC             MAC = HMAC-SHA256(key = HKDF-SHA256(file key, salt "", info "header"),
 *                       every header byte up to and including the "---")
 *
 * The payload starts right after the MAC line's LF. Parsing is strict: whatever age itself
 * refuses is refused here, so one file has exactly one reading. Headers over 1 MiB are refused.
 */

export type Stanza = {
  readonly type: string;
  readonly args: readonly string[];
  readonly body: Buffer;
};

export type ParsedHeader = {
  readonly stanzas: readonly Stanza[];
  readonly mac: Buffer;
  /** The bytes the MAC covers: the header up to and including "---". */
  readonly macInput: Buffer;
  /** Header length in bytes, MAC line included: the payload starts here. */
  readonly size: number;
};

/** Outcome of looking for the end of a header in the bytes read so far. */
export type HeaderScan =
  | { readonly end: number }
  | {
      readonly end: undefined;
      /** where to resume once more bytes arrived */ readonly resumeAt: number;
    };

export const MAX_HEADER_SIZE = 1024 * 1024;

const versionLine = Buffer.from('age-encryption.org/v1\n', 'latin1');
const armorLine = Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----', 'latin1');
const footerStart = Buffer.from('\n---', 'latin1');
const columns = 64;
const macSize = 32;
const argument = /^[\x21-\x7e]+$/;

const malformed = 'The encrypted file is damaged: its header is malformed.';

/**
 * Finds where the header ends in `bytes`, the start of a file or stream. Throws UNSUPPORTED_FILE
 * as soon as the bytes cannot begin an age v1 file, and INTEGRITY_FAILED once the header would
 * outgrow MAX_HEADER_SIZE. `resumeAt` (from a previous scan of a shorter prefix) keeps repeated
 * scans of a growing buffer linear.
 */
export function scanForHeaderEnd(bytes: Buffer, resumeAt = 0): HeaderScan {
  checkVersionPrefix(bytes);
  // A body line never starts with "-" (base64) and a stanza line starts "-> ", so the first
  // "\n---" is the footer.
  const from = Math.max(resumeAt, versionLine.length - 1);
  const footer = bytes.indexOf(footerStart, from);
  const newline = footer === -1 ? -1 : bytes.indexOf(0x0a, footer + 1);
  if (newline !== -1 && newline < MAX_HEADER_SIZE) return { end: newline + 1 };
  if (bytes.length >= MAX_HEADER_SIZE) throw integrityFailed(malformed);
  return {
    end: undefined,
    resumeAt: footer === -1 ? Math.max(from, bytes.length - footerStart.length + 1) : footer,
  };
}

/** The error for input that ended before its header did. */
export function incompleteHeaderError(bytes: Buffer): HabeasError {
  checkVersionPrefix(bytes);
  return bytes.length < versionLine.length ? notAgeV1() : integrityFailed(truncatedMessage);
}

/** Parses exactly one header (as delimited by scanForHeaderEnd). */
export function parseHeader(bytes: Buffer): ParsedHeader {
  checkVersionPrefix(bytes);
  const lines = bytes.toString('latin1').split('\n');
  if (lines.pop() !== '') throw integrityFailed(malformed);
  const stanzas: Stanza[] = [];
  let index = 1;
  for (;;) {
    const line = lines[index++];
    if (line === undefined) throw integrityFailed(malformed);
    if (line.startsWith('---')) {
      if (index !== lines.length) throw integrityFailed(malformed);
      const mac = parseFooter(line);
      const macInput = bytes.subarray(0, bytes.length - line.length - 1 + 3);
      return { stanzas, mac, macInput, size: bytes.length };
    }
    const [marker, ...args] = line.split(' ');
    const [type, ...rest] = args;
    if (marker !== '->' || type === undefined || !args.every((arg) => argument.test(arg))) {
      throw integrityFailed(malformed);
    }
    const body: Buffer[] = [];
    for (;;) {
      const bodyLine = lines[index++];
      const decoded = bodyLine === undefined ? undefined : decodeBase64Strict(bodyLine);
      if (bodyLine === undefined || decoded === undefined || bodyLine.length > columns) {
        throw integrityFailed(malformed);
      }
      body.push(decoded);
      if (bodyLine.length < columns) break;
    }
    stanzas.push({ type, args: rest, body: Buffer.concat(body) });
  }
}

/** Serializes stanzas into a complete header, MAC line included. */
export function serializeHeader(stanzas: readonly Stanza[], fileKey: Uint8Array): Buffer {
  let text = versionLine.toString('latin1');
  for (const stanza of stanzas) {
    const args = [stanza.type, ...stanza.args];
    if (!args.every((arg) => argument.test(arg))) throw new Error('invalid age stanza argument');
    text += `-> ${args.join(' ')}\n`;
    const body = encodeBase64NoPad(stanza.body);
    // Full 64-column lines, then always one shorter line (empty when the body fills the last).
    for (let at = 0; at <= body.length; at += columns) {
      text += `${body.slice(at, at + columns)}\n`;
    }
  }
  const macInput = Buffer.from(`${text}---`, 'latin1');
  const mac = headerMac(fileKey, macInput);
  return Buffer.concat([macInput, Buffer.from(` ${encodeBase64NoPad(mac)}\n`, 'latin1')]);
}

export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  const key = hkdfSha256(fileKey, Buffer.alloc(0), 'header');
  return createHmac('sha256', key).update(macInput).digest();
}

export function verifyHeaderMac(header: ParsedHeader, fileKey: Uint8Array): void {
  if (!timingSafeEqual(headerMac(fileKey, header.macInput), header.mac)) {
    throw integrityFailed('The encrypted file is damaged: its header has been altered.');
  }
}

function parseFooter(line: string): Buffer {
  const [marker, encoded, ...extra] = line.split(' ');
  const mac = encoded === undefined ? undefined : decodeBase64Strict(encoded);
  if (marker !== '---' || extra.length > 0 || mac?.length !== macSize) {
    throw integrityFailed(malformed);
  }
  return mac;
}

function checkVersionPrefix(bytes: Buffer): void {
  const length = Math.min(bytes.length, versionLine.length);
  if (bytes.subarray(0, length).equals(versionLine.subarray(0, length))) return;
  const armored = bytes.subarray(0, armorLine.length).equals(armorLine);
  throw armored
    ? new HabeasError('UNSUPPORTED_FILE', 'ASCII-armored age files are not supported.')
    : notAgeV1();
}

function notAgeV1(): HabeasError {
  return new HabeasError('UNSUPPORTED_FILE', 'This is not an age v1 encrypted file.');
}
