import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { searchFields, searchHitKinds } from '../../../shared/search';
import { type X25519Identity, decryptBuffer, encryptBuffer } from '../crypto';
import { writeFileAtomic } from '../vault/atomic-write';
import type { SerializedIndex } from './case-index';
import { documentVersion, type SearchDoc } from './search-documents';

/**
 * `cases/<id>/search.age`: a case's search index, so that a large case need not be indexed
 * again at every unlock. An age v1 file to the case's own identity (like case.age), written
 * atomically; its payload is gzip of one JSON document:
 *
 *   { format: "habeas-search-index", version: 1, documentVersion,
 *     docs: [search documents, with their text and signature],
 *     index: MiniSearch's own serialisation of the inverted index }
 *
 * The index is derived data: a file that is missing, cannot be decrypted, does not parse or
 * was made by another documentVersion is ignored and the index is built again from the case.
 * With the case's identity, `age -d -i key.txt search.age | gunzip` shows it without Habeas.
 */

export const indexFileName = 'search.age';
const format = 'habeas-search-index';
const fileVersion = 1;

const segmentSchema = z.object({ text: z.string(), at: z.number().nonnegative().optional() });

const docSchema = z.object({
  id: z.string().min(3).max(40),
  kind: z.enum(searchHitKinds),
  entityId: z.uuid(),
  title: z.string(),
  date: z.string().optional(),
  sourceId: z.uuid().optional(),
  personIds: z.array(z.uuid()).optional(),
  textBlobId: z.string().optional(),
  pages: z.number().int().positive().optional(),
  fields: z.partialRecord(z.enum(searchFields), z.array(segmentSchema)),
  sig: z.string(),
});

const fileSchema = z.object({
  format: z.literal(format),
  version: z.literal(fileVersion),
  documentVersion: z.literal(documentVersion),
  docs: z.array(docSchema),
  // MiniSearch checks its own serialisation when it loads it.
  index: z.custom<SerializedIndex>(
    (value) => typeof value === 'object' && value !== null && 'serializationVersion' in value,
  ),
});

const gzipped = promisify(gzip);
const gunzipped = promisify(gunzip);

export type IndexSnapshot = {
  readonly index: SerializedIndex;
  readonly docs: readonly SearchDoc[];
};

/** The persisted index, or null when there is none or it cannot be used. Never throws. */
export async function readIndexFile(
  path: string,
  identity: X25519Identity,
): Promise<IndexSnapshot | null> {
  try {
    const plaintext = await decryptBuffer(await readFile(path), [
      { kind: 'x25519', secretKey: identity.secretKey },
    ]);
    const parsed = fileSchema.safeParse(JSON.parse((await gunzipped(plaintext)).toString('utf8')));
    return parsed.success ? { index: parsed.data.index, docs: parsed.data.docs } : null;
  } catch {
    return null;
  }
}

/** Encrypts the index to the case's public key and replaces the file atomically. */
export async function writeIndexFile(
  path: string,
  publicKey: Uint8Array,
  snapshot: IndexSnapshot,
): Promise<number> {
  const json = JSON.stringify({
    format,
    version: fileVersion,
    documentVersion,
    docs: snapshot.docs,
    index: snapshot.index,
  });
  const compressed = await gzipped(Buffer.from(json, 'utf8'), { level: 4 });
  const ciphertext = await encryptBuffer(compressed, [{ kind: 'x25519', publicKey }]);
  await writeFileAtomic(path, ciphertext);
  return ciphertext.length;
}
