import { randomUUID } from 'node:crypto';
import {
  sourceInputSchema,
  type IntakeFields,
  type SourceInput,
  type SourceRecord,
} from '../../../shared/evidence';
import type { CaseFile } from '../cases/case-file';
import { HabeasError } from '../habeas-error';

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();
}

/** Adds a source to a case (inside a case change); a source of the same name is returned instead. */
export function addSource(data: CaseFile, input: SourceInput, now: Date): SourceRecord {
  const parsed = sourceInputSchema.safeParse(input);
  if (!parsed.success) throw new HabeasError('VALIDATION_FAILED', 'The source is not valid.');
  const known = data.sources.find((s) => sameName(s.name, parsed.data.name));
  if (known !== undefined) return known;
  const source: SourceRecord = {
    id: randomUUID(),
    ...parsed.data,
    createdAt: now.toISOString(),
  };
  data.sources.push(source);
  return source;
}

/**
 * The source of a new item: one named by id (it must exist), or by name (found, or added with
 * reliability F, "cannot be judged", until the lawyer grades it), or an article's outlet.
 */
export function resolveSource(
  data: CaseFile,
  fields: IntakeFields,
  outlet: string | undefined,
  now: Date,
): string | undefined {
  if (fields.sourceId !== undefined) {
    if (!data.sources.some((s) => s.id === fields.sourceId))
      throw new HabeasError('VALIDATION_FAILED', 'No such source in this case.');
    return fields.sourceId;
  }
  const name = fields.sourceName ?? (fields.kind === 'article' ? outlet?.trim() : undefined);
  if (name === undefined || name === '') return undefined;
  return addSource(data, { name: name.slice(0, 300) }, now).id;
}

export function updateSource(
  data: CaseFile,
  id: string,
  change: {
    readonly name?: string;
    readonly url?: string | null;
    readonly reliability?: SourceRecord['reliability'];
    readonly notes?: string;
  },
): SourceRecord {
  const before = data.sources.find((s) => s.id === id);
  if (before === undefined) throw new HabeasError('NOT_FOUND', 'No such source.');
  if (
    change.name !== undefined &&
    data.sources.some((s) => s.id !== id && sameName(s.name, change.name ?? ''))
  )
    throw new HabeasError('VALIDATION_FAILED', 'Another source has this name.');
  const rest: SourceRecord = { ...before };
  delete rest.url;
  const url = change.url === undefined ? before.url : change.url;
  const source: SourceRecord = {
    ...rest,
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(url === null || url === undefined || url === '' ? {} : { url }),
    ...(change.reliability === undefined ? {} : { reliability: change.reliability }),
    ...(change.notes === undefined ? {} : { notes: change.notes }),
  };
  data.sources[data.sources.indexOf(before)] = source;
  return source;
}
