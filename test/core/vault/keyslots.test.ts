import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  openPassphraseSlot,
  openRecoverySlot,
  sealPassphraseSlot,
  sealRecoverySlot,
} from '../../../electron/core/vault/keyslots';
import type { KdfParams } from '../../../electron/core/vault/kdf';

const binding = {
  format: 'habeas-vault',
  version: 1,
  vaultId: '7b0c4cf5-3b1d-4a63-9a47-2f3c1ce9a6b1',
};
const kdf: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
  salt: randomBytes(16).toString('base64'),
};

describe('keyslots', () => {
  const secret = randomBytes(32);
  const kek = randomBytes(32);

  it('open with the right key and binding', () => {
    const slot = sealPassphraseSlot(binding, kek, kdf, secret);
    expect(openPassphraseSlot(binding, kek, slot)).toEqual(secret);
    const recoveryKey = randomBytes(20);
    const recovery = sealRecoverySlot(binding, recoveryKey, secret);
    expect(openRecoverySlot(binding, recoveryKey, recovery)).toEqual(secret);
  });

  it('do not open with a wrong key', () => {
    const slot = sealPassphraseSlot(binding, kek, kdf, secret);
    expect(openPassphraseSlot(binding, randomBytes(32), slot)).toBeNull();
    const recovery = sealRecoverySlot(binding, randomBytes(20), secret);
    expect(openRecoverySlot(binding, randomBytes(20), recovery)).toBeNull();
  });

  it.each([
    ['fewer iterations', { iterations: 1 }],
    ['less memory', { memoryKiB: 8192 }],
    ['another salt', { salt: randomBytes(16).toString('base64') }],
  ])('refuse a header downgraded to %s, even with the right key', (_label, change) => {
    const slot = sealPassphraseSlot(binding, kek, kdf, secret);
    expect(
      openPassphraseSlot(binding, kek, { ...slot, kdf: { ...slot.kdf, ...change } }),
    ).toBeNull();
  });

  it('refuse a slot moved to another vault or format version', () => {
    const slot = sealPassphraseSlot(binding, kek, kdf, secret);
    expect(
      openPassphraseSlot(
        { ...binding, vaultId: 'c3f1a1c2-0d0e-4b52-8f5e-6a1f0f3b9d11' },
        kek,
        slot,
      ),
    ).toBeNull();
    expect(openPassphraseSlot({ ...binding, version: 2 }, kek, slot)).toBeNull();
  });
});
