import { randomBytes } from 'node:crypto';
import { link, open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { HabeasError } from '../habeas-error';

/**
 * `habeas.lock`: one process at a time writes a vault (the app and the CLI alike). It is created
 * with O_EXCL and holds the owner's pid and host. A lock whose process is gone on this host is
 * stale and taken over; a lock from another host (a vault on a shared drive) is respected, and
 * an unreadable one is respected until it is old enough to be the wreck of a crash.
 */
export const lockFileName = 'habeas.lock';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  since: z.string(),
});
type Holder = z.infer<typeof holderSchema>;

export type VaultLock = { release(): Promise<void> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The holder is written and synced to a temp file first, then hard-linked into place: link()
 * fails if the lock exists, and when it succeeds the lock appears whole, so no other process
 * can ever read a half-written lock and mistake it for a stale one.
 */
async function tryCreate(path: string, me: Holder): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(me));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** A lock that cannot be read is taken over only once it is this old: it is no live writer's. */
const unreadableGraceMs = 10_000;

async function isOldEnough(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info === undefined || Date.now() - info.mtimeMs > unreadableGraceMs;
}

export async function acquireVaultLock(vaultDir: string): Promise<VaultLock> {
  const path = join(vaultDir, lockFileName);
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await tryCreate(path, me)) {
      return {
        release: async () => {
          const holder = await readHolder(path);
          if (holder?.pid === me.pid && holder.host === me.host)
            await unlink(path).catch(() => undefined);
        },
      };
    }
    const holder = await readHolder(path);
    if (holder === null && !(await isOldEnough(path))) {
      throw new HabeasError('VAULT_IN_USE', 'The vault is being opened by another Habeas process.');
    }
    const live = holder !== null && (holder.host !== me.host || isAlive(holder.pid));
    if (live) {
      throw new HabeasError(
        'VAULT_IN_USE',
        `The vault is in use by another Habeas process (pid ${holder.pid}).`,
        {
          pid: holder.pid,
        },
      );
    }
    // Stale (its process is gone) or unreadable (a crash while it was written): take it over.
    await unlink(path).catch(() => undefined);
  }
  throw new HabeasError('VAULT_IN_USE', 'The vault lock could not be taken.');
}
