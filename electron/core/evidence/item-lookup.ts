import type { EvidenceRecord, PersonRecord, SourceRecord } from '../../../shared/evidence';
import type { CaseFile } from '../cases/case-file';
import { HabeasError } from '../habeas-error';

export function findItem(data: CaseFile, id: string): EvidenceRecord {
  const item = data.evidence.find((e) => e.id === id);
  if (item === undefined) throw new HabeasError('NOT_FOUND', 'No such evidence item.');
  return item;
}

export function findPerson(data: CaseFile, id: string): PersonRecord {
  const person = data.persons.find((p) => p.id === id);
  if (person === undefined) throw new HabeasError('NOT_FOUND', 'No such person.');
  return person;
}

export function findSource(data: CaseFile, id: string): SourceRecord {
  const source = data.sources.find((s) => s.id === id);
  if (source === undefined) throw new HabeasError('NOT_FOUND', 'No such source.');
  return source;
}

/** Every id in `ids` names an item of the case (other than `self`), or VALIDATION_FAILED. */
export function checkItemRefs(data: CaseFile, ids: readonly string[], self?: string): void {
  const known = new Set(data.evidence.map((e) => e.id));
  for (const id of ids) {
    if (id === self || !known.has(id))
      throw new HabeasError('VALIDATION_FAILED', 'A linked evidence item does not exist.');
  }
}

export function checkPersonRefs(data: CaseFile, ids: readonly string[]): void {
  const known = new Set(data.persons.map((p) => p.id));
  for (const id of ids) {
    if (!known.has(id)) throw new HabeasError('VALIDATION_FAILED', 'A person does not exist.');
  }
}
