import {
  detectScript,
  generateVariants,
  mergeVariants,
  nameKey,
  personMatches,
} from '../../electron/core/cases/person-names';
import type { ChannelName } from '../../shared/channels';
import { contract, type ParsedInput } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import {
  personInputSchema,
  type EvidenceRecord,
  type NameVariant,
  type PersonInput,
  type PersonRecord,
  type SourceRecord,
} from '../../shared/evidence';
import type { FakeVault } from './fake-vault';

/**
 * In-memory persons and sources for the renderer's tests: the person:* and source:* channels,
 * answered the way core answers them. Names are matched with core's own person-names (pure
 * functions), so "Degtyarev" added to a case that holds Дегтярёв updates him (`created: false`).
 * Inputs are parsed with the contract's schemas, as core does: what core would refuse, this
 * refuses too. Pass the evidence fakes as `store` to share their persons, sources and items.
 */

type Store = {
  readonly persons: Map<string, PersonRecord[]>;
  readonly sources: Map<string, SourceRecord[]>;
  readonly items?: Map<string, EvidenceRecord[]>;
};

const ok = (value: unknown) => ({ ok: true, value });
const failure = (code: ErrorCode) => ({ ok: false, error: { code, message: code } });

function listIn<T>(map: Map<string, T[]>, caseId: string): T[] {
  let list = map.get(caseId);
  if (list === undefined) map.set(caseId, (list = []));
  return list;
}

function variantsOf(name: string, origin: 'original' | 'source' | 'manual', evidenceId?: string) {
  const own: NameVariant = {
    text: name,
    origin,
    script: detectScript(name),
    ...(evidenceId === undefined ? {} : { evidenceId }),
  };
  return [own, ...generateVariants(name)];
}

/*
 * Variants are combined with core's mergeVariants (one per spelling and origin), so that a
 * spelling a source printed is kept, with its evidence, even when Habeas generated it too.
 */

