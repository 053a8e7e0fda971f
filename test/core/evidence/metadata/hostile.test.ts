import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEvidence, fileByteSource } from '../../../../electron/core/evidence/metadata';
import { extractInWorker } from '../../../../electron/core/evidence/metadata/worker-client';
import { HabeasError } from '../../../../electron/core/habeas-error';
import { technicalMetadataSchema } from '../../../../shared/evidence';
import {
  makeHostileFixtures,
  makeMediaFixtures,
  makeDocumentFixtures,
  type DocumentFixtures,
  type HostileFixtures,
  type MediaFixtures,
} from '../../../fixtures/evidence-fixtures';
import { extractFile, tempDir, virtualSource } from './extract-helpers';

let hostile: HostileFixtures;
let media: MediaFixtures;
let documents: DocumentFixtures;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  media = await makeMediaFixtures(temp.dir);
  documents = await makeDocumentFixtures(temp.dir);
  hostile = await makeHostileFixtures(temp.dir, media.mp4);
}, 120_000);
afterAll(() => remove());

describe('files made to hurt a parser', () => {
  it('keeps an empty file with a note', async () => {
    const result = await extractFile(hostile.empty, { declaredMimeType: 'application/pdf' });
    expect(result.mimeType).toBe('application/pdf');
    expect(result.notes.map((n) => n.code)).toEqual(['damaged']);
  });

  it('calls random bytes named .mp4 damaged, without throwing', async () => {
    const result = await extractFile(hostile.randomMp4, { kind: 'video' });
    expect(result.mimeType).toBe('video/mp4');
    expect(result.metadata).toEqual({});
    expect(result.notes.map((n) => n.code)).toEqual(['damaged']);
  });

  it('calls an MP4 cut before its index damaged', async () => {
    const result = await extractFile(media.truncatedMp4, { kind: 'video' });
    expect(result.mimeType).toBe('video/mp4');
    expect(result.notes.map((n) => n.code)).toEqual(['damaged']);
  });

  it('keeps the text of a page nested 100,000 deep, and says the article reader gave up', async () => {
    const result = await extractFile(hostile.nestedHtml, { kind: 'article' });
    expect(result.mimeType).toBe('text/html');
    expect(result.text).toBe('deep text');
    expect(result.notes.map((n) => n.code)).toEqual(['analysis-failed']);
  });

  it('reads a file whose name mixes Cyrillic, right-to-left text and an emoji', async () => {
    const result = await extractFile(hostile.oddName, { kind: 'video' });
    expect(result.mimeType).toBe('video/mp4');
    expect(result.metadata.videoCodecs).toEqual(['H.264']);
  });

  it('returns schema-valid metadata for every hostile file', async () => {
    for (const path of Object.values(hostile)) {
      const result = await extractFile(path);
      expect(technicalMetadataSchema.safeParse(result.metadata).success).toBe(true);
    }
  });
});

describe('the analysis thread', () => {
  it('is stopped at its time limit: the file gets a note and the type from its name', async () => {
    const source = await fileByteSource(documents.htmlRu);
    try {
      const result = await extractInWorker(
        { kind: 'article', fileName: 'article.html', declaredMimeType: '', source },
        { limits: { timeMs: 1, heapMb: 512 } },
      );
      expect(result.mimeType).toBe('text/html');
      expect(result.notes).toEqual([
        { code: 'analysis-failed', detail: 'The analysis took too long and was stopped.' },
      ]);
    } finally {
      await source.close();
    }
  });

  it('is stopped when it runs out of memory, and the next file is read as usual', async () => {
    const source = await fileByteSource(documents.htmlRu);
    try {
      const starved = await extractInWorker(
        { kind: 'article', fileName: 'article.html', declaredMimeType: 'text/html', source },
        { limits: { timeMs: 60_000, heapMb: 4 } },
      );
      expect(starved.notes).toEqual([
        { code: 'analysis-failed', detail: 'The analysis ran out of memory and was stopped.' },
      ]);
      const fed = await extractEvidence({
        kind: 'article',
        fileName: 'article.html',
        declaredMimeType: 'text/html',
        source,
      });
      expect(fed.article?.author).toBeDefined();
    } finally {
      await source.close();
    }
  });

  it('stops when the intake is cancelled', async () => {
    const source = await fileByteSource(media.mp4);
    try {
      const controller = new AbortController();
      const running = extractEvidence({
        kind: 'video',
        fileName: 'video.mp4',
        declaredMimeType: '',
        source,
        signal: controller.signal,
      });
      controller.abort();
      await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
      controller.abort();
      await expect(
        extractEvidence({
          kind: 'video',
          fileName: 'v.mp4',
          declaredMimeType: '',
          source,
          signal: controller.signal,
        }),
      ).rejects.toBeInstanceOf(HabeasError);
    } finally {
      await source.close();
    }
  });

  it("passes on the source's own failure (a tampered vault file), not a note", async () => {
    const broken = virtualSource(1024, []);
    const failing = {
      size: broken.size,
      read: () => Promise.reject(new HabeasError('INTEGRITY_FAILED', 'The file is damaged.')),
    };
    await expect(
      extractEvidence({
        kind: 'document',
        fileName: 'a.pdf',
        declaredMimeType: '',
        source: failing,
      }),
    ).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
  });
});
