import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ErrorCode } from '../../../shared/errors';
import { openAgeFile } from '../crypto';
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
  for (const path of files) {
    try {
      const file = await openAgeFile(path, [
        { kind: 'x25519', secretKey: vault.identity.secretKey },
      ]);
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
  return { ok: failures.length === 0, checked: files.length, failures };
}
