import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
} from '../../../electron/core/vault/recovery-key';

describe('the recovery key', () => {
  it('is nine groups of four, from an alphabet without I, L, O or U, and reads back', () => {
    for (let i = 0; i < 50; i += 1) {
      const { bytes, text } = generateRecoveryKey();
      expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseRecoveryKey(text)).toEqual(bytes);
    }
  });

  it('forgives case, spaces, missing dashes and the usual confusions', () => {
    const bytes = Buffer.from('00112233445566778899aabbccddeeff01234567', 'hex');
    const text = formatRecoveryKey(bytes);
    expect(parseRecoveryKey(text.toLowerCase())).toEqual(bytes);
    expect(parseRecoveryKey(text.replace(/-/g, ' '))).toEqual(bytes);
    expect(parseRecoveryKey(`  ${text.replace(/-/g, '')}  `)).toEqual(bytes);
    expect(parseRecoveryKey(text.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual(bytes);
  });

  it('refuses a mistyped key by its checksum', () => {
    const { text } = generateRecoveryKey();
    const position = 5;
    const original = text[position] ?? 'A';
    const typo =
      text.slice(0, position) + (original === 'A' ? 'B' : 'A') + text.slice(position + 1);
    expect(() => parseRecoveryKey(typo)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it.each(['', 'short', 'A'.repeat(36), '!'.repeat(44), 'ABCD-EFGH'])('refuses %j', (input) => {
    expect(() => parseRecoveryKey(input)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
