import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { EvidenceKind } from '../../../../shared/evidence';
import {
  extractEvidence,
  fileByteSource,
  type ByteSource,
  type Extraction,
} from '../../../../electron/core/evidence/metadata';

/** Runs the real extraction (worker thread and all) on a file on disk. */
export async function extractFile(
  path: string,
  options: { kind?: EvidenceKind; declaredMimeType?: string; fileName?: string } = {},
): Promise<Extraction> {
  const source = await fileByteSource(path);
  try {
    return await extractEvidence({
      kind: options.kind ?? 'other',
      fileName: options.fileName ?? basename(path),
      declaredMimeType: options.declaredMimeType ?? '',
      source,
    });
  } finally {
    await source.close();
  }
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'habeas-metadata-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A file that exists only as parts laid end to end, with zeros between them: a 4 GiB video
 * or a 300 MiB PDF without writing one. It counts the bytes the extraction read.
 */
export function virtualSource(
  size: number,
  parts: readonly { at: number; bytes: Uint8Array }[],
): ByteSource & { bytesRead: () => number } {
  let read = 0;
  return {
    size,
    bytesRead: () => read,
    read(offset: number, length: number): Promise<Uint8Array> {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      for (const part of parts) {
        const from = Math.max(offset, part.at);
        const to = Math.min(end, part.at + part.bytes.length);
        if (from < to) out.set(part.bytes.subarray(from - part.at, to - part.at), from - offset);
      }
      read += out.length;
      return Promise.resolve(out);
    },
  };
}
