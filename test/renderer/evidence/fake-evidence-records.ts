import type { CustodyAction, CustodyEntry } from '../../../shared/custody';
import type { ErrorCode } from '../../../shared/errors';
import type {
  EvidenceKind,
  EvidenceRecord,
  EvidenceSummary,
  IntakeFields,
  PersonRecord,
  Reliability,
  SourceRecord,
} from '../../../shared/evidence';

/**
 * The records behind the evidence fakes (test/renderer/fake-evidence.ts): items, sources,
 * persons and the custody log of each case, as core keeps them, and helpers to seed a case.
 */

export type Input = Record<string, unknown>;

export const ok = (value: unknown) => ({ ok: true, value });
export const failure = (code: ErrorCode) => ({ ok: false, error: { code, message: code } });
export const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function uuid(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function hex(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export async function sha256(chunks: readonly Uint8Array[]): Promise<string> {
  const whole = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', whole));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function summarise(item: EvidenceRecord, linked = false): EvidenceSummary {
  const { file } = item;
  const optional = {
    sourceId: item.sourceId,
    eventDate: item.eventDate,
    published: item.published,
  };
  const more = { obtained: item.obtained, language: item.language };
  return {
    ...Object.fromEntries(
      Object.entries({ ...optional, ...more }).filter(([, value]) => value !== undefined),
    ),
    id: item.id,
    kind: item.kind,
    title: item.title,
    credibility: item.credibility,
    tags: item.tags,
    personIds: item.personIds,
    derivedFrom: item.derivedFrom,
    addedAt: item.addedAt,
    updatedAt: item.updatedAt,
    ...(file === undefined
      ? {}
      : { fileName: file.name, mimeType: file.mimeType, size: file.size, sha256: file.sha256 }),
    linked,
    hasIntakeNotes: item.intakeNotes.length > 0,
  };
}

export class EvidenceRecords {
  readonly items = new Map<string, EvidenceRecord[]>();
  readonly sources = new Map<string, SourceRecord[]>();
  readonly persons = new Map<string, PersonRecord[]>();
  readonly custody = new Map<string, CustodyEntry[]>();
  /** A case whose custody log does not verify, and at which entry. */
  readonly brokenCustody = new Map<string, number>();
  protected counter = 0;
  private clock = Date.UTC(2026, 10, 21, 9, 0);

  protected next(): number {
    this.counter += 1;
    return this.counter;
  }

  protected now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  itemsOf(caseId: string): EvidenceRecord[] {
    let list = this.items.get(caseId);
    if (list === undefined) this.items.set(caseId, (list = []));
    return list;
  }

  sourcesOf(caseId: string): SourceRecord[] {
    let list = this.sources.get(caseId);
    if (list === undefined) this.sources.set(caseId, (list = []));
    return list;
  }

  personsOf(caseId: string): PersonRecord[] {
    let list = this.persons.get(caseId);
    if (list === undefined) this.persons.set(caseId, (list = []));
    return list;
  }

  custodyOf(caseId: string): CustodyEntry[] {
    let list = this.custody.get(caseId);
    if (list === undefined) this.custody.set(caseId, (list = []));
    return list;
  }

  log(
    caseId: string,
    action: CustodyAction,
    subject: { kind: string; id: string },
    details?: CustodyEntry['details'],
  ): void {
    const log = this.custodyOf(caseId);
    const seq = log.length;
    log.push({
      seq,
      at: this.now(),
      action,
      subject,
      actor: 'app',
      ...(details === undefined ? {} : { details }),
      prev: seq === 0 ? hex(0) : hex(seq),
      hash: hex(seq + 1),
    });
  }

  addSource(caseId: string, name: string, reliability: Reliability = 'F'): SourceRecord {
    const source: SourceRecord = {
      id: uuid('50000000', this.next()),
      name,
      reliability,
      createdAt: this.now(),
    };
    this.sourcesOf(caseId).push(source);
    return source;
  }

  addPerson(caseId: string, displayName: string): PersonRecord {
    const at = this.now();
    const person: PersonRecord = {
      id: uuid('90000000', this.next()),
      displayName,
      variants: [{ text: displayName, origin: 'original', script: 'cyrillic' }],
      role: 'other',
      protected: false,
      createdAt: at,
      updatedAt: at,
    };
    this.personsOf(caseId).push(person);
    return person;
  }

  /** An item as core would hold it; a file unless `file: undefined` is given. */
  addItem(
    caseId: string,
    overrides: Partial<EvidenceRecord> & { title: string; kind?: EvidenceKind },
  ): EvidenceRecord {
    const n = this.next();
    const at = this.now();
    const item: EvidenceRecord = {
      id: uuid('e0000000', n),
      kind: 'document',
      file: {
        blobId: Array.from({ length: 26 }, (_, i) => base32[(n * 7 + i) % 32]).join(''),
        name: `${overrides.title}.pdf`,
        mimeType: 'application/pdf',
        size: 1000 * n,
        sha256: hex(0xe000 + n),
      },
      credibility: 6,
      tags: [],
      personIds: [],
      derivedFrom: [],
      metadata: {},
      intakeNotes: [],
      moments: [],
      stills: [],
      addedAt: at,
      updatedAt: at,
      ...overrides,
    };
    this.itemsOf(caseId).push(item);
    this.log(caseId, 'intake', { kind: 'evidence', id: item.id });
    return item;
  }

  protected find(input: Input): EvidenceRecord | undefined {
    return this.itemsOf(String(input.caseId)).find((e) => e.id === input.id);
  }

  private sourceFor(caseId: string, fields: Partial<IntakeFields>): string | undefined {
    if (fields.sourceId !== undefined) return fields.sourceId;
    if (fields.sourceName === undefined) return undefined;
    const known = this.sourcesOf(caseId).find((s) => s.name === fields.sourceName);
    return (known ?? this.addSource(caseId, fields.sourceName)).id;
  }

  protected record(
    caseId: string,
    fields: IntakeFields,
    title: string,
    file: EvidenceRecord['file'],
    text?: string,
  ): EvidenceRecord {
    const sourceId = this.sourceFor(caseId, fields);
    const optional = <K extends string, V>(key: K, value: V | undefined) =>
      value === undefined ? {} : ({ [key]: value } as Record<K, V>);
    return this.addItem(caseId, {
      kind: fields.kind,
      title,
      file,
      ...optional('sourceId', sourceId),
      ...optional('url', fields.url),
      ...optional('published', fields.published),
      ...optional('obtained', fields.obtained),
      ...optional('obtainedBy', fields.obtainedBy),
      ...optional('language', fields.language),
      ...(fields.kind === 'statement'
        ? {
            statement: {
              text: text ?? '',
              ...optional('witness', fields.witness),
              ...optional('takenAt', fields.taken),
              ...optional('place', fields.place),
              ...optional('takenBy', fields.takenBy),
            },
          }
        : {}),
    });
  }

  protected addMoment(input: Input): unknown {
    const item = this.find({ ...input, id: input.evidenceId });
    if (item === undefined) return failure('NOT_FOUND');
    const moment = {
      id: uuid('30000000', this.next()),
      at: Number(input.at),
      note: String(input.note),
    };
    item.moments.push(moment);
    return ok(moment);
  }

  protected update(input: Input): unknown {
    const item = this.find(input);
    if (item === undefined) return failure('NOT_FOUND');
    const fields = (input.fields ?? {}) as Record<string, unknown>;
    if (typeof fields.title === 'string' && fields.title.trim() === '')
      return failure('VALIDATION_FAILED');
    const next: Record<string, unknown> = { ...item };
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) delete next[key];
      else if (key === 'statement' || key === 'article')
        next[key] = { ...item[key], ...(value as object) };
      else next[key] = value;
    }
    next.updatedAt = this.now();
    const updated = next as EvidenceRecord;
    const list = this.itemsOf(String(input.caseId));
    list[list.indexOf(item)] = updated;
    this.log(
      String(input.caseId),
      'edit',
      { kind: 'evidence', id: item.id },
      {
        fields: Object.keys(fields).join(','),
      },
    );
    return ok(updated);
  }
}
