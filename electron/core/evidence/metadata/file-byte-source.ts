import { open } from 'node:fs/promises';
import type { ByteSource } from './types';

/** A ByteSource over a file on disk (tests, the CLI): reads ranges through one file handle. */
export async function fileByteSource(
  path: string,
): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset: number, length: number): Promise<Uint8Array> {
        const wanted = Math.max(0, Math.min(length, size - offset));
        const buffer = new Uint8Array(wanted);
        let done = 0;
        while (done < wanted) {
          const { bytesRead } = await handle.read(buffer, done, wanted - done, offset + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return buffer.subarray(0, done);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
