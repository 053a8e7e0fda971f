import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { text as streamText } from 'node:stream/consumers';
import type { SearchHit, SearchOutput, SearchRequest } from '../../../shared/search';
import { resolveCaseId } from '../cases/case-service';
import { caseStore, onCaseStoreCreated, type CaseChange } from '../cases/case-store';
import type { UnlockedVault } from '../vault/vault';
import { caseDir } from '../vault/vault-index';
import { CaseIndex, type RawHit } from './case-index';
import { hitFilter } from './hit-filter';
import { indexFileName, readIndexFile, writeIndexFile } from './index-file';
import { parseQuery, queryTree } from './search-query';
import { clearTermCache } from './search-terms';
import { matcherFor, matchRanges, place } from './snippets';
import { oncePer } from '../once-per';

/**
 * Search over the cases of an unlocked vault. A case's index is loaded the first time it is
 * searched (from its encrypted file, else built from the case) and brought up to date with
 * the case before every search that follows a change. Every change to a case is heard from
 * the case store: the index follows it a moment later, and is written back encrypted, so that
 * the next unlock finds it current. On lock, every index is dropped from memory.
 */

type Entry = {
  index: CaseIndex | undefined;
  /** The case changed since the index last followed it. */
  dirty: boolean;
  /** The index changed since it was last written. */
  unsaved: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Work on this index runs one piece at a time. */
  queue: Promise<unknown>;
};

/** Text the index holds of one blob at most (as evidence:text shows). */
const maxTextChars = 2_000_000;
const maxMatch = 300;

export class VaultSearch {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(
    private readonly vault: UnlockedVault,
    /** How long after a change the index follows it and is written. */
    private readonly settleMs = 1500,
  ) {
    caseStore(vault).onChange((caseId, change) => this.heard(caseId, change));
    vault.onClose(() => this.close());
  }

  async search(request: SearchRequest): Promise<SearchOutput> {
    const words = parseQuery(request.query, request.prefix);
    if (words.length === 0) return { hits: [], total: 0 };
    const all = request.caseId === undefined;
    const caseIds = all
      ? this.vault.index.data.cases.map((c) => c.id)
      : [resolveCaseId(this.vault, request.caseId ?? '')];
    const keep = hitFilter(request.filter);
    const found: { caseId: string; hit: RawHit }[] = [];
    let total = 0;
    for (const caseId of caseIds) {
      let index: CaseIndex;
      try {
        index = await this.current(caseId);
      } catch (error) {
        // Across all cases, a case that cannot be read is left out rather than failing all.
        if (all) continue;
        throw error;
      }
      const tree = queryTree(words, index.nameTable);
      if (tree === null) continue;
      const result = index.search(tree, keep, request.limit);
      total += result.total;
      for (const hit of result.hits) found.push({ caseId, hit });
    }
    // One case's hits come best first already; several cases' are merged by score.
    if (caseIds.length > 1) found.sort((a, b) => b.hit.result.score - a.hit.result.score);
    const titles = new Map(this.vault.index.data.cases.map((c) => [c.id, c.title]));
    return {
      total,
      hits: found
        .slice(0, request.limit)
        .map(({ caseId, hit }) => toHit(caseId, titles.get(caseId) ?? '', hit)),
    };
  }

  /** Writes every index that changed now, rather than a moment later (the CLI, before it exits). */
  async flush(): Promise<void> {
    await Promise.all(
      [...this.entries].map(([caseId, entry]) => {
        clearTimeout(entry.timer);
        entry.timer = undefined;
        return this.run(entry, () => this.settle(caseId, entry));
      }),
    );
  }

  /** The case's index, current with the case. */
  private current(caseId: string): Promise<CaseIndex> {
    const entry = this.entry(caseId);
    return this.run(entry, async () => {
      const index = await this.follow(caseId, entry);
      if (entry.unsaved) this.later(caseId, entry);
      return index;
    });
  }

  private entry(caseId: string): Entry {
    let entry = this.entries.get(caseId);
    if (entry === undefined) {
      entry = {
        index: undefined,
        dirty: true,
        unsaved: false,
        timer: undefined,
        queue: Promise.resolve(),
      };
      this.entries.set(caseId, entry);
    }
    return entry;
  }

