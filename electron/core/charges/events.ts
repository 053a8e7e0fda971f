import { randomUUID } from 'node:crypto';
import {
  eventRecordSchema,
  type DatePrecision,
  type Dating,
  type EventRecord,
} from '../../../shared/charges';
import { changeCase } from '../cases/case-service';
import type { CaseFile } from '../cases/case-file';
import { logCustody } from '../evidence/custody-entry';
import { checkItemRefs, checkPersonRefs } from '../evidence/item-lookup';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';

export type EventFields = {
  readonly date?: string | undefined;
  readonly precision?: DatePrecision | undefined;
  readonly text?: string | undefined;
  readonly evidenceIds?: readonly string[] | undefined;
  readonly personIds?: readonly string[] | undefined;
  readonly datings?: readonly Dating[] | undefined;
};

function checked(data: CaseFile, candidate: unknown): EventRecord {
  const parsed = eventRecordSchema.safeParse(candidate);
  if (!parsed.success) throw new HabeasError('VALIDATION_FAILED', 'The event is not valid.');
  const event = parsed.data;
  checkItemRefs(data, [...event.evidenceIds, ...event.datings.map((d) => d.evidenceId)]);
  checkPersonRefs(data, event.personIds);
  return event;
}

export function addEvent(
  vault: UnlockedVault,
  caseId: string,
  fields: EventFields & { readonly date: string; readonly text: string },
  actor: string,
): Promise<EventRecord> {
  return changeCase(vault, caseId, (data, now) => {
    const event = checked(data, {
      id: randomUUID(),
      date: fields.date,
      precision: fields.precision ?? 'day',
      text: fields.text,
      evidenceIds: [...new Set(fields.evidenceIds ?? [])],
      personIds: [...new Set(fields.personIds ?? [])],
      datings: fields.datings ?? [],
      createdAt: now.toISOString(),
    });
    data.events.push(event);
    logCustody(data, {
      action: 'create',
      subject: { kind: 'event', id: event.id },
      actor,
      at: now,
    });
    return event;
  });
}

export function updateEvent(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  fields: EventFields,
  actor: string,
): Promise<EventRecord> {
  return changeCase(vault, caseId, (data, now) => {
    const before = data.events.find((e) => e.id === id);
    if (before === undefined) throw new HabeasError('NOT_FOUND', 'No such event.');
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const event = checked(data, { ...before, ...defined });
    data.events[data.events.indexOf(before)] = event;
    logCustody(data, {
      action: 'edit',
      subject: { kind: 'event', id },
      actor,
      at: now,
      details: { fields: Object.keys(defined).join(',') },
    });
    return event;
  });
}

export function deleteEvent(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  actor: string,
): Promise<void> {
  return changeCase(vault, caseId, (data, now) => {
    if (!data.events.some((e) => e.id === id)) throw new HabeasError('NOT_FOUND', 'No such event.');
    data.events = data.events.filter((e) => e.id !== id);
    logCustody(data, { action: 'delete', subject: { kind: 'event', id }, actor, at: now });
  });
}
