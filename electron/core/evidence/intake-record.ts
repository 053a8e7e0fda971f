import {
  isoDateSchema,
  type EvidenceFile,
  type EvidenceRecord,
  type IntakeFields,
} from '../../../shared/evidence';
import type { Extraction } from './metadata';

/** A date a parser found, as ISO 8601, or nothing: a date that does not parse is not guessed. */
export function isoDateOrNothing(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (isoDateSchema.safeParse(trimmed).success) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as T;
}

/** The evidence record of a new item, from what came with the file and what was read from it. */
export function buildRecord(input: {
  readonly id: string;
  readonly fields: IntakeFields;
  readonly sourceId: string | undefined;
  readonly file: EvidenceFile | undefined;
  readonly extraction: Extraction | undefined;
  readonly textBlob: { blobId: string; chars: number } | undefined;
  readonly statementText?: string;
  readonly now: Date;
}): EvidenceRecord {
  const { fields, extraction, file, now } = input;
  const article = extraction?.article;
  const title =
    fields.title ??
    article?.title?.trim().slice(0, 500) ??
    extraction?.metadata.title?.trim().slice(0, 500) ??
    (file === undefined ? 'Untitled' : withoutExtension(file.name).slice(0, 500));
  const published = fields.published ?? isoDateOrNothing(article?.published);
  const url = fields.url ?? article?.url;
  return defined({
    id: input.id,
    kind: fields.kind,
    title: title === '' ? 'Untitled' : title,
    file,
    sourceId: input.sourceId,
    url,
    eventDate: fields.eventDate,
    published,
    obtained: fields.obtained,
    obtainedBy: fields.obtainedBy,
    language: fields.language ?? article?.language ?? extraction?.metadata.language,
    credibility: fields.credibility ?? 6,
    tags: fields.tags ?? [],
    personIds: [],
    derivedFrom: [],
    metadata: extraction?.metadata ?? {},
    intakeNotes: extraction?.notes ?? [],
    textBlob: input.textBlob,
    statement:
      fields.kind === 'statement'
        ? defined({
            witness: fields.witness,
            takenAt: fields.taken,
            place: fields.place,
            takenBy: fields.takenBy,
            text: input.statementText ?? extraction?.text ?? '',
          })
        : undefined,
    article:
      fields.kind === 'article'
        ? defined({
            outlet: article?.siteName?.slice(0, 300),
            author: article?.author?.slice(0, 300),
            url: url?.slice(0, 2000),
            published,
            excerpt: article?.excerpt?.slice(0, 2000),
          })
        : undefined,
    moments: [],
    stills: [],
    addedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
}