  private run<T>(entry: Entry, work: () => Promise<T>): Promise<T> {
    const next = entry.queue.catch(() => undefined).then(work);
    entry.queue = next.catch(() => undefined);
    return next;
  }

  private indexPath(caseId: string): string {
    return join(this.vault.dir, caseDir(caseId), indexFileName);
  }

  /** Loads the index if need be, and brings it up to date with the case. */
  private async follow(caseId: string, entry: Entry): Promise<CaseIndex> {
    const store = caseStore(this.vault);
    if (entry.index === undefined) {
      const saved = await readIndexFile(this.indexPath(caseId), store.identity(caseId));
      let index = CaseIndex.empty();
      if (saved !== null) {
        try {
          index = CaseIndex.restore(saved.index, saved.docs);
        } catch {
          // A file that does not load is built again, like a missing one.
        }
      }
      entry.index = index;
      entry.unsaved = saved === null;
      entry.dirty = true;
    }
    if (!entry.dirty) return entry.index;
    entry.dirty = false;
    try {
      const data = await store.read(caseId);
      const blobs = store.blobs(caseId);
      const readText = async (blobId: string): Promise<string | undefined> => {
        try {
          return (await streamText(await blobs.get(blobId))).slice(0, maxTextChars);
        } catch {
          // A damaged text blob leaves the item findable by everything else it has.
          return undefined;
        }
      };
      if (await entry.index.refresh(data, readText)) entry.unsaved = true;
    } catch (error) {
      entry.dirty = true;
      throw error;
    }
    return entry.index;
  }

  private async settle(caseId: string, entry: Entry): Promise<void> {
    if (this.closed || this.entries.get(caseId) !== entry) return;
    if (entry.index === undefined) return;
    await this.follow(caseId, entry);
    if (!entry.unsaved || this.closed || this.entries.get(caseId) !== entry) return;
    const { publicKey } = caseStore(this.vault).identity(caseId);
    const snapshot = entry.index.serialize();
    entry.unsaved = false;
    try {
      await writeIndexFile(this.indexPath(caseId), publicKey, snapshot);
    } catch (error) {
      entry.unsaved = true;
      throw error;
    }
  }

  /** Follows the case and writes the index a moment from now; each change restarts the wait. */
  private later(caseId: string, entry: Entry): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      // In the background: a failure here leaves the file stale, and stale files are rebuilt.
      this.run(entry, () => this.settle(caseId, entry)).catch(() => undefined);
    }, this.settleMs);
    entry.timer.unref();
  }

  private heard(caseId: string, change: CaseChange): void {
    const entry = this.entries.get(caseId);
    if (entry === undefined) {
      // A case not searched since unlock may still have its index on disk, holding what was
      // just changed or deleted: bring that file up to date too, in the background.
      if (change === 'changed' && !this.closed && existsSync(this.indexPath(caseId)))
        this.current(caseId).catch(() => undefined);
      return;
    }
    if (change === 'forgotten') {
      clearTimeout(entry.timer);
      this.entries.delete(caseId);
      return;
    }
    entry.dirty = true;
    this.later(caseId, entry);
  }

  private close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    this.entries.clear();
    clearTermCache();
  }
}

function toHit(caseId: string, caseTitle: string, { doc, result }: RawHit): SearchHit {
  const matches = matcherFor(result);
  const placed = place(doc, result, matches);
  return {
    caseId,
    caseTitle,
    kind: doc.kind,
    id: doc.entityId,
    title: doc.title,
    titleRanges: matchRanges(doc.title, matches),
    field: placed.field,
    snippet: placed.snippet,
    ...(placed.match === undefined ? {} : { match: placed.match.slice(0, maxMatch) }),
    ...(placed.page === undefined ? {} : { page: placed.page }),
    ...(placed.at === undefined ? {} : { at: placed.at }),
    ...(doc.date === undefined ? {} : { date: doc.date }),
    score: result.score,
  };
}

/** The search of an unlocked vault (one per vault object, made on first use). */
export const vaultSearch = oncePer((vault: UnlockedVault) => new VaultSearch(vault));

// The index follows every change from the moment a vault's cases are first touched.
onCaseStoreCreated((vault) => void vaultSearch(vault));
