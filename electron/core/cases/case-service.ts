import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  caseInputSchema,
  type CaseInput,
  type CaseRecord,
  type CaseSummary,
} from '../../../shared/domain';
import { nextEntry } from '../custody/custody-log';
import { HabeasError } from '../habeas-error';
import { EncryptedJsonFile } from '../vault/encrypted-json-file';
import type { UnlockedVault } from '../vault/vault';
import { caseFilePath, caseFileSchema, caseFileVersion, type CaseFile } from './case-file';

/**
 * Cases in an unlocked vault. The index (vault.age) lists them for the case list; each case's
 * data lives in its own file, written before the index names it, so a crash in between leaves
 * at worst a file no index entry points to, never an entry without its file.
 */
export async function createCase(
  vault: UnlockedVault,
  input: CaseInput,
  actor: string,
): Promise<CaseRecord> {
  const parsed = caseInputSchema.safeParse(input);
  if (!parsed.success)
    throw new HabeasError('VALIDATION_FAILED', 'The case is not valid: it needs a title.');
  const now = new Date();
  const record: CaseRecord = {
    ...parsed.data,
    id: randomUUID(),
    status: 'open',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const data: CaseFile = {
    version: caseFileVersion,
    case: record,
    evidence: [],
    persons: [],
    charges: [],
    links: [],
    events: [],
    custody: [],
  };
  data.custody.push(
    nextEntry(data.custody, {
      action: 'create',
      subject: { kind: 'case', id: record.id },
      actor,
      at: now,
    }),
  );
  await mkdir(join(vault.dir, 'cases'), { recursive: true });
  await caseFile(vault, record.id).write(data);
  const { id, title, clients, status, updatedAt } = record;
  vault.index.data.cases.push({ id, title, clients, status, updatedAt, file: caseFilePath(id) });
  await vault.index.write();
  return record;
}

export function listCases(vault: UnlockedVault): CaseSummary[] {
  return vault.index.data.cases
    .map(({ id, title, clients, status, updatedAt }) => ({ id, title, clients, status, updatedAt }))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** A case by its id, or by a prefix of it that names one case only (as typed on a command line). */
export function resolveCaseId(vault: UnlockedVault, idOrPrefix: string): string {
  const needle = idOrPrefix.trim().toLowerCase();
  const exact = vault.index.data.cases.find((c) => c.id === needle);
  if (exact !== undefined) return exact.id;
  const matches =
    needle.length >= 4 ? vault.index.data.cases.filter((c) => c.id.startsWith(needle)) : [];
  if (matches.length === 1 && matches[0] !== undefined) return matches[0].id;
  throw new HabeasError(
    matches.length > 1 ? 'VALIDATION_FAILED' : 'NOT_FOUND',
    matches.length > 1 ? 'That prefix names more than one case.' : 'No such case.',
  );
}

/** Opens a case file; a missing or damaged one is INTEGRITY_FAILED (the index names it). */
export async function readCase(vault: UnlockedVault, idOrPrefix: string): Promise<CaseFile> {
  const id = resolveCaseId(vault, idOrPrefix);
  const data = await caseFile(vault, id).read();
  if (data?.case.id !== id)
    throw new HabeasError('INTEGRITY_FAILED', 'A case file holds another case.');
  return data;
}

function caseFile(vault: UnlockedVault, id: string): EncryptedJsonFile<CaseFile> {
  return new EncryptedJsonFile(
    join(vault.dir, caseFilePath(id)),
    vault.identity,
    caseFileSchema,
    true,
  );
}
