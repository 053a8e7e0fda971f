import { createHash } from 'node:crypto';
import type { CaseFile } from '../cases/case-file';
import type { BlobStore } from '../vault/blob-store';
import type { DossierContent, Exhibit } from './content';
import { namesProtected } from './disclosure';
import { needsOriginal, type ExhibitMaterial } from './exhibits';

/**
 * The vault side of a build: for each exhibit, decrypts its original (every chunk
 * authenticated), hashes it anew against the hash taken at intake, and hands over what the
 * exhibit is made of. Originals that are only hashed (a 4 GB video) are streamed, never held.
 * The numbers of exhibits whose hash did not match are collected for the certificate.
 */
export function vaultMaterials(blobs: BlobStore, data: CaseFile, content: DossierContent) {
  const failed = new Set<number>();
  const mentionsProtected = namesProtected(data.persons);

  async function readAll(blobId: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await blobs.get(blobId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async function original(exhibit: Exhibit): Promise<Buffer | undefined | 'failed'> {
    const file = exhibit.item.file;
    if (file === undefined) return undefined;
    const keep = needsOriginal(exhibit);
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of await blobs.get(file.blobId)) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        if (keep) chunks.push(bytes);
      }
    } catch {
      return 'failed';
    }
    if (hash.digest('hex') !== file.sha256 || size !== file.size) return 'failed';
    return keep ? Buffer.concat(chunks) : undefined;
  }

  async function material(exhibit: Exhibit): Promise<ExhibitMaterial> {
    const item = exhibit.item;
    const bytes = await original(exhibit);
    if (bytes === 'failed') {
      failed.add(exhibit.number);
      return { problem: 'integrity-failed' };
    }
    const text =
      item.textBlob === undefined || item.statement !== undefined
        ? undefined
        : (await readAll(item.textBlob.blobId).catch(() => undefined))?.toString('utf8');
    const stills =
      item.kind === 'video'
        ? await Promise.all(
            item.stills.map(async (s) => ({ at: s.at, png: await readAll(s.blobId) })),
          ).catch(() => undefined)
        : undefined;
    // Pages and pictures cannot be redacted here: in a disclosure build, a file that may name
    // a protected witness is given as pseudonymised text, or withheld.
    if (
      content.request.disclosure &&
      bytes !== undefined &&
      (item.personIds.some((id) => content.protectedPersonIds.has(id)) ||
        (text !== undefined && mentionsProtected(text)))
    )
      return { problem: 'redacted', ...(text === undefined ? {} : { text }) };
    return {
      ...(bytes === undefined ? {} : { bytes }),
      ...(text === undefined ? {} : { text }),
      ...(stills === undefined ? {} : { stills }),
    };
  }

  return { material, failed: (): ReadonlySet<number> => failed };
}
