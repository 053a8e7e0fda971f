import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  caseInputSchema,
  type CaseInput,
  type CaseRecord,
  type CaseStatus,
  type CaseSummary,
} from '../../../shared/domain';
import { canonicalJson } from '../custody/canonical-json';
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

const editableFields = [
  'title',
  'clients',
  'court',
  'caseNumber',
  'jurisdiction',
  'notes',
] as const;

/**
 * Replaces a case's editable fields (an edit form sends them all; a field left out is cleared)
 * and, when given, its status. The custody log records which fields changed; the index's
 * summary follows. The case file is the truth: it is written first.
 */
export async function updateCase(
  vault: UnlockedVault,
  idOrPrefix: string,
  change: { readonly fields?: CaseInput; readonly status?: CaseStatus },
  actor: string,
): Promise<CaseRecord> {
  const id = resolveCaseId(vault, idOrPrefix);
  const file = caseFile(vault, id);
  const data = await file.read();
  if (data?.case.id !== id)
    throw new HabeasError('INTEGRITY_FAILED', 'A case file holds another case.');
  let fields: Omit<CaseRecord, 'id' | 'status' | 'createdAt' | 'updatedAt'> = data.case;
  if (change.fields !== undefined) {
    const parsed = caseInputSchema.safeParse(change.fields);
    if (!parsed.success)
      throw new HabeasError('VALIDATION_FAILED', 'The case is not valid: it needs a title.');
    fields = parsed.data;
  }
  const before = data.case;
  const now = new Date();
  const record: CaseRecord = {
    ...fields,
    id,
    status: change.status ?? before.status,
    createdAt: before.createdAt,
    updatedAt: now.toISOString(),
  };
  const changed = editableFields.filter(
    (key) => canonicalJson(before[key] ?? null) !== canonicalJson(record[key] ?? null),
  );
  const statusChanged = record.status !== before.status;
  if (changed.length === 0 && !statusChanged) return before;
  data.case = record;
  data.custody.push(
    nextEntry(data.custody, {
      action: 'edit',
      subject: { kind: 'case', id },
      actor,
      at: now,
      details: {
        ...(changed.length > 0 ? { fields: changed.join(',') } : {}),
        ...(statusChanged ? { status: record.status } : {}),
      },
    }),
  );
  await file.write(data);
  const entry = vault.index.data.cases.find((c) => c.id === id);
  if (entry !== undefined) {
    Object.assign(entry, {
      title: record.title,
      clients: record.clients,
      status: record.status,
      updatedAt: record.updatedAt,
    });
    await vault.index.write();
  }
  return record;
}
