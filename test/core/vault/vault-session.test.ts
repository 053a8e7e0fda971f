import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPreferences } from '../../../electron/core/preferences/preferences';
import { VaultSession } from '../../../electron/core/vault/vault-session';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let root: string;
let cleanup: () => Promise<void>;
let timers: { ms: number; fire: () => void; cleared: boolean }[];

function session(dir = join(root, 'vault'), preferences = new MemoryPreferences()) {
  return new VaultSession(dir, preferences, {
    kdfCost: fastKdf,
    setTimer: (callback, ms) => {
      const timer = { ms, fire: callback, cleared: false };
      timers.push(timer);
      return { clear: () => (timer.cleared = true) };
    },
  });
}

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  timers = [];
});
afterEach(() => cleanup());

describe('the vault session', () => {
  it('goes absent → locked → unlocked → locked, and remembers the folder', async () => {
    const preferences = new MemoryPreferences();
    const s = session(join(root, 'somewhere'), preferences);
    expect(await s.state()).toBe('absent');
    const dir = join(root, 'chosen');
    await s.create(dir, passphrase);
    expect((await preferences.read()).vaultDir).toBe(dir);
    expect(await s.status()).toMatchObject({ state: 'locked', dir, vaultId: null });
    await s.unlock(passphrase);
    expect(await s.state()).toBe('unlocked');
    const key = s.require().identity.secretKey;
    await s.lock();
    expect(await s.state()).toBe('locked');
    expect(key.every((b) => b === 0)).toBe(true);
    expect(() => s.require()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
  });

  it('locks itself after the idle timeout, and activity restarts the countdown', async () => {
    const s = session();
    await s.create(s.dir, passphrase);
    await s.setAutoLock(5);
    await s.unlock(passphrase);
    expect(timers.at(-1)).toMatchObject({ ms: 5 * 60_000, cleared: false });
    s.touch();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(timers.at(-2)?.cleared).toBe(true);
    const locked: string[] = [];
    s.onLock(() => locked.push('locked'));
    timers.at(-1)?.fire();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await s.state()).toBe('locked');
    expect(locked).toEqual(['locked']);
  });

  it('never arms a timer when auto-lock is off', async () => {
    const s = session();
    await s.create(s.dir, passphrase);
    await s.setAutoLock(0);
    await s.unlock(passphrase);
    expect(timers.filter((t) => !t.cleared)).toEqual([]);
    await s.lock();
  });

  it('changes the passphrase only when the current one is right', async () => {
    const s = session();
    await s.create(s.dir, passphrase);
    await s.unlock(passphrase);
    await expect(
      s.changePassphrase('not the passphrase', 'a brand new passphrase'),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await s.changePassphrase(passphrase, 'a brand new passphrase');
    await s.lock();
    await expect(s.unlock(passphrase)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await s.unlock('a brand new passphrase');
    await s.lock();
  });

  it('recovers with the recovery key and a new passphrase', async () => {
    const s = session();
    const { recoveryKey } = await s.create(s.dir, passphrase);
    await s.recover(recoveryKey, 'the passphrase after recovery');
    expect(await s.state()).toBe('unlocked');
    await s.lock();
    await s.unlock('the passphrase after recovery');
    await s.lock();
  });

  it('refuses a second process while unlocked', async () => {
    const s = session();
    await s.create(s.dir, passphrase);
    await s.unlock(passphrase);
    await expect(session(s.dir).unlock(passphrase)).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    await s.lock();
  });
});
