import { extractInWorker } from './worker-client';
import type { Extraction, ExtractionInput } from './types';

/**
 * Technical metadata and text of an evidence file, read at intake: the format as sniffed from
 * the bytes, EXIF and GPS of photos, duration and codecs of recordings, a PDF's properties and
 * text layer, a saved article's author, date and main text. Parsing happens on a separate
 * thread under memory and time limits. Never throws because of what a file contains: what
 * could not be read becomes a note and the rest is returned; throws CANCELLED when the signal
 * aborts, and the source's own error when the source cannot be read.
 */
export function extractEvidence(input: ExtractionInput): Promise<Extraction> {
  return extractInWorker(input);
}

export { fileByteSource } from './file-byte-source';
export type { ArticleInfo, ByteSource, Extraction, ExtractionInput } from './types';
