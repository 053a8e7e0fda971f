import { describe, expect, it } from 'vitest';
import { parseVaultHeader } from '../../../electron/core/vault/vault-header';

const valid = {
  format: 'habeas-vault',
  version: 1,
  vaultId: '7b0c4cf5-3b1d-4a63-9a47-2f3c1ce9a6b1',
  createdAt: '2026-11-21T10:00:00.000Z',
  keyslots: {
    passphrase: {
      kind: 'passphrase',
      kdf: {
        algorithm: 'argon2id',
        memoryKiB: 65536,
        iterations: 3,
        parallelism: 1,
        salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
      },
      nonce: 'AAAAAAAAAAAAAAAA',
      sealed: Buffer.alloc(48).toString('base64'),
    },
    recovery: {
      kind: 'recovery',
      salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
      nonce: 'AAAAAAAAAAAAAAAA',
      sealed: Buffer.alloc(48).toString('base64'),
    },
  },
};

describe('habeas-vault.json', () => {
  it('parses a valid header', () => {
    expect(parseVaultHeader(JSON.stringify(valid)).vaultId).toBe(valid.vaultId);
  });

  it.each([
    ['not JSON', '{"format":'],
    ['empty', ''],
    ['an array', '[]'],
    ['null', 'null'],
    ['another format', JSON.stringify({ ...valid, format: 'keepass' })],
    [
      'a missing keyslot',
      JSON.stringify({ ...valid, keyslots: { passphrase: valid.keyslots.passphrase } }),
    ],
    ['an extra field', JSON.stringify({ ...valid, plaintextKey: 'oops' })],
    [
      'a short sealed key',
      JSON.stringify({
        ...valid,
        keyslots: { ...valid.keyslots, recovery: { ...valid.keyslots.recovery, sealed: 'AAAA' } },
      }),
    ],
    [
      'a KDF below the floor',
      JSON.stringify({
        ...valid,
        keyslots: {
          ...valid.keyslots,
          passphrase: {
            ...valid.keyslots.passphrase,
            kdf: { ...valid.keyslots.passphrase.kdf, memoryKiB: 1 },
          },
        },
      }),
    ],
    ['a version that is not a number', JSON.stringify({ ...valid, version: '1' })],
  ])('refuses %s with INTEGRITY_FAILED', (_label, text) => {
    expect(() => parseVaultHeader(text)).toThrow(
      expect.objectContaining({ code: 'INTEGRITY_FAILED' }),
    );
  });

  it('refuses a future version with VAULT_VERSION_UNSUPPORTED', () => {
    expect(() => parseVaultHeader(JSON.stringify({ ...valid, version: 2 }))).toThrow(
      expect.objectContaining({ code: 'VAULT_VERSION_UNSUPPORTED' }),
    );
  });
});
