import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { HabeasError } from '../habeas-error';

/**
 * Crash-safe replacement of a file: write a temp file beside it, fsync it, rename it over the
 * target, fsync the folder. A crash at any instant leaves the old file or the new one, never a
 * torn one; at worst a stray temp file, which removeStaleTempFiles clears.
 */
export type FileOpener = (path: string) => Promise<FileHandle>;

const tempMarker = '.habeas-tmp-';
const openExclusive: FileOpener = (path) => open(path, 'wx', 0o600);

export type Content = Uint8Array | ((sink: Writable) => Promise<void>);

export async function writeFileAtomic(
  target: string,
  content: Content,
  openTemp: FileOpener = openExclusive,
): Promise<void> {
  const temp = join(
    dirname(target),
    `${tempMarker}${basename(target)}-${randomBytes(6).toString('hex')}`,
  );
  let handle: FileHandle | undefined;
  let sink: WriteStream | undefined;
  try {
    if (content instanceof Uint8Array) {
      handle = await openTemp(temp);
      await handle.writeFile(content);
    } else {
      // A stream of its own (it closes its descriptor when done), then the file is reopened
      // to fsync it: fsync flushes the file, whichever descriptor asks.
      sink = createWriteStream(temp, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 });
      await content(sink);
      handle = await open(temp, 'r+');
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
    await syncDirectory(dirname(target));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // The stream opens its file lazily: let it open or fail, and close, before the unlink.
    if (sink !== undefined && !sink.closed) {
      sink.destroy();
      await once(sink, 'close').catch(() => undefined);
    }
    await unlink(temp).catch(() => undefined);
    throw asDiskError(error);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files that a crash left behind in dir. Call only while holding the vault lock. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(tempMarker));
  await Promise.all(stale.map((name) => unlink(join(dir, name)).catch(() => undefined)));
  return stale.length;
}

export function asDiskError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new HabeasError('DISK_FULL', 'The disk is full. Nothing was changed.');
  }
  return error;
}
