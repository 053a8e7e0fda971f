import {
  chargeTemplateSchema,
  type ChargeRecord,
  type ChargeTemplate,
  type DatePrecision,
  type Dating,
  type ElementStatus,
  type EventRecord,
  type LinkRecord,
  type Stance,
} from '../../shared/charges';
import type { ChannelName } from '../../shared/channels';
import type { EvidenceFakes } from './fake-evidence';
import { failure, ok, uuid, type Input } from './evidence/fake-evidence-records';
import type { FakeVault } from './fake-vault';

/**
 * In-memory charges, links and chronology for the renderer's tests: the charge:*, link:*,
 * event:* and analysis:show channels, with the board, corroboration and date conflicts
 * computed the way core computes them. With the evidence fakes it reads items and sources
 * (credibility, reliability, derived-from) and keeps their "linked" flag up to date.
 */

export const art332Template: ChargeTemplate = {
  id: 'ru-uk-332-2',
  statute: {
    en: 'Criminal Code of the Russian Federation',
    ru: 'Уголовный кодекс Российской Федерации',
  },
  article: '332',
  part: '2',
  title: { en: 'Failure to obey an order', ru: 'Неисполнение приказа' },
  elements: [
    { id: 'order', text: { en: 'A lawful order was given', ru: 'Был отдан законный приказ' } },
    { id: 'refusal', text: { en: 'The defendant refused to obey', ru: 'Подсудимый отказался' } },
  ],
  source: 'consultant.ru',
  asOf: '2026-01-01',
};

type Counts = Record<Stance, number>;

function elementStatus(counts: Counts): ElementStatus {
  const against = counts.defence + counts.contradicts;
  if (counts.prosecution === 0 && against === 0) return 'unaddressed';
  if (against === 0) return 'supported';
  return counts.prosecution === 0 ? 'refuted' : 'contested';
}

/** [start, end) in ms of a date at a precision; "approx" widens it by a week either side. */
function dateSpan(date: string, precision: DatePrecision): [number, number] {
  const [y = 0, m = 1, d = 1] = date.slice(0, 10).split('-').map(Number);
  const week = 7 * 86_400_000;
  const widen = (s: [number, number]): [number, number] =>
    precision === 'approx' ? [s[0] - week, s[1] + week] : s;
  if (precision === 'exact' && date.length > 10) {
    const t = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(date) ? date : `${date}Z`);
    return [t - 60_000, t + 60_000];
  }
  if (date.length === 4) return widen([Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)]);
  if (date.length === 7 || precision === 'month')
    return widen([Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)]);
  const day = Date.UTC(y, m - 1, d);
  return widen([day, day + 86_400_000]);
}

type CaseAnalysis = { charges: ChargeRecord[]; links: LinkRecord[]; events: EventRecord[] };

export class ChargeFakes {
  readonly cases = new Map<string, CaseAnalysis>();
  /** The shipped templates, and those imported (one with a shipped id replaces it). */
  readonly templates: ChargeTemplate[] = [art332Template];
  readonly imported: ChargeTemplate[] = [];
  private counter = 0;

  constructor(
    private readonly vault: FakeVault,
    private readonly evidence?: EvidenceFakes,
  ) {}

  of(caseId: string): CaseAnalysis {
    let found = this.cases.get(caseId);
    if (found === undefined)
      this.cases.set(caseId, (found = { charges: [], links: [], events: [] }));
    return found;
  }

  private id(prefix: string): string {
    this.counter += 1;
    return uuid(prefix, this.counter);
  }

  private now(): string {
    return new Date(Date.UTC(2026, 10, 22, 9, this.counter)).toISOString();
  }

  private refreshLinked(caseId: string): void {
    if (this.evidence === undefined) return;
    const linked = new Set(this.of(caseId).links.map((l) => l.evidenceId));
    for (const item of this.evidence.itemsOf(caseId))
      if (linked.has(item.id)) this.evidence.linked.add(item.id);
      else this.evidence.linked.delete(item.id);
  }

