import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { createCase, readCase } from '../../../electron/core/cases/case-service';
import { caseStore } from '../../../electron/core/cases/case-store';
import { addPerson } from '../../../electron/core/cases/person-service';
import { intakeFile } from '../../../electron/core/evidence/intake';
import { intakeText } from '../../../electron/core/evidence/intake-text';
import { addStill } from '../../../electron/core/evidence/moments';
import { createVault, unlockVault, type UnlockedVault } from '../../../electron/core/vault/vault';
import { fastKdf } from '../../support/test-core';

export const passphrase = 'correct horse battery staple';

/** A new vault in `dir`, unlocked with the cheap KDF the tests use. */
export async function openNewVault(dir: string): Promise<UnlockedVault> {
  await createVault(dir, passphrase, { kdfCost: fastKdf });
  return unlockVault(dir, passphrase);
}

/** A 1×1 PNG, as a captured still. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export type SeededCase = {
  readonly caseId: string;
  /** Each original's name and bytes, as taken in. */
  readonly originals: ReadonlyMap<string, Buffer>;
};

/**
 * The Art. 332 case of DESIGN.md, small: a "video" (random bytes over several age chunks) with
 * a still, the wife's statement as a Cyrillic text file, a typed statement, and a person.
 */
export async function seedCase(vault: UnlockedVault): Promise<SeededCase> {
  const record = await createCase(
    vault,
    {
      title: 'Art. 332: Degtyaryov and Kuznetsov',
      clients: ['Дегтярёв А. В.', 'Кузнецов И. С.'],
      court: 'Военный суд гарнизона',
    },
    'test',
  );
  const caseId = record.id;
  const video = randomBytes(3 * 1024 * 1024 + 4321);
  const statement = Buffer.from('Мой муж не получил ни формы, ни обучения, ни оружия.\n', 'utf8');
  const originals = new Map([
    ['arrest at the unit.mp4', video],
    ['Показания жены.txt', statement],
  ]);
  const added = await intakeFile(
    vault,
    caseId,
    {
      stream: Readable.from([video]),
      fileName: 'arrest at the unit.mp4',
      declaredMimeType: 'video/mp4',
    },
    { kind: 'video', title: 'Arrest video' },
    'test',
  );
  if (added.status !== 'added') throw new Error('video not added');
  await intakeFile(
    vault,
    caseId,
    {
      stream: Readable.from([statement]),
      fileName: 'Показания жены.txt',
      declaredMimeType: 'text/plain',
    },
    { kind: 'statement', title: 'Wife’s statement' },
    'test',
  );
  await addStill(vault, caseId, added.item.id, { at: 1.5, png: onePixelPng }, 'test');
  await intakeText(
    vault,
    caseId,
    { kind: 'statement', title: 'Notes of the visit', text: 'Both were held at the unit.' },
    'test',
  );
  await addPerson(vault, caseId, { name: 'Дегтярёв Алексей', variants: ['Degtyaryov'] }, 'test');
  return { caseId, originals };
}

/** The SHA-256 of each of `files`, by name (deep equality of megabytes is slow in expect). */
export function digests(files: ReadonlyMap<string, Buffer>): Map<string, string> {
  return new Map([...files].map(([name, bytes]) => [name, sha256(bytes)]));
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of every original of a case, by file name, as decrypted from the vault. */
export async function originalsOf(
  vault: UnlockedVault,
  caseId: string,
): Promise<Map<string, string>> {
  const data = await readCase(vault, caseId);
  const blobs = caseStore(vault).blobs(caseId);
  const out = new Map<string, string>();
  for (const item of data.evidence) {
    if (item.file === undefined) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await blobs.get(item.file.blobId)) chunks.push(chunk as Buffer);
    out.set(item.file.name, sha256(Buffer.concat(chunks)));
  }
  return out;
}

/**
 * The SHA-256 of every file under `dir`, by relative path: "the vault exactly as before". The
 * lock file is left out: it says which process holds the vault and when it took it.
 */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path);
    if (key === 'habeas.lock') continue;
    if (entry.isDirectory()) out.set(`${key}/`, 'dir');
    else
      out.set(
        key,
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      );
  }
  return out;
}
