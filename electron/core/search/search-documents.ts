import { createHash } from 'node:crypto';
import type { EvidenceRecord, PersonRecord, SourceRecord } from '../../../shared/evidence';
import type { EventRecord } from '../../../shared/charges';
import type { CaseRecord } from '../../../shared/domain';
import type { SearchField, SearchHitKind } from '../../../shared/search';
import type { CaseFile } from '../cases/case-file';
import { isGenerated } from '../cases/person-names';
import { canonicalJson } from '../custody/canonical-json';

/**
 * What the index holds of a case: one search document per evidence item, person, source,
 * event, and the case itself. A document keeps the text of each of its fields (the snippets
 * are cut from it), split into segments where a segment has a place of its own (a moment).
 *
 * Each document carries a signature of what it was made from, so that bringing the index up
 * to date re-reads only what changed: an item whose record, source and persons are as they
 * were keeps its document, and its extracted text is never decrypted again.
 */

export type Segment = { readonly text: string; readonly at?: number };

export type SearchDoc = {
  /** Unique within the case: "e:<id>", "p:<id>", "s:<id>", "v:<id>" or "c:<id>". */
  readonly id: string;
  readonly kind: SearchHitKind;
  readonly entityId: string;
  readonly title: string;
  readonly date?: string;
  readonly sourceId?: string;
  readonly personIds?: readonly string[];
  /** The text blob its text came from, so that an unchanged one is not decrypted again. */
  readonly textBlobId?: string;
  /** Pages of a PDF whose extracted text has one part per page (see pageOf). */
  readonly pages?: number;
  readonly fields: Partial<Record<SearchField, readonly Segment[]>>;
  readonly sig: string;
};

/** Bumped when documents or terms are made differently: an older index is built again. */
export const documentVersion = 1;

/** The extracted text of a PDF: pages are joined by a blank line (see pdf-metadata.ts). */
export const pageBreak = '\n\n';

/** Canonical: a case read back from disk has its keys in another order than when it was made. */
function signature(...parts: readonly unknown[]): string {
  return createHash('sha256')
    .update(canonicalJson([documentVersion, ...parts.map((p) => p ?? null)]))
    .digest('base64url')
    .slice(0, 22);
}

function segments(...texts: readonly (string | undefined)[]): Segment[] {
  return texts
    .filter((t): t is string => t !== undefined && t.trim() !== '')
    .map((text) => ({ text }));
}

function personNames(person: PersonRecord): string[] {
  // Generated spellings are what the terms fold together anyway: an item carries the
  // names people wrote, and the person's own document carries them all.
  return [
    person.displayName,
    ...(person.pseudonym === undefined ? [] : [person.pseudonym]),
    ...person.variants.filter((v) => !isGenerated(v)).map((v) => v.text),
  ];
}

function countBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf(pageBreak); at !== -1; at = text.indexOf(pageBreak, at + 2))
    count += 1;
  return count;
}

/** A document for an evidence item; `text` is its extracted text, when it has a blob of it. */
export function evidenceDoc(
  item: EvidenceRecord,
  source: SourceRecord | undefined,
  persons: readonly PersonRecord[],
  text: string | undefined,
  sig: string,
): SearchDoc {
  // A statement's text is the lawyer's to edit: it, not what was extracted at intake, counts.
  const statement = item.statement?.text;
  const body = statement !== undefined && statement.trim() !== '' ? statement : text;
  const pageCount = item.metadata.pageCount;
  const isPdf = item.file?.mimeType === 'application/pdf';
  const pages =
    isPdf && body !== undefined && pageCount !== undefined && countBreaks(body) === pageCount - 1
      ? pageCount
      : undefined;
  const personIds = [...item.personIds];
  const witness = item.statement?.witnessPersonId;
  if (witness !== undefined && !personIds.includes(witness)) personIds.push(witness);
  const { metadata: meta } = item;
  // As the library dates an item, and a statement by when it was taken if nothing else.
  const date = item.eventDate ?? item.published ?? item.obtained ?? item.statement?.takenAt;
  return {
    id: `e:${item.id}`,
    kind: item.kind,
    entityId: item.id,
    title: item.title,
    ...(date === undefined ? {} : { date }),
    ...(item.sourceId === undefined ? {} : { sourceId: item.sourceId }),
    personIds,
    ...(item.textBlob === undefined ? {} : { textBlobId: item.textBlob.blobId }),
    ...(pages === undefined ? {} : { pages }),
    fields: {
      title: segments(item.title),
      names: segments(item.statement?.witness, ...persons.flatMap(personNames)),
      tags: segments(...item.tags),
      source: segments(source?.name, item.article?.outlet, item.article?.author),
      notes: segments(item.notes),
      text: segments(body),
      translation: segments(item.translation?.text),
      moments: [...item.moments, ...item.stills]
        .filter((m) => m.note !== undefined && m.note.trim() !== '')
        .sort((a, b) => a.at - b.at)
        .map((m) => ({ text: m.note ?? '', at: m.at })),
      meta: segments(
        item.file?.name,
        item.obtainedBy,
        item.url,
        item.article?.excerpt,
        item.statement?.place,
        item.statement?.takenBy,
        meta.title,
        meta.author,
        meta.subject,
        meta.keywords,
      ),
    },
    sig,
  };
}