  addCharge(input: Input): unknown {
    const caseId = String(input.caseId);
    if (!this.vault.cases.some((c) => c.id === caseId)) return failure('NOT_FOUND');
    const language = input.language === 'ru' ? 'ru' : 'en';
    const pick = (t: { en: string; ru: string }) => (language === 'ru' ? t.ru : t.en) || t.en;
    const template = this.offered().find((t) => t.id === input.templateId);
    if (input.templateId !== undefined && template === undefined) return failure('NOT_FOUND');
    const texts =
      (input.elements as string[] | undefined) ?? template?.elements.map((e) => pick(e.text)) ?? [];
    const statute = (input.statute as string | undefined) ?? (template && pick(template.statute));
    const article = (input.article as string | undefined) ?? template?.article;
    const title = (input.title as string | undefined) ?? (template && pick(template.title));
    if (!statute || !article || !title || texts.length === 0) return failure('VALIDATION_FAILED');
    const part = (input.part as string | undefined) ?? template?.part;
    const charge: ChargeRecord = {
      id: this.id('c0000000'),
      ...(template === undefined ? {} : { templateId: template.id }),
      statute,
      article,
      ...(part === undefined ? {} : { part }),
      title,
      ...(typeof input.dateCharged === 'string' ? { dateCharged: input.dateCharged } : {}),
      status: (input.status as ChargeRecord['status'] | undefined) ?? 'charged',
      elements: texts.map((text) => ({ id: this.id('e1000000'), text })),
      createdAt: this.now(),
    };
    this.of(caseId).charges.push(charge);
    return ok(charge);
  }

  updateCharge(input: Input): unknown {
    const data = this.of(String(input.caseId));
    const index = data.charges.findIndex((c) => c.id === input.id);
    const charge = data.charges[index];
    if (charge === undefined) return failure('NOT_FOUND');
    const next: ChargeRecord = { ...charge };
    if (typeof input.status === 'string') next.status = input.status as ChargeRecord['status'];
    // Trimmed and bounded as the contract's zod schema does before core applies them.
    const text = (value: unknown, max: number): string | undefined =>
      typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= max
        ? value.trim()
        : undefined;
    for (const [key, max] of [
      ['statute', 300],
      ['title', 1000],
    ] as const) {
      if (input[key] === undefined) continue;
      const value = text(input[key], max);
      if (value === undefined) return failure('VALIDATION_FAILED');
      next[key] = value;
    }
    if (input.part === null) delete next.part;
    else if (input.part !== undefined) {
      const part = text(input.part, 20);
      if (part === undefined) return failure('VALIDATION_FAILED');
      next.part = part;
    }
    if (input.dateCharged === null) delete next.dateCharged;
    else if (typeof input.dateCharged === 'string') next.dateCharged = input.dateCharged;
    const override = input.override as
      { elementId: string; status: ElementStatus | null; reason?: string } | undefined;
    if (override !== undefined) {
      if (!charge.elements.some((e) => e.id === override.elementId)) return failure('NOT_FOUND');
      if (override.status !== null && (override.reason ?? '').trim() === '')
        return failure('VALIDATION_FAILED');
      next.elements = charge.elements.map((e) => {
        if (e.id !== override.elementId) return e;
        const rest = { id: e.id, text: e.text };
        return override.status === null
          ? rest
          : { ...rest, override: { status: override.status, reason: override.reason ?? '' } };
      });
    }
    data.charges[index] = next;
    return ok(next);
  }

  addLink(input: Input): unknown {
    const caseId = String(input.caseId);
    const data = this.of(caseId);
    const charge = data.charges.find((c) => c.elements.some((e) => e.id === input.elementId));
    if (charge === undefined) return failure('NOT_FOUND');
    if (this.evidence && !this.evidence.itemsOf(caseId).some((e) => e.id === input.evidenceId))
      return failure('NOT_FOUND');
    const link: LinkRecord = {
      id: this.id('11000000'),
      evidenceId: String(input.evidenceId),
      chargeId: charge.id,
      elementId: String(input.elementId),
      stance: input.stance as Stance,
      ...(input.pinpoint === undefined
        ? {}
        : { pinpoint: input.pinpoint as LinkRecord['pinpoint'] }),
      ...(typeof input.note === 'string' ? { note: input.note } : {}),
      createdAt: this.now(),
    };
    data.links.push(link);
    this.refreshLinked(caseId);
    return ok(link);
  }

