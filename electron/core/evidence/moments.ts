import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Moment, Still } from '../../../shared/evidence';
import { changeCase, resolveCaseId } from '../cases/case-service';
import { caseStore } from '../cases/case-store';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import { logCustody } from './custody-entry';
import { findItem } from './item-lookup';
import { pngSize } from './png-size';

/** Moments (a time in a video or recording, with a note) and stills captured from a video. */
export async function addMoment(
  vault: UnlockedVault,
  caseId: string,
  evidenceId: string,
  input: { readonly at: number; readonly note: string },
  actor: string,
): Promise<Moment> {
  return changeCase(vault, caseId, (data, now) => {
    const item = findItem(data, evidenceId);
    const moment: Moment = { id: randomUUID(), at: input.at, note: input.note };
    const moments = [...item.moments, moment].sort((a, b) => a.at - b.at);
    data.evidence[data.evidence.indexOf(item)] = { ...item, moments, updatedAt: now.toISOString() };
    logCustody(data, {
      action: 'edit',
      subject: { kind: 'evidence', id: evidenceId },
      actor,
      at: now,
      details: { moment: moment.id, at: moment.at },
    });
    return moment;
  });
}

export async function updateMoment(
  vault: UnlockedVault,
  caseId: string,
  evidenceId: string,
  id: string,
  change: { readonly at?: number; readonly note?: string },
  actor: string,
): Promise<Moment> {
  return changeCase(vault, caseId, (data, now) => {
    const item = findItem(data, evidenceId);
    const found = item.moments.find((m) => m.id === id);
    if (found === undefined) throw new HabeasError('NOT_FOUND', 'No such moment.');
    const moment: Moment = { ...found, ...change };
    const moments = item.moments.map((m) => (m.id === id ? moment : m)).sort((a, b) => a.at - b.at);
    data.evidence[data.evidence.indexOf(item)] = { ...item, moments, updatedAt: now.toISOString() };
    logCustody(data, {
      action: 'edit',
      subject: { kind: 'evidence', id: evidenceId },
      actor,
      at: now,
      details: { moment: id, at: moment.at },
    });
    return moment;
  });
}

export async function deleteMoment(
  vault: UnlockedVault,
  caseId: string,
  evidenceId: string,
  id: string,
  actor: string,
): Promise<void> {
  await changeCase(vault, caseId, (data, now) => {
    const item = findItem(data, evidenceId);
    if (!item.moments.some((m) => m.id === id))
      throw new HabeasError('NOT_FOUND', 'No such moment.');
    const moments = item.moments.filter((m) => m.id !== id);
    data.evidence[data.evidence.indexOf(item)] = { ...item, moments, updatedAt: now.toISOString() };
    logCustody(data, {
      action: 'edit',
      subject: { kind: 'evidence', id: evidenceId },
      actor,
      at: now,
      details: { momentDeleted: id },
    });
  });
}

/**
 * A frame the lawyer captured in the viewer, stored as a derived encrypted PNG beside the
 * original. Only a well-formed PNG of sane size is accepted.
 */
export async function addStill(
  vault: UnlockedVault,
  caseId: string,
  evidenceId: string,
  input: { readonly at: number; readonly png: Buffer; readonly note?: string },
  actor: string,
): Promise<Still> {
  const size = pngSize(input.png);
  if (size === null) throw new HabeasError('UNSUPPORTED_FILE', 'A still must be a PNG image.');
  const resolved = resolveCaseId(vault, caseId);
  const blobs = caseStore(vault).blobs(resolved);
  const blob = await blobs.put(Readable.from([input.png]));
  try {
    return await changeCase(vault, resolved, (data, now) => {
      const item = findItem(data, evidenceId);
      const still: Still = {
        id: randomUUID(),
        at: input.at,
        blobId: blob.id,
        sha256: blob.sha256,
        ...size,
        ...(input.note === undefined ? {} : { note: input.note }),
      };
      const stills = [...item.stills, still].sort((a, b) => a.at - b.at);
      data.evidence[data.evidence.indexOf(item)] = {
        ...item,
        stills,
        updatedAt: now.toISOString(),
      };
      logCustody(data, {
        action: 'edit',
        subject: { kind: 'evidence', id: evidenceId },
        actor,
        at: now,
        details: { still: still.id, at: still.at, sha256: blob.sha256 },
      });
      return still;
    });
  } catch (error) {
    await blobs.delete(blob.id).catch(() => undefined);
    throw error;
  }
}
