import type { ElementStatus, Pinpoint, Stance } from '../../../shared/charges';
import type { DossierRequest } from '../../../shared/dossier';
import type { EvidenceRecord } from '../../../shared/evidence';
import type { CaseFile } from '../cases/case-file';
import { board, conflicts, sortedEvents } from '../charges/analysis';
import { headOf, verifyCustodyLog } from '../custody/custody-log';
import { HabeasError } from '../habeas-error';
import { pseudonymiser } from './disclosure';
import { labelsFor, type Labels } from './labels';

/**
 * What a dossier says, worked out from the case before a single page is drawn: the exhibits
 * and their numbers, the charge sections, the chronology, and, in a disclosure build, every
 * text already passed through the pseudonymiser. Pure: the same case and request give the
 * same content.
 */
export type Exhibit = {
  readonly number: number;
  readonly item: EvidenceRecord;
  readonly title: string;
  readonly date: string | undefined;
  readonly source: string | undefined;
};

export type LinkLine = {
  readonly stance: Stance;
  readonly exhibit: number | undefined;
  readonly title: string;
  readonly pinpoint: string | undefined;
  readonly note: string | undefined;
};

export type ChargeSection = {
  readonly heading: string;
  readonly statute: string;
  readonly dateCharged: string | undefined;
  readonly status: string;
  readonly elements: readonly {
    readonly text: string;
    readonly status: ElementStatus;
    readonly override: string | undefined;
    readonly gap: boolean;
    readonly links: readonly LinkLine[];
  }[];
};

export type EventLine = {
  readonly date: string;
  readonly precision: string;
  readonly text: string;
  readonly exhibits: readonly number[];
  readonly persons: readonly string[];
  readonly conflict: string | undefined;
};

export type DossierContent = {
  readonly request: DossierRequest;
  readonly labels: Labels;
  readonly caseTitle: string;
  readonly caption: readonly (readonly [string, string | undefined])[];
  readonly date: string;
  readonly charges: readonly ChargeSection[];
  readonly events: readonly EventLine[];
  readonly exhibits: readonly Exhibit[];
  /** Disclosure builds: the items left out, by kind and date only. */
  readonly withheld: readonly { readonly kind: string; readonly date: string | undefined }[];
  readonly custody: { readonly head: string; readonly entries: number; readonly ok: boolean };
  /** Passes text through the pseudonymiser in a disclosure build; identity otherwise. */
  readonly disclose: (text: string) => string;
  readonly protectedPersonIds: ReadonlySet<string>;
};

export function itemDate(item: EvidenceRecord): string | undefined {
  return (item.eventDate ?? item.published ?? item.obtained)?.slice(0, 10);
}

