import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { type X25519Identity, decryptBuffer, encryptBuffer } from '../crypto';
import { HabeasError } from '../habeas-error';
import { writeFileAtomic } from './atomic-write';

/**
 * A lowdb adapter for a JSON document kept as an age file to the vault's key: decrypted and
 * checked against its schema on read, encrypted and written atomically on write.
 */
export class EncryptedJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly identity: X25519Identity,
    private readonly schema: z.ZodType<T>,
    /** True for a file that must exist: a missing one is damage, not a fresh start. */
    private readonly required = false,
  ) {}

  async read(): Promise<T | null> {
    let ciphertext: Buffer;
    try {
      ciphertext = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        if (this.required) throw new HabeasError('INTEGRITY_FAILED', 'A vault file is missing.');
        return null;
      }
      throw error;
    }
    const plaintext = await decryptBuffer(ciphertext, [
      { kind: 'x25519', secretKey: this.identity.secretKey },
    ]);
    let json: unknown;
    try {
      json = JSON.parse(plaintext.toString('utf8'));
    } catch {
      throw new HabeasError('INTEGRITY_FAILED', 'A vault file decrypted but is not valid data.');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success)
      throw new HabeasError('INTEGRITY_FAILED', 'A vault file decrypted but is not valid data.');
    return parsed.data;
  }

  async write(data: T): Promise<void> {
    const ciphertext = await encryptBuffer(Buffer.from(JSON.stringify(data), 'utf8'), [
      { kind: 'x25519', publicKey: this.identity.publicKey },
    ]);
    await writeFileAtomic(this.path, ciphertext);
  }
}
