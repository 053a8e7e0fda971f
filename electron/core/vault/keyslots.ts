import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { base64Bytes, fromBase64, toBase64 } from './base64-bytes';
import { kdfParamsSchema, type KdfParams } from './kdf';

/**
 * A keyslot holds the vault's secret key (32 bytes: an age X25519 identity) sealed with
 * ChaCha20-Poly1305 under a key-encryption key (KEK):
 *   passphrase slot: KEK = Argon2id(passphrase, slot.kdf)
 *   recovery slot:   KEK = HKDF-SHA256(recovery key bytes, slot.salt, "habeas/v1/recovery-keyslot")
 * The associated data binds the vault's format, version and id and the slot's own parameters,
 * so a header whose KDF was weakened, or a slot copied from another vault, does not open.
 */
const secretLength = 32;
const nonceLength = 12;
const tagLength = 16;

export const passphraseSlotSchema = z
  .object({
    kind: z.literal('passphrase'),
    kdf: kdfParamsSchema,
    nonce: base64Bytes(nonceLength),
    sealed: base64Bytes(secretLength + tagLength),
  })
  .strict();

export const recoverySlotSchema = z
  .object({
    kind: z.literal('recovery'),
    salt: base64Bytes(16),
    nonce: base64Bytes(nonceLength),
    sealed: base64Bytes(secretLength + tagLength),
  })
  .strict();

export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;
export type SlotBinding = {
  readonly format: string;
  readonly version: number;
  readonly vaultId: string;
};

function associatedData(binding: SlotBinding, slotParams: Record<string, unknown>): Buffer {
  // Key order is fixed by construction, so this JSON is canonical.
  return Buffer.from(
    JSON.stringify({
      format: binding.format,
      version: binding.version,
      vaultId: binding.vaultId,
      slot: slotParams,
    }),
  );
}

function seal(kek: Uint8Array, secret: Uint8Array, aad: Buffer): { nonce: string; sealed: string } {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv('chacha20-poly1305', kek, nonce, { authTagLength: tagLength });
  cipher.setAAD(aad, { plaintextLength: secret.length });
  const sealed = Buffer.concat([cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
  return { nonce: toBase64(nonce), sealed: toBase64(sealed) };
}

/** The secret, or null when the KEK or the bound data is wrong. */
function open(kek: Uint8Array, nonce: string, sealed: string, aad: Buffer): Buffer | null {
  const bytes = fromBase64(sealed);
  const decipher = createDecipheriv('chacha20-poly1305', kek, fromBase64(nonce), {
    authTagLength: tagLength,
  });
  decipher.setAAD(aad, { plaintextLength: bytes.length - tagLength });
  decipher.setAuthTag(bytes.subarray(bytes.length - tagLength));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - tagLength)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

export function sealPassphraseSlot(
  binding: SlotBinding,
  kek: Uint8Array,
  kdf: KdfParams,
  secret: Uint8Array,
): PassphraseSlot {
  return {
    kind: 'passphrase',
    kdf,
    ...seal(kek, secret, associatedData(binding, { kind: 'passphrase', kdf })),
  };
}

export function openPassphraseSlot(
  binding: SlotBinding,
  kek: Uint8Array,
  slot: PassphraseSlot,
): Buffer | null {
  return open(
    kek,
    slot.nonce,
    slot.sealed,
    associatedData(binding, { kind: 'passphrase', kdf: slot.kdf }),
  );
}

function recoveryKek(recoveryKey: Uint8Array, salt: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', recoveryKey, fromBase64(salt), 'habeas/v1/recovery-keyslot', 32),
  );
}

export function sealRecoverySlot(
  binding: SlotBinding,
  recoveryKey: Uint8Array,
  secret: Uint8Array,
): RecoverySlot {
  const salt = toBase64(randomBytes(16));
  const kek = recoveryKek(recoveryKey, salt);
  return {
    kind: 'recovery',
    salt,
    ...seal(kek, secret, associatedData(binding, { kind: 'recovery', salt })),
  };
}

export function openRecoverySlot(
  binding: SlotBinding,
  recoveryKey: Uint8Array,
  slot: RecoverySlot,
): Buffer | null {
  const kek = recoveryKek(recoveryKey, slot.salt);
  const secret = open(
    kek,
    slot.nonce,
    slot.sealed,
    associatedData(binding, { kind: 'recovery', salt: slot.salt }),
  );
  kek.fill(0);
  return secret;
}
