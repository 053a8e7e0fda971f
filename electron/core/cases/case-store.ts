import { join } from 'node:path';
import { type X25519Identity, identityFromSecret, wipeSecretKey } from '../crypto';
import { HabeasError } from '../habeas-error';
import { fromBase64 } from '../vault/base64-bytes';
import { BlobStore } from '../vault/blob-store';
import { EncryptedJsonFile } from '../vault/encrypted-json-file';
import type { UnlockedVault } from '../vault/vault';
import { caseDir } from '../vault/vault-index';
import { caseFileSchema, type CaseFile } from './case-file';

export type CaseChange = 'changed' | 'forgotten';
export type CaseChangeListener = (caseId: string, change: CaseChange) => void;

/**
 * The open cases of an unlocked vault: each case's key, its blob store, and its parsed file,
 * kept in memory after the first read (a case of 10,000 items is parsed once, not per call).
 * Only one process writes a vault at a time (the lock file), so the copy in memory is the
 * truth; changes to a case run one after another, and a write that fails drops the copy so
 * that the next read comes from the disk again.
 */
export class CaseStore {
  private readonly cache = new Map<string, CaseFile>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly identities = new Map<string, X25519Identity>();
  private readonly viewed = new Set<string>();
  private readonly listeners = new Set<CaseChangeListener>();

  constructor(private readonly vault: UnlockedVault) {
    vault.onClose(() => this.close());
  }

  /**
   * Hears of every case whose data was written ('changed') or dropped from memory ('forgotten':
   * deleted, or the vault is locking). Search keeps its index current with it. Listeners run
   * synchronously after the write and must not throw; returns the unsubscribe.
   */
  onChange(listener: CaseChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(caseId: string, change: CaseChange): void {
    for (const listener of this.listeners) {
      try {
        listener(caseId, change);
      } catch {
        // A listener's failure is its own; the write it hears of has already succeeded.
      }
    }
  }

  identity(caseId: string): X25519Identity {
    const known = this.identities.get(caseId);
    if (known !== undefined) return known;
    const entry = this.vault.index.data.cases.find((c) => c.id === caseId);
    if (entry === undefined) throw new HabeasError('NOT_FOUND', 'No such case.');
    const secret = fromBase64(entry.secret);
    const identity = identityFromSecret(secret);
    secret.fill(0);
    this.identities.set(caseId, identity);
    return identity;
  }

  blobs(caseId: string): BlobStore {
    return new BlobStore(join(this.vault.dir, caseDir(caseId), 'blobs'), this.identity(caseId));
  }

  file(caseId: string): EncryptedJsonFile<CaseFile> {
    return new EncryptedJsonFile(
      join(this.vault.dir, caseDir(caseId), 'case.age'),
      this.identity(caseId),
      caseFileSchema,
      true,
    );
  }

  async read(caseId: string): Promise<CaseFile> {
    const cached = this.cache.get(caseId);
    if (cached !== undefined) return cached;
    const data = await this.file(caseId).read();
    if (data?.case.id !== caseId)
      throw new HabeasError('INTEGRITY_FAILED', 'A case file holds another case.');
    this.cache.set(caseId, data);
    return data;
  }

  /** Writes a new case's first state (its folder must exist). */
  async create(data: CaseFile): Promise<void> {
    await this.file(data.case.id).write(data);
    this.cache.set(data.case.id, data);
    this.notify(data.case.id, 'changed');
  }

  /**
   * Runs `change` on the case's data and writes the result; changes to one case queue behind
   * each other. `change` may throw before touching the data to refuse; once it has changed
   * anything, the write decides: if it fails, the copy in memory is dropped.
   */
  mutate<T>(caseId: string, change: (data: CaseFile) => T | Promise<T>): Promise<T> {
    const previous = this.queues.get(caseId) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => {
        const data = await this.read(caseId);
        try {
          const result = await change(data);
          await this.file(caseId).write(data);
          this.notify(caseId, 'changed');
          return result;
        } catch (error) {
          this.cache.delete(caseId);
          // Listeners may have seen the changed copy: they read the case again from disk.
          this.notify(caseId, 'changed');
          throw error;
        }
      });
    this.queues.set(caseId, run);
    return run;
  }

  /**
   * True the first time an item is opened while the vault is unlocked: a view is logged once
   * per item and unlock, not on every refresh of the screen that shows it.
   */
  firstView(caseId: string, itemId: string): boolean {
    const key = `${caseId}/${itemId}`;
    if (this.viewed.has(key)) return false;
    this.viewed.add(key);
    return true;
  }

  /** Forgets a deleted case and wipes its key from memory. */
  forget(caseId: string): void {
    this.cache.delete(caseId);
    const identity = this.identities.get(caseId);
    if (identity !== undefined) wipeSecretKey(identity.secretKey);
    this.identities.delete(caseId);
    this.notify(caseId, 'forgotten');
  }

  /** On lock: every case key is wiped. */
  close(): void {
    for (const id of [...this.identities.keys()]) this.forget(id);
    this.cache.clear();
    this.viewed.clear();
  }
}

const stores = new WeakMap<UnlockedVault, CaseStore>();

/** The case store of an unlocked vault (one per vault object, made on first use). */
const created: ((vault: UnlockedVault) => void)[] = [];

/**
 * Runs `listener` for each vault's case store as it comes into being: how services that
 * follow every change (the search index) are there from the first change after unlock,
 * not only from their own first use.
 */
export function onCaseStoreCreated(listener: (vault: UnlockedVault) => void): void {
  created.push(listener);
}

export function caseStore(vault: UnlockedVault): CaseStore {
  let store = stores.get(vault);
  if (store === undefined) {
    store = new CaseStore(vault);
    stores.set(vault, store);
    for (const listener of created) listener(vault);
  }
  return store;
}
