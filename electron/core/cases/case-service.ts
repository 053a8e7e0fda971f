import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
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
import { toBase64 } from '../vault/base64-bytes';
import type { UnlockedVault } from '../vault/vault';
import { caseDir } from '../vault/vault-index';
import { caseFileVersion, type CaseFile } from './case-file';
import { caseStore } from './case-store';

/**
 * Cases in an unlocked vault. The index (vault.age) lists them with their keys; each case's
 * data lives in its own folder. A new case's file is written before the index names it; a
 * deleted case leaves the index before its files go. A crash in between leaves a folder no
 * index entry points to (removed at the next unlock), never an entry without its file.
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
    sources: [],
    charges: [],
    links: [],
    events: [],
    dossiers: [],
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
  const secret = randomBytes(32);
  const { id, title, clients, status, updatedAt } = record;
  const entry = { id, title, clients, status, updatedAt, secret: toBase64(secret) };
  secret.fill(0);
  await mkdir(join(vault.dir, caseDir(id), 'blobs'), { recursive: true });
  vault.index.data.cases.push(entry);
  try {
    await caseStore(vault).create(data);
    await vault.index.write();
  } catch (error) {
    vault.index.data.cases = vault.index.data.cases.filter((c) => c.id !== id);
    caseStore(vault).forget(id);
    throw error;
  }
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

/** Opens a case; a missing or damaged case file is INTEGRITY_FAILED (the index names it). */
export async function readCase(vault: UnlockedVault, idOrPrefix: string): Promise<CaseFile> {
  return caseStore(vault).read(resolveCaseId(vault, idOrPrefix));
}

/**
 * Changes a case through the store and moves its last-activity time in the index. Every change
 * to a case (evidence, persons, its own fields) goes through here, so the case list's "last
 * activity" is always the last change.
 */
export async function changeCase<T>(
  vault: UnlockedVault,
  idOrPrefix: string,
  change: (data: CaseFile, now: Date) => T | Promise<T>,
): Promise<T> {
  const id = resolveCaseId(vault, idOrPrefix);
  const now = new Date();
  const result = await caseStore(vault).mutate(id, async (data) => {
    const value = await change(data, now);
    data.case = { ...data.case, updatedAt: now.toISOString() };
    return value;
  });
  const entry = vault.index.data.cases.find((c) => c.id === id);
  if (entry !== undefined) {
    const { title, clients, status, updatedAt } = (await caseStore(vault).read(id)).case;
    Object.assign(entry, { title, clients, status, updatedAt });
    await vault.index.write();
  }
  return result;
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
  let fields: CaseInput | undefined;
  if (change.fields !== undefined) {
    const parsed = caseInputSchema.safeParse(change.fields);
    if (!parsed.success)
      throw new HabeasError('VALIDATION_FAILED', 'The case is not valid: it needs a title.');
    fields = parsed.data;
  }
  const before = (await readCase(vault, idOrPrefix)).case;
  const next: CaseRecord = {
    ...(fields === undefined
      ? before
      : { ...caseInputSchema.parse(fields), id: before.id, createdAt: before.createdAt }),
    id: before.id,
    status: change.status ?? before.status,
    createdAt: before.createdAt,
    updatedAt: before.updatedAt,
  };
  const changed = editableFields.filter(
    (key) => canonicalJson(before[key] ?? null) !== canonicalJson(next[key] ?? null),
  );
  const statusChanged = next.status !== before.status;
  if (changed.length === 0 && !statusChanged) return before;
  await changeCase(vault, before.id, (data, now) => {
    data.case = next;
    data.custody.push(
      nextEntry(data.custody, {
        action: 'edit',
        subject: { kind: 'case', id: before.id },
        actor,
        at: now,
        details: {
          ...(changed.length > 0 ? { fields: changed.join(',') } : {}),
          ...(statusChanged ? { status: next.status } : {}),
        },
      }),
    );
  });
  return (await readCase(vault, before.id)).case;
}

/**
 * Deletes a case for good, confirmed by its exact title. The key leaves the index first (the
 * crypto-erase); the files go after. Nothing of the case can be read once this returns.
 */
export async function deleteCase(
  vault: UnlockedVault,
  idOrPrefix: string,
  confirmTitle: string,
  actor: string,
): Promise<void> {
  const id = resolveCaseId(vault, idOrPrefix);
  const entry = vault.index.data.cases.find((c) => c.id === id);
  if (entry === undefined) throw new HabeasError('NOT_FOUND', 'No such case.');
  if (confirmTitle.trim() !== entry.title.trim())
    throw new HabeasError('VALIDATION_FAILED', 'Type the case title exactly to delete it.');
  const before = vault.index.data;
  vault.index.data = {
    ...before,
    cases: before.cases.filter((c) => c.id !== id),
    // The vault remembers that a case was deleted, when and by whom; never its title.
    deletedCases: [...before.deletedCases, { id, at: new Date().toISOString(), actor }],
  };
  try {
    await vault.index.write();
  } catch (error) {
    vault.index.data = before;
    throw error;
  }
  caseStore(vault).forget(id);
  await rm(join(vault.dir, caseDir(id)), { recursive: true, force: true });
}

/**
 * Registers a case whose folder (`cases/<id>/`, its blobs encrypted to `secret`'s identity) is
 * already in place, as an archive import leaves it: the case file is written, then the index
 * names the case, last. A failure removes the folder and leaves the index as it was.
 */
export async function registerImportedCase(
  vault: UnlockedVault,
  data: CaseFile,
  secret: Uint8Array,
): Promise<void> {
  const { id, title, clients, status, updatedAt } = data.case;
  if (vault.index.data.cases.some((c) => c.id === id))
    throw new HabeasError('INTERNAL', 'A case with this id is in the vault already.');
  vault.index.data.cases.push({ id, title, clients, status, updatedAt, secret: toBase64(secret) });
  try {
    await caseStore(vault).create(data);
    await vault.index.write();
  } catch (error) {
    vault.index.data.cases = vault.index.data.cases.filter((c) => c.id !== id);
    caseStore(vault).forget(id);
    await rm(join(vault.dir, caseDir(id)), { recursive: true, force: true });
    throw error;
  }
}
