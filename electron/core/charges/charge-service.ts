import { randomUUID } from 'node:crypto';
import {
  chargeRecordSchema,
  type ChargeRecord,
  type ElementStatus,
  type LinkRecord,
  type Pinpoint,
  type Stance,
} from '../../../shared/charges';
import { changeCase } from '../cases/case-service';
import type { CaseFile } from '../cases/case-file';
import { logCustody } from '../evidence/custody-entry';
import { findItem } from '../evidence/item-lookup';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import type { ChargeTemplate } from '../../../shared/charges';
import { findVaultTemplate } from './template-store';

type Language = 'en' | 'ru';

export type NewCharge = {
  readonly templateId?: string | undefined;
  readonly language?: Language | undefined;
  readonly statute?: string | undefined;
  readonly article?: string | undefined;
  readonly part?: string | undefined;
  readonly title?: string | undefined;
  readonly elements?: readonly string[] | undefined;
  readonly dateCharged?: string | undefined;
  readonly status?: ChargeRecord['status'] | undefined;
};

/** The text in the language asked for, else the other one (a lawyer's template may have one). */
function pick(text: { en: string; ru: string }, language: Language): string {
  return (language === 'ru' ? text.ru : text.en) || text.en || text.ru;
}

/** A charge's record from a template (its elements in one language) or typed in full. */
function chargeFrom(
  input: NewCharge,
  now: Date,
  findTemplate: (id: string) => ChargeTemplate | undefined,
): ChargeRecord {
  const language = input.language ?? 'en';
  const template = input.templateId === undefined ? undefined : findTemplate(input.templateId);
  if (input.templateId !== undefined && template === undefined)
    throw new HabeasError('NOT_FOUND', 'No such charge template.');
  const elements =
    input.elements ?? template?.elements.map((element) => pick(element.text, language)) ?? [];
  const candidate = {
    id: randomUUID(),
    ...(template === undefined ? {} : { templateId: template.id }),
    statute: input.statute ?? (template === undefined ? '' : pick(template.statute, language)),
    article: input.article ?? template?.article ?? '',
    ...((input.part ?? template?.part) === undefined ? {} : { part: input.part ?? template?.part }),
    title: input.title ?? (template === undefined ? '' : pick(template.title, language)),
    ...(input.dateCharged === undefined ? {} : { dateCharged: input.dateCharged }),
    status: input.status ?? 'charged',
    elements: elements.map((text) => ({ id: randomUUID(), text })),
    createdAt: now.toISOString(),
  };
  const parsed = chargeRecordSchema.safeParse(candidate);
  if (!parsed.success)
    throw new HabeasError(
      'VALIDATION_FAILED',
      'A charge needs a statute, an article, a title and at least one element.',
    );
  return parsed.data;
}

export function addCharge(
  vault: UnlockedVault,
  caseId: string,
  input: NewCharge,
  actor: string,
): Promise<ChargeRecord> {
  return changeCase(vault, caseId, (data, now) => {
    const charge = chargeFrom(input, now, (id) => findVaultTemplate(vault, id));
    data.charges.push(charge);
    logCustody(data, {
      action: 'create',
      subject: { kind: 'charge', id: charge.id },
      actor,
      at: now,
      details: {
        article: charge.article,
        ...(charge.templateId ? { template: charge.templateId } : {}),
      },
    });
    return charge;
  });
}

function findCharge(data: CaseFile, id: string): ChargeRecord {
  const charge = data.charges.find((c) => c.id === id);
  if (charge === undefined) throw new HabeasError('NOT_FOUND', 'No such charge.');
  return charge;
}

/** The charge an element belongs to, or NOT_FOUND. */
export function chargeOfElement(data: CaseFile, elementId: string): ChargeRecord {
  const charge = data.charges.find((c) => c.elements.some((e) => e.id === elementId));
  if (charge === undefined) throw new HabeasError('NOT_FOUND', 'No such charge element.');
  return charge;
}

