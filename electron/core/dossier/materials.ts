import { createHash } from 'node:crypto';
import type { CaseFile } from '../cases/case-file';
import type { BlobStore } from '../vault/blob-store';
import type { DossierContent, Exhibit } from './content';
import { namesProtected } from './disclosure';
import { needsOriginal } from './exhibit-kinds';
import type { ExhibitMaterial } from './exhibits';

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
    for await (const chunk of blobs.chunks(blobId)) chunks.push(chunk);
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
      for await (const bytes of blobs.chunks(file.blobId)) {
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
    let unreadable = false;
    const text =
      item.textBlob === undefined || item.statement !== undefined
        ? undefined
        : (
            await readAll(item.textBlob.blobId).catch(() => {
              unreadable = true;
              return undefined;
            })
          )?.toString('utf8');
    const stills =
      item.kind === 'video'
        ? await Promise.all(
            item.stills.map(async (s) => ({ at: s.at, png: await readAll(s.blobId) })),
          ).catch(() => undefined)
        : undefined;
    // Pages, pictures and stills cannot be redacted here: in a disclosure build, an item that
    // may name a protected witness (linked to one, a statement by one, or naming one in its
    // text, title or file name) is given as pseudonymised text, or withheld. So is one whose
    // text could not be read, as it cannot be checked.
    if (content.request.disclosure && (bytes !== undefined || (stills?.length ?? 0) > 0)) {
      const witness = item.statement?.witnessPersonId;
      const linked =
        item.personIds.some((id) => content.protectedPersonIds.has(id)) ||
        (witness !== undefined && content.protectedPersonIds.has(witness));
      const named = [
        text,
        item.statement?.text,
        item.statement?.witness,
        item.title,
        item.file?.name,
        item.notes,
      ]
        .filter((t): t is string => t !== undefined)
        .some(mentionsProtected);
      if (linked || named || unreadable) {
        const readable = text ?? item.statement?.text;
        return { problem: 'redacted', ...(readable === undefined ? {} : { text: readable }) };
      }
    }
    return {
      ...(bytes === undefined ? {} : { bytes }),
      ...(text === undefined ? {} : { text }),
      ...(stills === undefined ? {} : { stills }),
    };
  }

  return { material, failed: (): ReadonlySet<number> => failed };
}