export function formatSeconds(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${s}` : `${String(m)}:${s}`;
}

export function pinpointText(pinpoint: Pinpoint | undefined, labels: Labels): string | undefined {
  if (pinpoint === undefined) return undefined;
  const parts: string[] = [];
  if (pinpoint.page !== undefined) parts.push(`${labels.pageShort} ${String(pinpoint.page)}`);
  if (pinpoint.start !== undefined)
    parts.push(
      pinpoint.end === undefined
        ? formatSeconds(pinpoint.start)
        : `${formatSeconds(pinpoint.start)}–${formatSeconds(pinpoint.end)}`,
    );
  if (pinpoint.quote !== undefined) parts.push(`«${pinpoint.quote}»`);
  return parts.join(', ');
}

function pick<T extends { id: string }>(all: readonly T[], ids: readonly string[] | undefined) {
  if (ids === undefined) return [...all];
  const byId = new Map(all.map((x) => [x.id, x]));
  return ids.map((id) => {
    const found = byId.get(id);
    if (found === undefined) throw new HabeasError('NOT_FOUND', 'No such item in this case.');
    return found;
  });
}

export function dossierContent(data: CaseFile, request: DossierRequest, today: string) {
  const labels = labelsFor(request.language);
  const disclose = request.disclosure ? pseudonymiser(data.persons) : (text: string) => text;
  const protectedPersonIds = new Set(
    request.disclosure ? data.persons.filter((p) => p.protected).map((p) => p.id) : [],
  );
  const personName = new Map(
    data.persons.map((p) => [
      p.id,
      protectedPersonIds.has(p.id) ? (p.pseudonym ?? '—') : p.displayName,
    ]),
  );
  const sources = new Map(data.sources.map((s) => [s.id, s]));

  const chosen =
    request.exhibitIds === undefined
      ? [...data.evidence].sort((a, b) =>
          (itemDate(a) ?? a.addedAt).localeCompare(itemDate(b) ?? b.addedAt),
        )
      : pick(data.evidence, request.exhibitIds);
  if (new Set(chosen.map((item) => item.id)).size !== chosen.length)
    throw new HabeasError('VALIDATION_FAILED', 'An exhibit is listed twice.');
  const exhibits: Exhibit[] = chosen.map((item, index) => {
    const source = item.sourceId === undefined ? undefined : sources.get(item.sourceId);
    return {
      number: index + 1,
      item,
      title: disclose(item.title),
      date: itemDate(item),
      source: source === undefined ? undefined : `${source.name} (${source.reliability})`,
    };
  });
  const numberOf = new Map(exhibits.map((e) => [e.item.id, e.number]));
  const titleOf = new Map(data.evidence.map((e) => [e.id, disclose(e.title)]));

  const statuses = new Map(board(data).flatMap((b) => b.elements.map((e) => [e.elementId, e])));
  const charges: ChargeSection[] = pick(data.charges, request.chargeIds).map((charge) => ({
    heading: `${labels.articleAbbr} ${charge.article}${
      charge.part === undefined ? '' : ` ${labels.partAbbr} ${charge.part}`
    }: ${disclose(charge.title)}`,
    statute: charge.statute,
    dateCharged: charge.dateCharged,
    status: labels.chargeStatuses[charge.status] ?? charge.status,
    elements: charge.elements.map((element) => {
      const state = statuses.get(element.id);
      const links = data.links
        .filter((link) => link.elementId === element.id)
        // A link to an item left out of the dossier would point at nothing the court has.
        .filter((link) => !request.disclosure || numberOf.has(link.evidenceId))
        .map((link) => ({
          stance: link.stance,
          exhibit: numberOf.get(link.evidenceId),
          title: titleOf.get(link.evidenceId) ?? '',
          pinpoint: pinpointText(link.pinpoint, labels),
          note: link.note === undefined ? undefined : disclose(link.note),
        }));
      return {
        text: disclose(element.text),
        status: state?.status ?? 'unaddressed',
        override: element.override === undefined ? undefined : disclose(element.override.reason),
        gap: state?.gap ?? true,
        links,
      };
    }),
  }));

  const conflicting = new Map(conflicts(data.events).map((c) => [c.eventId, c.dates]));
  const events: EventLine[] = sortedEvents(data.events).map((event) => ({
    date: event.date.replace('T', ' '),
    precision: labels.precisions[event.precision],
    text: disclose(event.text),
    exhibits: event.evidenceIds.flatMap((id) => numberOf.get(id) ?? []),
    persons: event.personIds.flatMap((id) => personName.get(id) ?? []),
    conflict: conflicting.has(event.id)
      ? (conflicting.get(event.id) ?? []).map((d) => d.date.replace('T', ' ')).join(' / ')
      : undefined,
  }));

  const withheld = request.disclosure
    ? data.evidence
        .filter((item) => !numberOf.has(item.id))
        .map((item) => ({ kind: labels.kinds[item.kind], date: itemDate(item) }))
    : [];

  const record = data.case;
  const clients = record.clients.map((c) => disclose(c));
  const verdict = verifyCustodyLog(data.custody);
  const content: DossierContent = {
    request,
    labels,
    caseTitle: disclose(record.title),
    caption: [
      [labels.court, record.court],
      [labels.caseNumber, record.caseNumber],
      [clients.length > 1 ? labels.clients : labels.client, clients.join(', ')],
      [labels.jurisdiction, record.jurisdiction],
    ],
    date: request.date ?? today,
    charges,
    events,
    exhibits,
    withheld,
    custody: { head: headOf(data.custody), entries: data.custody.length, ok: verdict.ok },
    disclose,
    protectedPersonIds,
  };
  return content;
}
