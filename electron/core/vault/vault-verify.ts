import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ErrorCode } from '../../../shared/errors';
import { identityFromSecret, openAgeFile, wipeSecretKey } from '../crypto';
import { fromBase64 } from './base64-bytes';
import { toErrorData } from '../habeas-error';
import type { UnlockedVault } from './vault';

export type VerifyReport = {
  readonly ok: boolean;
  readonly checked: number;
  readonly failures: readonly { readonly file: string; readonly code: ErrorCode }[];
};

async function ageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.age'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Decrypts every encrypted file of the vault from first chunk to last, so that a flipped bit
 * anywhere is found. One damaged file is reported and the check goes on with the rest.
 */
export async function verifyVault(vault: UnlockedVault): Promise<VerifyReport> {
  const files = await ageFiles(vault.dir);
  const failures: { file: string; code: ErrorCode }[] = [];
  // Each file opens with its own key only: the index with the storage identity, a case's
  // files with that case's, so a file moved into another case's folder is a failure too.
  const keys = new Map(
    vault.index.data.cases.map((entry) => {
      const secret = fromBase64(entry.secret);
      const identity = identityFromSecret(secret);
      secret.fill(0);
      return [entry.id, identity.secretKey] as const;
    }),
  );
  for (const path of files) {
    const where = relative(vault.dir, path).split(sep);
    const secretKey =
      where[0] === 'cases' && where.length > 2
        ? (keys.get(where[1] ?? '') ?? Buffer.alloc(32))
        : vault.identity.secretKey;
    try {
      const file = await openAgeFile(path, [{ kind: 'x25519', secretKey }]);
      try {
        await pipeline(
          file.createReadStream(),
          new Writable({ write: (_chunk, _encoding, callback) => callback() }),
        );
      } finally {
        await file.close();
      }
    } catch (error) {
      failures.push({
        file: relative(vault.dir, path).split(sep).join('/'),
        code: toErrorData(error).code,
      });
    }
  }
  for (const key of keys.values()) wipeSecretKey(key);
  return { ok: failures.length === 0, checked: files.length, failures };
}
