import { Transform, type TransformCallback } from 'node:stream';
import type { AgeIdentity } from '../crypto';
import {
  incompleteHeaderError,
  parseHeader,
  scanForHeaderEnd,
  type Stanza,
} from '../crypto/age-header';
import { identityFromSecret, x25519SharedSecret } from '../crypto/age-keys';
import { aeadOpen, decodeBase64Strict, hkdfSha256 } from '../crypto/age-primitives';
import { HabeasError } from '../habeas-error';

/**
 * The first look at an archive: reads its age header and says plainly who it is for before
 * decryption starts. An archive to a passphrase needs the passphrase; one to keys must have a
 * stanza that opens with this vault's key (UNAUTHORIZED otherwise, with what is needed in the
 * details), rather than the decryptor's "damaged" for a file that is merely for someone else.
 * Everything passes through unchanged; the decryptor checks the header again, MAC included.
 */
export function createRecipientGate(identities: readonly AgeIdentity[]): Transform {
  return new RecipientGate(identities);
}

const x25519Label = 'age-encryption.org/v1/X25519';

class RecipientGate extends Transform {
  readonly #identities: readonly AgeIdentity[];
  #held: Buffer[] = [];
  #heldBytes = 0;
  #resumeAt = 0;
  #open = false;

  constructor(identities: readonly AgeIdentity[]) {
    super();
    this.#identities = identities;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#open) return callback(null, chunk);
    this.#held.push(chunk);
    this.#heldBytes += chunk.length;
    try {
      const bytes = Buffer.concat(this.#held, this.#heldBytes);
      this.#held = [bytes];
      const scan = scanForHeaderEnd(bytes, this.#resumeAt);
      if (scan.end === undefined) {
        this.#resumeAt = scan.resumeAt;
        return callback();
      }
      checkStanzas(parseHeader(bytes.subarray(0, scan.end)).stanzas, this.#identities);
      this.#open = true;
      this.#held = [];
      callback(null, bytes);
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.#open) return callback();
    callback(incompleteHeaderError(Buffer.concat(this.#held, this.#heldBytes)));
  }
}

function checkStanzas(stanzas: readonly Stanza[], identities: readonly AgeIdentity[]): void {
  const passphrase = stanzas.some((stanza) => stanza.type === 'scrypt');
  const hasPassphrase = identities.some((identity) => identity.kind === 'scrypt');
  if (passphrase) {
    if (!hasPassphrase) {
      throw new HabeasError(
        'UNAUTHORIZED',
        'This archive is protected by a passphrase: give the passphrase to open it.',
        { needs: 'passphrase' },
      );
    }
    return;
  }
  const keys = identities.flatMap((identity) =>
    identity.kind === 'x25519' ? [identity.secretKey] : [],
  );
  if (!keys.some((secretKey) => stanzas.some((stanza) => opens(stanza, secretKey)))) {
    throw new HabeasError(
      'UNAUTHORIZED',
      hasPassphrase && keys.length === 0
        ? 'This archive is encrypted to keys, not to a passphrase.'
        : 'This archive was not encrypted to this key: ask the sender to export it to yours.',
      { needs: 'key' },
    );
  }
}

/** Whether an X25519 stanza unwraps with this secret key (age's own rule: try each in turn). */
function opens(stanza: Stanza, secretKey: Uint8Array): boolean {
  if (stanza.type !== 'X25519' || stanza.args.length !== 1) return false;
  const share = decodeBase64Strict(stanza.args[0] ?? '');
  if (share?.length !== 32) return false;
  const shared = x25519SharedSecret(secretKey, share);
  if (shared === undefined) return false;
  const salt = Buffer.concat([share, identityFromSecret(secretKey).publicKey]);
  const wrapKey = hkdfSha256(shared, salt, x25519Label);
  return aeadOpen(wrapKey, Buffer.alloc(12), stanza.body) !== undefined;
}