/** Without the optional fields that are undefined: records must not carry `key: undefined`. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

export class PeopleFakes {
  private counter = 0;
  private clock = Date.UTC(2026, 10, 21, 12, 0);

  constructor(readonly store: Store) {}

  personsOf(caseId: string): PersonRecord[] {
    return listIn(this.store.persons, caseId);
  }

  sourcesOf(caseId: string): SourceRecord[] {
    return listIn(this.store.sources, caseId);
  }

  private id(): string {
    this.counter += 1;
    return `70000000-0000-4000-8000-${this.counter.toString(16).padStart(12, '0')}`;
  }

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  /** A person as core would hold it after person:add (for tests that start with people). */
  seedPerson(caseId: string, input: PersonInput): PersonRecord {
    const result = this.addPerson({ caseId, person: personInputSchema.parse(input) });
    if (result === null) throw new Error('A seeded person must be valid.');
    return result.person;
  }

  private addPerson({ caseId, person: given }: ParsedInput<'person:add'>) {
    if (given.protected === true && given.pseudonym === undefined) return null;
    const persons = this.personsOf(caseId);
    const names = [given.name, ...given.variants];
    const match = persons.find((p) => names.some((name) => personMatches(p, name)));
    const printed = given.variants.flatMap((v) =>
      variantsOf(v, given.evidenceId === undefined ? 'manual' : 'source', given.evidenceId),
    );
    const at = this.now();
    if (match !== undefined) {
      const person = defined({
        ...match,
        variants: mergeVariants(match.variants, [...variantsOf(given.name, 'manual'), ...printed]),
        role: given.role ?? match.role,
        protected: given.protected ?? match.protected,
        pseudonym: given.pseudonym ?? match.pseudonym,
        notes: given.notes ?? match.notes,
        updatedAt: at,
      });
      if (person.protected && person.pseudonym === undefined) return null;
      persons[persons.indexOf(match)] = person;
      return { person, created: false };
    }
    const person = defined({
      id: this.id(),
      displayName: given.name,
      variants: mergeVariants([], [...variantsOf(given.name, 'original'), ...printed]),
      role: given.role ?? 'other',
      protected: given.protected ?? false,
      pseudonym: given.pseudonym,
      notes: given.notes,
      createdAt: at,
      updatedAt: at,
    });
    persons.push(person);
    return { person, created: true };
  }

  private updatePerson(input: ParsedInput<'person:update'>) {
    const persons = this.personsOf(input.caseId);
    const before = persons.find((p) => p.id === input.id);
    if (before === undefined) return failure('NOT_FOUND');
    const removed = new Set((input.removeVariants ?? []).map(nameKey));
    let variants = before.variants.filter((v) => !removed.has(nameKey(v.text)));
    if (input.displayName !== undefined)
      variants = mergeVariants(variants, variantsOf(input.displayName, 'manual'));
    for (const added of input.addVariants ?? [])
      variants = mergeVariants(variants, variantsOf(added, 'manual'));
    const pseudonym = input.pseudonym === undefined ? before.pseudonym : input.pseudonym;
    const person = defined({
      ...before,
      displayName: input.displayName ?? before.displayName,
      role: input.role ?? before.role,
      protected: input.protected ?? before.protected,
      pseudonym: pseudonym === null || pseudonym === '' ? undefined : pseudonym,
      notes: input.notes ?? before.notes,
      variants,
      updatedAt: this.now(),
    });
    if (person.protected && person.pseudonym === undefined) return failure('VALIDATION_FAILED');
    persons[persons.indexOf(before)] = person;
    return ok(person);
  }

  /** Replaces person `from` by `to` (or removes it, given null) on every item of the case. */
  private renameOnItems(caseId: string, from: string, to: string | null): void {
    const items = this.store.items?.get(caseId) ?? [];
    items.forEach((item, index) => {
      if (!item.personIds.includes(from)) return;
      const ids = item.personIds.flatMap((id) => (id !== from ? [id] : to === null ? [] : [to]));
      items[index] = { ...item, personIds: [...new Set(ids)] };
    });
  }

  private mergePersons({ caseId, keepId, mergeId }: ParsedInput<'person:merge'>) {
    if (keepId === mergeId) return failure('VALIDATION_FAILED');
    const persons = this.personsOf(caseId);
    const keep = persons.find((p) => p.id === keepId);
    const merged = persons.find((p) => p.id === mergeId);
    if (keep === undefined || merged === undefined) return failure('NOT_FOUND');
    const person = defined({
      ...keep,
      variants: mergeVariants(keep.variants, [
        { text: merged.displayName, origin: 'manual', script: detectScript(merged.displayName) },
        ...merged.variants,
      ]),
      protected: keep.protected || merged.protected,
      pseudonym: keep.pseudonym ?? merged.pseudonym,
      updatedAt: this.now(),
    });
    persons.splice(persons.indexOf(merged), 1);
    persons[persons.indexOf(keep)] = person;
    this.renameOnItems(caseId, mergeId, keepId);
    return ok(person);
  }

  private deletePerson({ caseId, id }: ParsedInput<'person:delete'>) {
    const persons = this.personsOf(caseId);
    const index = persons.findIndex((p) => p.id === id);
    if (index < 0) return failure('NOT_FOUND');
    persons.splice(index, 1);
    this.renameOnItems(caseId, id, null);
    return ok({ ok: true });
  }

  private addSource({ caseId, source }: ParsedInput<'source:add'>) {
    const record = defined({
      id: this.id(),
      name: source.name,
      url: source.url === '' ? undefined : source.url,
      reliability: source.reliability,
      notes: source.notes,
      createdAt: this.now(),
    });
    this.sourcesOf(caseId).push(record);
    return ok(record);
  }

  private updateSource({ caseId, id, ...change }: ParsedInput<'source:update'>) {
    const sources = this.sourcesOf(caseId);
    const index = sources.findIndex((s) => s.id === id);
    const before = sources[index];
    if (before === undefined) return failure('NOT_FOUND');
    const url = change.url === undefined ? before.url : change.url;
    const record = defined({
      ...before,
      name: change.name ?? before.name,
      url: url === null || url === '' ? undefined : url,
      reliability: change.reliability ?? before.reliability,
      notes: change.notes ?? before.notes,
    });
    sources[index] = record;
    return ok(record);
  }

  /** The handlers, each parsing its input with the contract first, as core's boundary does. */
  handlers(): [ChannelName, (input: Record<string, unknown>) => unknown][] {
    const parsed =
      <K extends ChannelName>(channel: K, answer: (input: ParsedInput<K>) => unknown) =>
      (input: Record<string, unknown>): unknown => {
        const result = contract[channel].input.safeParse(input);
        return result.success
          ? answer(result.data as ParsedInput<K>)
          : failure('VALIDATION_FAILED');
      };
    return [
      ['person:list', parsed('person:list', ({ caseId }) => ok(this.personsOf(caseId)))],
      [
        'person:add',
        parsed('person:add', (input) => {
          const result = this.addPerson(input);
          return result === null ? failure('VALIDATION_FAILED') : ok(result);
        }),
      ],
      ['person:update', parsed('person:update', (input) => this.updatePerson(input))],
      ['person:merge', parsed('person:merge', (input) => this.mergePersons(input))],
      ['person:delete', parsed('person:delete', (input) => this.deletePerson(input))],
      ['source:list', parsed('source:list', ({ caseId }) => ok(this.sourcesOf(caseId)))],
      ['source:add', parsed('source:add', (input) => this.addSource(input))],
      ['source:update', parsed('source:update', (input) => this.updateSource(input))],
    ];
  }
}

/**
 * Answers person:* and source:* on `fake`. Given the evidence fakes (or any store with their
 * maps), persons and sources are shared with evidence:list, and merges and deletions reach
 * the items that name a person.
 */
export function installPeopleFakes(
  fake: FakeVault,
  store: Store = { persons: new Map(), sources: new Map() },
): PeopleFakes {
  const people = new PeopleFakes(store);
  for (const [channel, handler] of people.handlers()) fake.handlers.set(channel, handler);
  return people;
}