function personDoc(person: PersonRecord, sig: string): SearchDoc {
  return {
    id: `p:${person.id}`,
    kind: 'person',
    entityId: person.id,
    title: person.displayName,
    personIds: [person.id],
    fields: {
      title: segments(person.displayName),
      names: segments(person.pseudonym, ...person.variants.map((v) => v.text)),
      notes: segments(person.notes),
    },
    sig,
  };
}

function sourceDoc(source: SourceRecord, sig: string): SearchDoc {
  return {
    id: `s:${source.id}`,
    kind: 'source',
    entityId: source.id,
    title: source.name,
    sourceId: source.id,
    fields: {
      title: segments(source.name),
      notes: segments(source.notes),
      meta: segments(source.url),
    },
    sig,
  };
}

const maxTitle = 300;

function eventDoc(event: EventRecord, sig: string): SearchDoc {
  return {
    id: `v:${event.id}`,
    kind: 'event',
    entityId: event.id,
    title: event.text.length > maxTitle ? `${event.text.slice(0, maxTitle - 1)}…` : event.text,
    date: event.date,
    personIds: event.personIds,
    fields: { text: segments(event.text) },
    sig,
  };
}

function caseDoc(record: CaseRecord, sig: string): SearchDoc {
  return {
    id: `c:${record.id}`,
    kind: 'case',
    entityId: record.id,
    title: record.title,
    fields: {
      title: segments(record.title),
      names: segments(...record.clients),
      notes: segments(record.notes),
      meta: segments(record.court, record.caseNumber, record.jurisdiction),
    },
    sig,
  };
}

/**
 * A document not yet made: its id, its signature, and how to make it once the text of its
 * blob (if it needs one) is known.
 */
export type PlannedDoc = {
  readonly id: string;
  readonly sig: string;
  readonly textBlobId?: string;
  readonly make: (text: string | undefined) => SearchDoc;
};

/** Every document of a case, planned: cheap, no text is read. */
export function planDocs(data: CaseFile): PlannedDoc[] {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const persons = new Map(data.persons.map((p) => [p.id, p]));
  const plans: PlannedDoc[] = data.evidence.map((item) => {
    const source = item.sourceId === undefined ? undefined : sources.get(item.sourceId);
    const linked = [...item.personIds, item.statement?.witnessPersonId]
      .map((id) => (id === undefined ? undefined : persons.get(id)))
      .filter((p): p is PersonRecord => p !== undefined);
    const sig = signature(item, source?.name, linked.map(personNames));
    return {
      id: `e:${item.id}`,
      sig,
      ...(item.textBlob === undefined ? {} : { textBlobId: item.textBlob.blobId }),
      make: (text) => evidenceDoc(item, source, linked, text, sig),
    };
  });
  for (const person of data.persons) {
    const sig = signature(person);
    plans.push({ id: `p:${person.id}`, sig, make: () => personDoc(person, sig) });
  }
  for (const source of data.sources) {
    const sig = signature(source);
    plans.push({ id: `s:${source.id}`, sig, make: () => sourceDoc(source, sig) });
  }
  for (const event of data.events) {
    const sig = signature(event);
    plans.push({ id: `v:${event.id}`, sig, make: () => eventDoc(event, sig) });
  }
  // Not the whole record: its last-activity time moves with every view of an item.
  const { title, clients, notes, court, caseNumber, jurisdiction } = data.case;
  const sig = signature({ title, clients, notes, court, caseNumber, jurisdiction });
  plans.push({ id: `c:${data.case.id}`, sig, make: () => caseDoc(data.case, sig) });
  return plans;
}

/** The page of a PDF's extracted text that `offset` is on, when the document tells pages apart. */
export function pageOf(doc: SearchDoc, offset: number): number | undefined {
  if (doc.pages === undefined) return undefined;
  const text = doc.fields.text?.[0]?.text ?? '';
  let page = 1;
  for (
    let at = text.indexOf(pageBreak);
    at !== -1 && at < offset;
    at = text.indexOf(pageBreak, at + 2)
  )
    page += 1;
  return Math.min(page, doc.pages);
}