  addEvent(input: Input): unknown {
    const event: EventRecord = {
      id: this.id('ee000000'),
      date: String(input.date),
      precision: (input.precision as DatePrecision | undefined) ?? 'day',
      text: String(input.text).trim(),
      evidenceIds: (input.evidenceIds as string[] | undefined) ?? [],
      personIds: (input.personIds as string[] | undefined) ?? [],
      datings: [],
      createdAt: this.now(),
    };
    if (event.text === '') return failure('VALIDATION_FAILED');
    this.of(String(input.caseId)).events.push(event);
    return ok(event);
  }

  updateEvent(input: Input): unknown {
    const data = this.of(String(input.caseId));
    const index = data.events.findIndex((e) => e.id === input.id);
    const event = data.events[index];
    if (event === undefined) return failure('NOT_FOUND');
    const next: EventRecord = {
      ...event,
      ...(typeof input.date === 'string' ? { date: input.date } : {}),
      ...(typeof input.precision === 'string'
        ? { precision: input.precision as DatePrecision }
        : {}),
      ...(typeof input.text === 'string' ? { text: input.text } : {}),
      ...(Array.isArray(input.evidenceIds) ? { evidenceIds: input.evidenceIds as string[] } : {}),
      ...(Array.isArray(input.personIds) ? { personIds: input.personIds as string[] } : {}),
      ...(Array.isArray(input.datings) ? { datings: input.datings as Dating[] } : {}),
    };
    data.events[index] = next;
    return ok(next);
  }

  offered(): ChargeTemplate[] {
    const replaced = new Set(this.imported.map((t) => t.id));
    return [...this.templates.filter((t) => !replaced.has(t.id)), ...this.imported];
  }

