import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { searchFields, type SearchField } from '../../../shared/search';
import type { CaseFile } from '../cases/case-file';
import { planDocs, type SearchDoc } from './search-documents';
import { processTerm, wordsOf } from './search-terms';
import { NameTable } from './name-table';

/**
 * One case's index: MiniSearch over the case's search documents, the documents themselves
 * (snippets are cut from their text), and the persons' names for expanding a query. Kept in
 * memory while the vault is unlocked; persisted by index-file.ts.
 */

/** A name or a title counts for more than a word somewhere in a long text. */
export const fieldBoosts: Readonly<Record<SearchField, number>> = {
  title: 3,
  names: 2.5,
  tags: 2,
  source: 1.5,
  notes: 1.5,
  moments: 1.2,
  text: 1,
  translation: 1,
  meta: 1,
};

const miniOptions: Options<SearchDoc> = {
  idField: 'id',
  fields: [...searchFields],
  storeFields: [],
  extractField: (doc, field) =>
    field === 'id'
      ? doc.id
      : (doc.fields[field as SearchField]?.map((s) => s.text).join('\n') ?? ''),
  tokenize: wordsOf,
  processTerm,
  // Queries arrive as trees of terms already made (search-query.ts): taken as they are.
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term, boost: fieldBoosts },
  // Vacuumed by refresh(), inside its own turn, rather than by timers running behind it.
  autoVacuum: false,
};

export type SerializedIndex = ReturnType<MiniSearch['toJSON']>;

/** Blobs are read a few at a time: a first build may have thousands to decrypt. */
const readers = 4;

async function readTexts(
  blobIds: readonly string[],
  readText: (blobId: string) => Promise<string | undefined>,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < blobIds.length) {
      const blobId = blobIds[next++];
      if (blobId !== undefined) texts.set(blobId, (await readText(blobId)) ?? '');
    }
  };
  await Promise.all(Array.from({ length: readers }, worker));
  return texts;
}

export type RawHit = { readonly doc: SearchDoc; readonly result: SearchResult };

export class CaseIndex {
  /** Made from the case's persons by the first refresh, and again when a person changes. */
  private names = NameTable.none;
  private namesMade = false;

  private constructor(
    private readonly mini: MiniSearch<SearchDoc>,
    private readonly docs: Map<string, SearchDoc>,
  ) {}

  static empty(): CaseIndex {
    return new CaseIndex(new MiniSearch(miniOptions), new Map());
  }

  /** An index as persisted; throws when it cannot be read (the caller builds afresh). */
  static restore(index: SerializedIndex, docs: readonly SearchDoc[]): CaseIndex {
    const mini = MiniSearch.loadJS(index, miniOptions);
    const map = new Map(docs.map((d) => [d.id, d]));
    if (mini.documentCount !== map.size) throw new Error('index and documents disagree');
    return new CaseIndex(mini, map);
  }

  get size(): number {
    return this.docs.size;
  }

  get nameTable(): NameTable {
    return this.names;
  }

  doc(id: string): SearchDoc | undefined {
    return this.docs.get(id);
  }

  /**
   * Brings the index in line with the case: documents whose signature changed are made again,
   * new ones added, gone ones dropped. Only new or changed text blobs are read. Returns
   * whether anything changed.
   */
  async refresh(
    data: CaseFile,
    readText: (blobId: string) => Promise<string | undefined>,
  ): Promise<boolean> {
    const plans = planDocs(data);
    const wanted = new Set(plans.map((p) => p.id));
    let changed = false;
    let personsChanged = !this.namesMade;
    for (const id of [...this.docs.keys()]) {
      if (wanted.has(id)) continue;
      this.mini.discard(id);
      this.docs.delete(id);
      changed = true;
      personsChanged ||= id.startsWith('p:');
    }
    const stale = plans.filter((plan) => this.docs.get(plan.id)?.sig !== plan.sig);
    const texts = await readTexts(
      stale.flatMap((plan) => {
        const blob = plan.textBlobId;
        return blob !== undefined && this.docs.get(plan.id)?.textBlobId !== blob ? [blob] : [];
      }),
      readText,
    );
    for (const plan of stale) {
      const old = this.docs.get(plan.id);
      const text =
        plan.textBlobId === undefined
          ? undefined
          : (texts.get(plan.textBlobId) ?? old?.fields.text?.[0]?.text ?? '');
      const doc = plan.make(text);
      if (old !== undefined) this.mini.discard(plan.id);
      this.mini.add(doc);
      this.docs.set(plan.id, doc);
      changed = true;
      personsChanged ||= plan.id.startsWith('p:');
    }
    if (personsChanged) {
      this.names = NameTable.from(data.persons);
      this.namesMade = true;
    }
    if (changed && this.mini.dirtCount > 20 && this.mini.dirtFactor > 0.1) await this.mini.vacuum();
    return changed;
  }

  /**
   * The best `limit` hits of a query tree that `keep` lets through (null: every hit), best
   * first, with their documents; and how many it let through in all.
   */
  search(
    query: Query,
    keep: ((doc: SearchDoc) => boolean) | null,
    limit: number,
  ): { hits: RawHit[]; total: number } {
    const hits: RawHit[] = [];
    let total = 0;
    for (const result of this.mini.search(query)) {
      // Only the hits shown need their documents: the rest are counted.
      if (keep === null && hits.length >= limit) {
        total += 1;
        continue;
      }
      const doc = this.docs.get(result.id as string);
      if (doc === undefined || (keep !== null && !keep(doc))) continue;
      total += 1;
      if (hits.length < limit) hits.push({ doc, result });
    }
    return { hits, total };
  }

  serialize(): { index: SerializedIndex; docs: SearchDoc[] } {
    return { index: this.mini.toJSON(), docs: [...this.docs.values()] };
  }
}
