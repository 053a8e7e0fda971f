import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { VaultState, VaultStatus } from '../../../shared/domain';
import { HabeasError } from '../habeas-error';
import type { PreferencesStore } from '../preferences/preferences';
import type { KdfCost } from './kdf';
import {
  changePassphrase,
  checkPassphrase,
  createVault,
  unlockVault,
  unlockWithRecoveryKey,
  type UnlockedVault,
} from './vault';
import { vaultHeaderFile } from './vault-header';

export type SessionOptions = {
  readonly kdfCost?: KdfCost;
  /** Timers are injectable so that tests need not wait minutes for an auto-lock. */
  readonly setTimer?: (callback: () => void, ms: number) => { clear(): void };
};

const realTimer = (callback: () => void, ms: number) => {
  const handle = setTimeout(callback, ms);
  handle.unref();
  return { clear: () => clearTimeout(handle) };
};

/**
 * The app's one vault: absent, locked or unlocked. The key lives here, in the process that
 * runs core, and nowhere else; it is wiped on lock, on quit and after the idle timeout.
 * Operations run one at a time.
 */
export class VaultSession {
  private vault: UnlockedVault | null = null;
  private idle: { clear(): void } | null = null;
  /** Bumped whenever the timer is re-armed or the vault locks: a stale arming gives up. */
  private idleGeneration = 0;
  private autoLockCache: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly lockListeners = new Set<() => void>();

  constructor(
    private vaultDir: string,
    private readonly preferences: PreferencesStore,
    private readonly options: SessionOptions = {},
  ) {}

  get dir(): string {
    return this.vaultDir;
  }

  current(): UnlockedVault | null {
    return this.vault;
  }

  require(): UnlockedVault {
    if (this.vault === null) throw new HabeasError('VAULT_LOCKED', 'The vault is locked.');
    return this.vault;
  }

  async state(): Promise<VaultState> {
    if (this.vault !== null) return 'unlocked';
    try {
      await access(join(this.vaultDir, vaultHeaderFile));
      return 'locked';
    } catch {
      return 'absent';
    }
  }

  async status(): Promise<VaultStatus> {
    const autoLockMinutes = await this.autoLockMinutes();
    return {
      state: await this.state(),
      dir: this.vaultDir,
      vaultId: this.vault?.vaultId ?? null,
      autoLockMinutes,
    };
  }

  create(dir: string, passphrase: string): Promise<{ vaultId: string; recoveryKey: string }> {
    return this.serial(async () => {
      const created = await createVault(dir, passphrase, this.kdf());
      await this.lockNow();
      this.vaultDir = dir;
      await this.preferences.update({ vaultDir: dir });
      return created;
    });
  }

  unlock(passphrase: string): Promise<void> {
    return this.serial(async () => {
      if (this.vault !== null) return;
      this.vault = await unlockVault(this.vaultDir, passphrase);
      await this.armIdleTimer();
    });
  }

  recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    return this.serial(async () => {
      await this.lockNow();
      const vault = await unlockWithRecoveryKey(this.vaultDir, recoveryKey);
      try {
        await changePassphrase(vault, newPassphrase, this.kdf());
      } catch (error) {
        await vault.close();
        throw error;
      }
      this.vault = vault;
      await this.armIdleTimer();
    });
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.serial(async () => {
      const vault = this.require();
      if (!(await checkPassphrase(this.vaultDir, current))) {
        throw new HabeasError('WRONG_PASSPHRASE', 'The current passphrase is wrong.');
      }
      await changePassphrase(vault, next, this.kdf());
    });
  }

  lock(): Promise<void> {
    return this.serial(() => this.lockNow());
  }

  /** Called for every request a person made: restarts the idle countdown. */
  touch(): void {
    if (this.vault !== null) void this.armIdleTimer().catch(() => undefined);
  }

  setAutoLock(minutes: number): Promise<void> {
    return this.serial(async () => {
      await this.preferences.update({ autoLockMinutes: minutes });
      this.autoLockCache = minutes;
      if (this.vault !== null) await this.armIdleTimer();
    });
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /**
   * The auto-lock setting, read from the preferences once: every request re-arms the timer, and
   * only this session changes the setting, so it need not go to disk each time.
   */
  private async autoLockMinutes(): Promise<number> {
    this.autoLockCache ??= (await this.preferences.read()).autoLockMinutes;
    return this.autoLockCache;
  }

  private kdf() {
    return this.options.kdfCost === undefined ? {} : { kdfCost: this.options.kdfCost };
  }

  private async lockNow(): Promise<void> {
    this.idleGeneration += 1;
    this.idle?.clear();
    this.idle = null;
    const vault = this.vault;
    this.vault = null;
    if (vault !== null) {
      await vault.close();
      for (const listener of this.lockListeners) listener();
    }
  }

  private async armIdleTimer(): Promise<void> {
    const generation = ++this.idleGeneration;
    const autoLockMinutes = await this.autoLockMinutes();
    // A later arming, or a lock, happened while the preferences were read: that one decides.
    if (generation !== this.idleGeneration) return;
    this.idle?.clear();
    this.idle = null;
    if (autoLockMinutes === 0 || this.vault === null) return;
    const setTimer = this.options.setTimer ?? realTimer;
    this.idle = setTimer(() => void this.lock().catch(() => undefined), autoLockMinutes * 60_000);
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
