import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  removeStaleTempFiles,
  writeFileAtomic,
  type FileOpener,
} from '../../../electron/core/vault/atomic-write';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

/** Opens the temp file for real, but its writes fail with ENOSPC once `room` bytes are used. */
function diskWithRoom(room: number): FileOpener {
  return async (path) => {
    const handle = await open(path, 'wx', 0o600);
    let used = 0;
    const fail = () =>
      Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    return new Proxy(handle, {
      get(target, property, receiver) {
        if (property === 'writeFile') {
          return async (data: Uint8Array) => {
            used += data.length;
            if (used > room) throw fail();
            return target.writeFile(data);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  };
}

describe('atomic writes', () => {
  it('replace a file whole', async () => {
    const target = join(dir, 'case.age');
    await writeFile(target, 'old');
    await writeFileAtomic(target, Buffer.from('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['case.age']);
  });

  it('turn ENOSPC into DISK_FULL and leave the previous state intact, with no temp file', async () => {
    const target = join(dir, 'case.age');
    await writeFile(target, 'the previous state');
    await expect(
      writeFileAtomic(target, Buffer.alloc(10_000, 1), diskWithRoom(100)),
    ).rejects.toMatchObject({
      code: 'DISK_FULL',
    });
    expect(await readFile(target, 'utf8')).toBe('the previous state');
    expect(await readdir(dir)).toEqual(['case.age']);
  });

  it('stream content, and clean up when the stream fails', async () => {
    const target = join(dir, 'blob.age');
    await writeFileAtomic(target, async (sink) => {
      await new Promise<void>((resolve, reject) =>
        sink.end(Buffer.from('streamed'), (e?: Error | null) => (e ? reject(e) : resolve())),
      );
    });
    expect(await readFile(target, 'utf8')).toBe('streamed');
    await expect(
      writeFileAtomic(target, () =>
        Promise.reject(Object.assign(new Error('disk'), { code: 'ENOSPC' })),
      ),
    ).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(await readFile(target, 'utf8')).toBe('streamed');
    expect(await readdir(dir)).toEqual(['blob.age']);
  });

  it('clear temp files a crash left behind', async () => {
    await writeFile(join(dir, '.habeas-tmp-case.age-0a1b2c'), 'half');
    await writeFile(join(dir, 'case.age'), 'whole');
    expect(await removeStaleTempFiles(dir)).toBe(1);
    expect(await readdir(dir)).toEqual(['case.age']);
  });
});
