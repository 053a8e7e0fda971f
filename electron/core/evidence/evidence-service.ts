import { createHash } from 'node:crypto';
import { text as streamText } from 'node:stream/consumers';
import {
  evidenceFieldsSchema,
  type EvidenceFields,
  type EvidenceRecord,
  type EvidenceSummary,
  type Translation,
} from '../../../shared/evidence';
import { canonicalJson } from '../custody/canonical-json';
import { changeCase, readCase, resolveCaseId } from '../cases/case-service';
import type { CaseFile } from '../cases/case-file';
import { caseStore } from '../cases/case-store';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import { logCustody } from './custody-entry';
import { checkItemRefs, checkPersonRefs, findItem, findSource } from './item-lookup';

export function summarise(item: EvidenceRecord, linked: ReadonlySet<string>): EvidenceSummary {
  const { file } = item;
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    ...(item.sourceId === undefined ? {} : { sourceId: item.sourceId }),
    ...(item.eventDate === undefined ? {} : { eventDate: item.eventDate }),
    ...(item.published === undefined ? {} : { published: item.published }),
    ...(item.obtained === undefined ? {} : { obtained: item.obtained }),
    ...(item.language === undefined ? {} : { language: item.language }),
    credibility: item.credibility,
    tags: item.tags,
    personIds: item.personIds,
    derivedFrom: item.derivedFrom,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
    ...(file === undefined
      ? {}
      : { fileName: file.name, mimeType: file.mimeType, size: file.size, sha256: file.sha256 }),
    linked: linked.has(item.id),
    hasIntakeNotes: item.intakeNotes.length > 0,
  };
}

/** Items linked to a charge element. */
export function linkedItems(data: CaseFile): Set<string> {
  return new Set(data.links.map((link) => link.evidenceId));
}

export async function listEvidence(vault: UnlockedVault, caseId: string) {
  const data = await readCase(vault, caseId);
  const linked = linkedItems(data);
  return {
    items: data.evidence.map((item) => summarise(item, linked)),
    sources: data.sources,
    persons: data.persons,
  };
}

/** One item, for viewing: the first view after each unlock is logged in the custody log. */
export async function viewEvidence(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  actor: string,
): Promise<EvidenceRecord> {
  const resolved = resolveCaseId(vault, caseId);
  const item = findItem(await readCase(vault, resolved), id);
  if (!caseStore(vault).firstView(resolved, id)) return item;
  return changeCase(vault, resolved, (data, now) => {
    const item = findItem(data, id);
    logCustody(data, { action: 'view', subject: { kind: 'evidence', id }, actor, at: now });
    return item;
  });
}

const maxTextChars = 2_000_000;

/** The text extracted at intake, or a statement's text. */
export async function evidenceText(
  vault: UnlockedVault,
  caseId: string,
  id: string,
): Promise<{ text: string; truncated: boolean }> {
  const resolved = resolveCaseId(vault, caseId);
  const item = findItem(await readCase(vault, resolved), id);
  if (item.textBlob === undefined) {
    const text = item.statement?.text ?? '';
    return { text: text.slice(0, maxTextChars), truncated: text.length > maxTextChars };
  }
  const text = await streamText(await caseStore(vault).blobs(resolved).get(item.textBlob.blobId));
  return { text: text.slice(0, maxTextChars), truncated: text.length > maxTextChars };
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

type Change = {
  readonly fields?: EvidenceFields;
  readonly translation?: Omit<Translation, 'updatedAt'> | null;
};

/** Applies the given fields (null clears one); the custody log names each changed field. */
export async function updateEvidence(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  change: Change,
  actor: string,
): Promise<EvidenceRecord> {
  const parsed = evidenceFieldsSchema.safeParse(change.fields ?? {});
  if (!parsed.success)
    throw new HabeasError('VALIDATION_FAILED', 'The evidence details are not valid.');
  const fields = parsed.data;
  return changeCase(vault, caseId, (data, now) => {
    const item = findItem(data, id);
    if (fields.sourceId != null) findSource(data, fields.sourceId);
    if (fields.derivedFrom !== undefined) checkItemRefs(data, fields.derivedFrom, id);
    if (fields.personIds !== undefined) checkPersonRefs(data, fields.personIds);
    const next: Record<string, unknown> = { ...item };
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'statement' || key === 'article') continue;
      if (value === null) delete next[key];
      else next[key] = value;
    }
    if (fields.statement !== undefined) {
      if (item.kind !== 'statement')
        throw new HabeasError('VALIDATION_FAILED', 'Only a statement has statement fields.');
      next.statement = { text: '', ...item.statement, ...fields.statement };
    }
    if (fields.article !== undefined) next.article = { ...item.article, ...fields.article };
    if (change.translation === null) delete next.translation;
    else if (change.translation !== undefined)
      next.translation = { ...change.translation, updatedAt: now.toISOString() };
    const changed = Object.keys({ ...item, ...next }).filter(
      (key) =>
        key !== 'updatedAt' &&
        canonicalJson((item as Record<string, unknown>)[key] ?? null) !==
          canonicalJson(next[key] ?? null),
    );
    if (changed.length === 0) return item;
    const updated = { ...next, updatedAt: now.toISOString() } as EvidenceRecord;
    data.evidence[data.evidence.indexOf(item)] = updated;
    logCustody(data, {
      action: 'edit',
      subject: { kind: 'evidence', id },
      actor,
      at: now,
      details: {
        fields: changed.join(','),
        // The text itself stays out of the log; its hash proves which version was where.
        ...(changed.includes('statement')
          ? { statementSha256: sha256Of(updated.statement?.text ?? '') }
          : {}),
        ...(changed.includes('translation') && updated.translation !== undefined
          ? { translationSha256: sha256Of(updated.translation.text) }
          : {}),
      },
    });
    return updated;
  });
}

/**
 * Removes an item and its files. The custody log keeps what it was (its hash and name), and
 * references to it (derived-from) are dropped.
 */
export async function deleteEvidence(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  actor: string,
): Promise<void> {
  const resolved = resolveCaseId(vault, caseId);
  const removed = await changeCase(vault, resolved, (data, now) => {
    const item = findItem(data, id);
    data.evidence = data.evidence
      .filter((e) => e.id !== id)
      .map((e) =>
        e.derivedFrom.includes(id)
          ? { ...e, derivedFrom: e.derivedFrom.filter((d) => d !== id) }
          : e,
      );
    // Its links go with it, and the chronology forgets it as a source.
    data.links = data.links.filter((link) => link.evidenceId !== id);
    data.events = data.events.map((event) => ({
      ...event,
      evidenceIds: event.evidenceIds.filter((e) => e !== id),
      datings: event.datings.filter((d) => d.evidenceId !== id),
    }));
    logCustody(data, {
      action: 'delete',
      subject: { kind: 'evidence', id },
      actor,
      at: now,
      details: {
        title: item.title,
        ...(item.file === undefined
          ? {}
          : { fileName: item.file.name, sha256: item.file.sha256, size: item.file.size }),
      },
    });
    return item;
  });
  const blobs = caseStore(vault).blobs(resolved);
  const ids = [
    removed.file?.blobId,
    removed.textBlob?.blobId,
    ...removed.stills.map((s) => s.blobId),
  ];
  for (const blobId of ids) if (blobId !== undefined) await blobs.delete(blobId);
}