  importTemplate(json: string): unknown {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return { ok: false, error: { code: 'VALIDATION_FAILED', message: 'Not JSON.' } };
    }
    const parsed = chargeTemplateSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: { code: 'VALIDATION_FAILED', message: parsed.error.message } };
    const template = parsed.data;
    const replaced = this.offered().some((t) => t.id === template.id);
    this.remove(this.imported, template.id);
    this.imported.push(template);
    return ok({ template, replaced });
  }

  private remove<T extends { id: string }>(list: T[], id: unknown): boolean {
    const index = list.findIndex((x) => x.id === id);
    if (index < 0) return false;
    list.splice(index, 1);
    return true;
  }

  analysis(caseId: string) {
    const data = this.of(caseId);
    const board = data.charges.map((charge) => ({
      chargeId: charge.id,
      elements: charge.elements.map((element) => {
        const counts: Counts = { defence: 0, prosecution: 0, contradicts: 0, context: 0 };
        for (const link of data.links) if (link.elementId === element.id) counts[link.stance] += 1;
        const computed = elementStatus(counts);
        return {
          elementId: element.id,
          computed,
          status: element.override?.status ?? computed,
          counts,
          gap: counts.defence + counts.contradicts === 0,
        };
      }),
    }));
    const items = this.evidence?.itemsOf(caseId) ?? [];
    const grades = new Map((this.evidence?.sourcesOf(caseId) ?? []).map((s) => [s.id, s]));
    // Items joined by derived-from (either way, transitively) share a group.
    const group = new Map<string, number>();
    const parent = new Map<string, string>(items.map((i) => [i.id, i.id]));
    const find = (id: string): string => {
      const up = parent.get(id) ?? id;
      return up === id ? id : find(up);
    };
    for (const item of items)
      for (const from of item.derivedFrom) parent.set(find(item.id), find(from));
    const roots: string[] = [];
    for (const item of items) {
      const root = find(item.id);
      if (!roots.includes(root)) roots.push(root);
      group.set(item.id, roots.indexOf(root));
    }
    const corroboration = data.events.map((event) => {
      const ids = [...new Set([...event.evidenceIds, ...event.datings.map((d) => d.evidenceId)])];
      const sources = ids.flatMap((evidenceId) => {
        const item = items.find((i) => i.id === evidenceId);
        if (item === undefined) return [];
        const reliability =
          item.sourceId === undefined ? undefined : grades.get(item.sourceId)?.reliability;
        return [
          {
            evidenceId,
            ...(reliability === undefined ? {} : { reliability }),
            credibility: item.credibility,
            group: group.get(evidenceId) ?? 0,
          },
        ];
      });
      return { eventId: event.id, sources, independent: new Set(sources.map((s) => s.group)).size };
    });
    const conflicts = data.events.flatMap((event) => {
      const own = dateSpan(event.date, event.precision);
      const differing = event.datings.filter((d) => {
        const span = dateSpan(d.date, d.precision);
        return span[1] <= own[0] || span[0] >= own[1];
      });
      if (differing.length === 0) return [];
      return [
        {
          eventId: event.id,
          dates: [
            { date: event.date },
            ...differing.map((d) => ({ date: d.date, evidenceId: d.evidenceId })),
          ],
        },
      ];
    });
    const events = [...data.events].sort(
      (a, b) => dateSpan(a.date, a.precision)[0] - dateSpan(b.date, b.precision)[0],
    );
    return { charges: data.charges, links: data.links, events, board, corroboration, conflicts };
  }

  handlers(): [ChannelName, (input: Input) => unknown][] {
    return [
      ['charge:templates', () => ok(this.offered())],
      ['charge:custom-templates', () => ok(this.imported.map((t) => t.id))],
      ['charge:template-import', ({ json }) => this.importTemplate(String(json))],
      [
        'charge:template-export',
        ({ id }) => {
          const template = this.offered().find((t) => t.id === id);
          if (template === undefined) return failure('NOT_FOUND');
          return ok({ json: JSON.stringify(template, null, 2), fileName: `${template.id}.json` });
        },
      ],
      [
        'charge:template-delete',
        ({ id }) => (this.remove(this.imported, id) ? ok({ ok: true }) : failure('NOT_FOUND')),
      ],
      ['charge:add', (input) => this.addCharge(input)],
      ['charge:update', (input) => this.updateCharge(input)],
      [
        'charge:delete',
        ({ caseId, id }) => {
          const data = this.of(String(caseId));
          if (!this.remove(data.charges, id)) return failure('NOT_FOUND');
          data.links = data.links.filter((l) => l.chargeId !== id);
          this.refreshLinked(String(caseId));
          return ok({ ok: true });
        },
      ],
      ['link:add', (input) => this.addLink(input)],
      [
        'link:delete',
        ({ caseId, id }) => {
          if (!this.remove(this.of(String(caseId)).links, id)) return failure('NOT_FOUND');
          this.refreshLinked(String(caseId));
          return ok({ ok: true });
        },
      ],
      ['event:add', (input) => this.addEvent(input)],
      ['event:update', (input) => this.updateEvent(input)],
      [
        'event:delete',
        ({ caseId, id }) =>
          this.remove(this.of(String(caseId)).events, id) ? ok({ ok: true }) : failure('NOT_FOUND'),
      ],
      ['analysis:show', ({ caseId }) => ok(this.analysis(String(caseId)))],
    ];
  }
}

/** Installs the analysis channels on a FakeVault; returns the store, to seed and inspect. */
export function installChargeFakes(fake: FakeVault, evidenceFakes?: EvidenceFakes): ChargeFakes {
  const store = new ChargeFakes(fake, evidenceFakes);
  for (const [channel, handler] of store.handlers()) fake.handlers.set(channel, handler);
  return store;
}
