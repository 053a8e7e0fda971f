import { spawn } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireVaultLock, lockFileName } from '../../../electron/core/vault/vault-lock';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

function lockOf(pid: number, host = hostname()): string {
  return JSON.stringify({ pid, host, since: new Date().toISOString() });
}

describe('the vault lock', () => {
  it('lets one holder in at a time and names the holder', async () => {
    const lock = await acquireVaultLock(dir);
    await expect(acquireVaultLock(dir)).rejects.toMatchObject({
      code: 'VAULT_IN_USE',
      details: { pid: process.pid },
    });
    await lock.release();
    const again = await acquireVaultLock(dir);
    await again.release();
  });

  it('refuses while another live process holds it', async () => {
    const child = spawn('sleep', ['30']);
    try {
      await writeFile(join(dir, lockFileName), lockOf(child.pid ?? 0));
      await expect(acquireVaultLock(dir)).rejects.toMatchObject({
        code: 'VAULT_IN_USE',
        details: { pid: child.pid },
      });
    } finally {
      child.kill();
    }
  });

  it('takes over a stale lock whose process is gone, and an unreadable one', async () => {
    const child = spawn('true');
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(join(dir, lockFileName), lockOf(child.pid ?? 0));
    const lock = await acquireVaultLock(dir);
    expect(JSON.parse(await readFile(join(dir, lockFileName), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await lock.release();

    await writeFile(join(dir, lockFileName), '{"pid":');
    await expect(acquireVaultLock(dir)).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, lockFileName), old, old);
    await (await acquireVaultLock(dir)).release();
  });

  it('never lets two processes in at once, racing for a fresh vault (20 rounds)', async () => {
    for (let round = 0; round < 20; round += 1) {
      const results = await Promise.allSettled([
        acquireVaultLock(dir),
        acquireVaultLock(dir),
        acquireVaultLock(dir),
      ]);
      const winners = results.filter((r) => r.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      await (winners[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
    }
  });

  it('respects a lock held from another computer', async () => {
    await writeFile(join(dir, lockFileName), lockOf(12345, 'another-laptop'));
    await expect(acquireVaultLock(dir)).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
  });
});
