import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import {
  intakeFieldsSchema,
  technicalMetadataSchema,
  type EvidenceRecord,
  type IntakeFields,
  type IntakeNote,
} from '../../../shared/evidence';
import { changeCase, resolveCaseId } from '../cases/case-service';
import { caseStore } from '../cases/case-store';
import { HabeasError } from '../habeas-error';
import type { BlobStore } from '../vault/blob-store';
import type { UnlockedVault } from '../vault/vault';
import { logCustody } from './custody-entry';
import { buildRecord } from './intake-record';
import { extractEvidence, type Extraction } from './metadata';
import { resolveSource } from './sources';

export type IntakeSource = {
  readonly stream: Readable | AsyncIterable<Uint8Array>;
  readonly fileName: string;
  readonly declaredMimeType: string;
  /** The size the sender announced: a stream that ends short or long is refused. */
  readonly expectedSize?: number;
};

export type IntakeOutcome =
  | { readonly status: 'added'; readonly item: EvidenceRecord }
  | { readonly status: 'duplicate'; readonly existing: EvidenceRecord };

/** A file's name as given, reduced to its last part: never a path, never a control character. */
export function cleanFileName(name: string): string {
  const last = basename(name.replaceAll('\\', '/')).normalize('NFC');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean === '' || clean === '.' || clean === '..')
    throw new HabeasError('VALIDATION_FAILED', 'The file has no usable name.');
  return clean.slice(0, 1000);
}

function parseFields(fields: IntakeFields): IntakeFields {
  const parsed = intakeFieldsSchema.safeParse(fields);
  if (!parsed.success)
    throw new HabeasError('VALIDATION_FAILED', 'The evidence details are not valid.');
  return parsed.data;
}

/**
 * Takes one file into a case: stored byte for byte as an encrypted blob with its SHA-256 taken
 * in the same pass, then read back for its metadata and text. A file already in the case (same
 * hash) is not stored twice. Any failure removes what this intake stored: nothing partial stays.
 */
export async function intakeFile(
  vault: UnlockedVault,
  caseIdOrPrefix: string,
  source: IntakeSource,
  fields: IntakeFields,
  actor: string,
  signal?: AbortSignal,
): Promise<IntakeOutcome> {
  const caseId = resolveCaseId(vault, caseIdOrPrefix);
  const clean = parseFields(fields);
  const fileName = cleanFileName(source.fileName);
  const blobs = caseStore(vault).blobs(caseId);
  const blob = await blobs.put(source.stream, signal);
  const stored = [blob.id];
  try {
    if (source.expectedSize !== undefined && blob.size !== source.expectedSize)
      throw new HabeasError('VALIDATION_FAILED', 'The file arrived incomplete.');
    if (blob.size === 0) throw new HabeasError('UNSUPPORTED_FILE', 'The file is empty.');
    const existing = await findDuplicate(vault, caseId, blob.sha256);
    if (existing !== undefined) {
      await blobs.delete(blob.id);
      return { status: 'duplicate', existing };
    }
    const extraction = await extract(
      blobs,
      blob.id,
      clean,
      fileName,
      source.declaredMimeType,
      signal,
    );
    const text = extraction.text;
    const textBlob =
      text === undefined || text.trim() === ''
        ? undefined
        : await blobs.put(Readable.from([Buffer.from(text, 'utf8')]), signal);
    if (textBlob !== undefined) stored.push(textBlob.id);
    signal?.throwIfAborted();
    const outcome = await changeCase(vault, caseId, (data, now): IntakeOutcome => {
      // Two uploads of the same file at once: the second finds the first here.
      const twin = data.evidence.find((e) => e.file?.sha256 === blob.sha256);
      if (twin !== undefined) return { status: 'duplicate', existing: twin };
      const sourceId = resolveSource(data, clean, extraction.article?.siteName, now);
      const item = buildRecord({
        id: randomUUID(),
        fields: clean,
        sourceId,
        file: {
          blobId: blob.id,
          name: fileName,
          mimeType: extraction.mimeType,
          size: blob.size,
          sha256: blob.sha256,
        },
        extraction,
        textBlob:
          textBlob === undefined || text === undefined
            ? undefined
            : { blobId: textBlob.id, chars: text.length },
        now,
      });
      data.evidence.push(item);
      logCustody(data, {
        action: 'intake',
        subject: { kind: 'evidence', id: item.id },
        actor,
        at: now,
        details: {
          fileName,
          sha256: blob.sha256,
          size: blob.size,
          mimeType: extraction.mimeType,
          kind: item.kind,
        },
      });
      return { status: 'added', item };
    });
    if (outcome.status === 'duplicate') for (const id of stored) await blobs.delete(id);
    return outcome;
  } catch (error) {
    for (const id of stored) await blobs.delete(id).catch(() => undefined);
    if (signal?.aborted === true) throw new HabeasError('CANCELLED', 'Cancelled.');
    throw error;
  }
}

async function findDuplicate(
  vault: UnlockedVault,
  caseId: string,
  sha256: string,
): Promise<EvidenceRecord | undefined> {
  const data = await caseStore(vault).read(caseId);
  return data.evidence.find((e) => e.file?.sha256 === sha256);
}

/** Reads the stored original back (random access, decrypting only what the parsers ask for). */
async function extract(
  blobs: BlobStore,
  blobId: string,
  fields: IntakeFields,
  fileName: string,
  declaredMimeType: string,
  signal?: AbortSignal,
): Promise<Extraction> {
  const file = await blobs.open(blobId);
  try {
    const size = file.plaintextSize;
    const extraction = await extractEvidence({
      kind: fields.kind,
      fileName,
      declaredMimeType,
      source: {
        size,
        read: (offset, length) => file.readRange(offset, Math.min(size, offset + length)),
      },
      ...(signal === undefined ? {} : { signal }),
    });
    const metadata = technicalMetadataSchema.safeParse(extraction.metadata);
    if (metadata.success) return extraction;
    const notes: IntakeNote[] = [...extraction.notes, { code: 'analysis-failed' }];
    return { ...extraction, metadata: {}, notes };
  } finally {
    await file.close();
  }
}
