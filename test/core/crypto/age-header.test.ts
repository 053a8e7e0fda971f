import { describe, expect, it } from 'vitest';
import {
  headerMac,
  MAX_HEADER_SIZE,
  parseHeader,
  scanForHeaderEnd,
  serializeHeader,
  type Stanza,
} from '../../../electron/core/crypto/age-header';
import { expectThrows } from './age-test-support';

const fileKey = Buffer.from('YELLOW SUBMARINE', 'latin1');
const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** A header from its text up to "---", with a correct MAC, so only the parse rules can refuse it. */
function withMac(text: string): Buffer {
  const macInput = Buffer.from(`${text}---`, 'latin1');
  return Buffer.concat([macInput, Buffer.from(` ${b64(headerMac(fileKey, macInput))}\n`)]);
}

const x25519Stanza =
  '-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\nEmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n';
const intro = 'age-encryption.org/v1\n';

describe('age header', () => {
  it('computes the MAC of the age test vectors (C2SP CCTV age testkit)', () => {
    // testkit "scrypt_uppercase" and "stanza_missing_body": header text up to "---" and its MAC.
    const vectors = [
      [
        `${intro}-> Scrypt rF0/NwblUHHTpgQgRpe5CQ 10\ngUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n---`,
        'In/TcKP5wDKP14sufF74poPZcpaLVECmfDt0G+yMIs4',
      ],
      [`${intro}${x25519Stanza}-> empty\n---`, 'CDgFIIJ1wE4CpW6zG+LVZ6/G/RCNTH6ZUVGp2NbeIkU'],
    ] as const;
    for (const [text, mac] of vectors) {
      expect(b64(headerMac(fileKey, Buffer.from(text, 'latin1')))).toBe(mac);
    }
  });

  it('round-trips stanzas, wrapping bodies at 64 columns with a final short line', () => {
    const stanzas: Stanza[] = [
      { type: 'X25519', args: ['abc'], body: Buffer.alloc(32, 1) },
      { type: 'grease', args: ['a', '!~'], body: Buffer.alloc(48, 2) },
      { type: 'empty', args: [], body: Buffer.alloc(0) },
      { type: 'long', args: [], body: Buffer.alloc(100, 3) },
    ];
    const bytes = serializeHeader(stanzas, fileKey);
    const text = bytes.toString('latin1');
    expect(text).toContain(`-> grease a !~\n${'AgIC'.repeat(16)}\n\n-> empty\n\n-> long\n`);
    expect(text.split('\n').every((line) => line.length <= 64)).toBe(true);
    const header = parseHeader(bytes);
    expect(header.size).toBe(bytes.length);
    expect(header.stanzas).toEqual(stanzas);
    expect(header.macInput.toString('latin1').endsWith('\n---')).toBe(true);
    expect(header.mac.equals(headerMac(fileKey, header.macInput))).toBe(true);
  });

  it('finds the end of a header fed a byte at a time, and only there', () => {
    const bytes = Buffer.concat([serializeHeader([], fileKey), Buffer.from('payload\n---x\n')]);
    const end = serializeHeader([], fileKey).length;
    let resumeAt = 0;
    for (let length = 0; length <= bytes.length; length++) {
      const scan = scanForHeaderEnd(bytes.subarray(0, length), resumeAt);
      if (length < end) {
        expect(scan.end).toBeUndefined();
        if (scan.end === undefined) resumeAt = scan.resumeAt;
      } else {
        expect(scan.end).toBe(end);
        resumeAt = 0;
      }
    }
  });

  it.each([
    ['another version', 'age-encryption.org/v2\n-> X25519 abc\n\n--- x\n'],
    ['no version line', 'hello world, this is not encrypted\n'],
    ['armored', '-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n'],
    ['upper-case intro', 'AGE-ENCRYPTION.ORG/v1\n'],
    ['CRLF intro', 'age-encryption.org/v1\r\n'],
    ['binary', '\x00\x01\x02\xff'],
  ])('refuses %s as not an age v1 file', (_name, text) => {
    expectThrows(() => scanForHeaderEnd(Buffer.from(text, 'latin1')), 'UNSUPPORTED_FILE');
  });

  // Each with a correct MAC: the rules of the format alone must refuse them (testkit cases).
  it.each([
    ['a body line over 64 columns', `${intro}-> stanza\n${'A'.repeat(68)}\n\n`],
    ['a stanza without its final short line', `${intro}-> stanza\n${'A'.repeat(64)}\n`],
    ['a stanza without a body', `${intro}${x25519Stanza}-> empty\n`],
    ['two short body lines', `${intro}-> stanza\n${'A'.repeat(32)}\n${'A'.repeat(32)}\n`],
    ['padded base64', `${intro}-> stanza\nAA==\n`],
    ['non-canonical base64', `${intro}-> stanza\nAB\n`],
    ['whitespace in base64', `${intro}-> stanza\nAA AA\n`],
    ['an empty argument', `${intro}-> X25519  abc\n\n`],
    ['a trailing space', `${intro}-> X25519 \n\n`],
    ['no type', `${intro}->\n\n`],
    ['a non-ASCII argument', `${intro}-> X25519 caf\u00e9\n\n`],
    ['a control character', `${intro}-> X25519 a\tb\n\n`],
    ['a CR line ending', `${intro}-> X25519 abc\r\n\n`],
    ['a stray line', `${intro}hello\n`],
    ['a stanza marker without space', `${intro}->X25519\n\n`],
    ['a blank line before the footer', `${intro}\n`],
  ])('refuses a header with %s', (_name, text) => {
    expectThrows(() => parseHeader(withMac(text)), 'INTEGRITY_FAILED');
  });

  it.each([
    ['no MAC', `${intro}---\n`],
    ['a short MAC', `${intro}--- ${b64(Buffer.alloc(31))}\n`],
    ['a padded MAC', `${intro}--- ${Buffer.alloc(32).toString('base64')}\n`],
    ['two spaces', `${intro}---  ${b64(Buffer.alloc(32))}\n`],
    ['an extra field', `${intro}--- ${b64(Buffer.alloc(32))} x\n`],
    ['no space', `${intro}----${b64(Buffer.alloc(32))}\n`],
    ['lines after it', `${intro}--- ${b64(Buffer.alloc(32))}\n-> X25519 abc\n\n`],
  ])('refuses a footer with %s', (_name, text) => {
    expectThrows(() => parseHeader(Buffer.from(text, 'latin1')), 'INTEGRITY_FAILED');
  });

  it('refuses a header that grows past 1 MiB, before reading further', () => {
    const huge = Buffer.concat([
      Buffer.from(`${intro}-> grease\n`),
      Buffer.alloc(MAX_HEADER_SIZE, 'A'),
    ]);
    expectThrows(() => scanForHeaderEnd(huge), 'INTEGRITY_FAILED');
    const body = 'A'.repeat(64);
    const justUnder = `${intro}-> big\n${`${body}\n`.repeat(Math.floor((MAX_HEADER_SIZE - 200) / 65))}\n`;
    const header = parseHeader(withMac(justUnder));
    expect(header.size).toBeLessThanOrEqual(MAX_HEADER_SIZE);
    expect(header.stanzas[0]?.body.length).toBeGreaterThan(700 * 1024);
  });
});