export function updateCharge(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  change: {
    readonly status?: ChargeRecord['status'] | undefined;
    readonly statute?: string | undefined;
    readonly title?: string | undefined;
    readonly part?: string | null | undefined;
    readonly dateCharged?: string | null | undefined;
    readonly override?:
      { elementId: string; status: ElementStatus | null; reason?: string | undefined } | undefined;
  },
  actor: string,
): Promise<ChargeRecord> {
  return changeCase(vault, caseId, (data, now) => {
    const before = findCharge(data, id);
    let elements = before.elements;
    const { override } = change;
    if (override !== undefined) {
      if (!elements.some((e) => e.id === override.elementId))
        throw new HabeasError('NOT_FOUND', 'No such charge element.');
      const reason = override.reason?.trim() ?? '';
      if (override.status !== null && reason === '')
        throw new HabeasError('VALIDATION_FAILED', 'Give the reason for setting a status by hand.');
      elements = elements.map((e) => {
        if (e.id !== override.elementId) return e;
        const rest: ChargeRecord['elements'][number] = { ...e };
        delete rest.override;
        return override.status === null
          ? rest
          : { ...rest, override: { status: override.status, reason } };
      });
    }
    const next: Record<string, unknown> = { ...before, elements };
    if (change.status !== undefined) next['status'] = change.status;
    if (change.statute !== undefined) next['statute'] = change.statute;
    if (change.title !== undefined) next['title'] = change.title;
    if (change.part === null) delete next['part'];
    else if (change.part !== undefined) next['part'] = change.part;
    if (change.dateCharged === null) delete next['dateCharged'];
    else if (change.dateCharged !== undefined) next['dateCharged'] = change.dateCharged;
    const parsed = chargeRecordSchema.safeParse(next);
    if (!parsed.success) throw new HabeasError('VALIDATION_FAILED', 'The charge is not valid.');
    data.charges[data.charges.indexOf(before)] = parsed.data;
    logCustody(data, {
      action: 'edit',
      subject: { kind: 'charge', id },
      actor,
      at: now,
      details: {
        ...(change.status === undefined ? {} : { status: change.status }),
        ...(change.statute === undefined ? {} : { statute: change.statute }),
        ...(change.title === undefined ? {} : { title: change.title }),
        ...(change.part === undefined ? {} : { part: change.part }),
        ...(override === undefined
          ? {}
          : { element: override.elementId, override: override.status ?? 'computed' }),
      },
    });
    return parsed.data;
  });
}

export function deleteCharge(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  actor: string,
): Promise<void> {
  return changeCase(vault, caseId, (data, now) => {
    const charge = findCharge(data, id);
    data.charges = data.charges.filter((c) => c.id !== id);
    data.links = data.links.filter((l) => l.chargeId !== charge.id);
    logCustody(data, { action: 'delete', subject: { kind: 'charge', id }, actor, at: now });
  });
}

export function addLink(
  vault: UnlockedVault,
  caseId: string,
  input: {
    readonly evidenceId: string;
    readonly elementId: string;
    readonly stance: Stance;
    readonly pinpoint?: Pinpoint | undefined;
    readonly note?: string | undefined;
  },
  actor: string,
): Promise<LinkRecord> {
  return changeCase(vault, caseId, (data, now) => {
    findItem(data, input.evidenceId);
    const charge = chargeOfElement(data, input.elementId);
    const link: LinkRecord = {
      id: randomUUID(),
      evidenceId: input.evidenceId,
      chargeId: charge.id,
      elementId: input.elementId,
      stance: input.stance,
      ...(input.pinpoint === undefined ? {} : { pinpoint: input.pinpoint }),
      ...(input.note === undefined || input.note === '' ? {} : { note: input.note }),
      createdAt: now.toISOString(),
    };
    data.links.push(link);
    logCustody(data, {
      action: 'create',
      subject: { kind: 'link', id: link.id },
      actor,
      at: now,
      details: { evidence: link.evidenceId, element: link.elementId, stance: link.stance },
    });
    return link;
  });
}

export function deleteLink(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  actor: string,
): Promise<void> {
  return changeCase(vault, caseId, (data, now) => {
    if (!data.links.some((l) => l.id === id)) throw new HabeasError('NOT_FOUND', 'No such link.');
    data.links = data.links.filter((l) => l.id !== id);
    logCustody(data, { action: 'delete', subject: { kind: 'link', id }, actor, at: now });
  });
}
