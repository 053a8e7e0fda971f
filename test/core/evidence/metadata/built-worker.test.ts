import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileByteSource } from '../../../../electron/core/evidence/metadata';
import { extractInWorker } from '../../../../electron/core/evidence/metadata/worker-client';
import {
  findWorkerEntry,
  type WorkerEntry,
} from '../../../../electron/core/evidence/metadata/worker-path';
import {
  facts,
  makeDocumentFixtures,
  makeMediaFixtures,
  makePdfFixtures,
  type DocumentFixtures,
  type MediaFixtures,
  type PdfFixtures,
} from '../../../fixtures/evidence-fixtures';
import { tempDir } from './extract-helpers';

const root = resolve(import.meta.dirname, '../../../..');
const outMain = join(root, 'out/main');
const sources = join(root, 'electron/core/evidence/metadata');

async function newest(dir: string): Promise<number> {
  const names = await readdir(dir);
  const times = await Promise.all(names.map(async (n) => (await stat(join(dir, n))).mtimeMs));
  return Math.max(...times);
}

/** `npm test` builds before the tests run; alone, this file builds when out/ is older. */
async function ensureBuilt(): Promise<void> {
  const built = await stat(join(outMain, 'extract-worker.js')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built >= (await newest(sources))) return;
  await promisify(execFile)(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
}

let pdfs: PdfFixtures;
let documents: DocumentFixtures;
let media: MediaFixtures;
let built: WorkerEntry;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  [pdfs, documents, media] = await Promise.all([
    makePdfFixtures(temp.dir),
    makeDocumentFixtures(temp.dir),
    makeMediaFixtures(temp.dir),
    ensureBuilt(),
  ]);
  // The client runs from a chunk in out/main/chunks/ in the build: find the thread from there.
  const entry = findWorkerEntry(join(outMain, 'chunks'));
  if (entry === undefined) throw new Error('The build has no extract-worker.js.');
  built = entry;
}, 240_000);
afterAll(() => remove());

describe('the analysis thread as built by electron-vite', () => {
  it('is found beside the entries, one folder up from the chunks', () => {
    expect(fileURLToPath(built.url)).toBe(join(outMain, 'extract-worker.js'));
    expect(built.typescript).toBe(false);
  });

  it.each([
    ['a Cyrillic PDF', () => pdfs.cyrillic, facts.pdf.sentence],
    ['a saved article', () => documents.htmlRu, facts.articleRu.phrase],
    ['a Word statement', () => documents.docx, facts.statement.sentence],
  ])('reads the text of %s', async (_what, path, expected) => {
    const source = await fileByteSource(path());
    try {
      const result = await extractInWorker(
        { kind: 'document', fileName: 'evidence', declaredMimeType: '', source },
        { entry: built },
      );
      expect(result.notes).toEqual([]);
      expect(result.text).toContain(expected);
    } finally {
      await source.close();
    }
  });

  it('reads a video', async () => {
    const source = await fileByteSource(media.mp4);
    try {
      const result = await extractInWorker(
        { kind: 'video', fileName: 'video.mp4', declaredMimeType: '', source },
        { entry: built },
      );
      expect(result.metadata).toMatchObject({ format: 'MP4', createdAt: facts.video.creationTime });
    } finally {
      await source.close();
    }
  });
});

describe('finding the analysis thread', () => {
  const exists = (paths: string[]) => (path: string) => paths.includes(path);

  it.each([
    [
      'an entry file in out/main',
      '/app/out/main',
      ['/app/out/main/extract-worker.js'],
      '/app/out/main/extract-worker.js',
    ],
    [
      'a chunk in out/main/chunks',
      '/app/out/main/chunks',
      ['/app/out/main/extract-worker.js'],
      '/app/out/main/extract-worker.js',
    ],
    [
      'the sources',
      '/src/metadata',
      ['/src/metadata/extract-worker.ts'],
      '/src/metadata/extract-worker.ts',
    ],
  ])('from %s', (_where, here, present, expected) => {
    const entry = findWorkerEntry(here, exists(present));
    expect(entry === undefined ? undefined : fileURLToPath(entry.url)).toBe(expected);
    expect(entry?.typescript).toBe(expected.endsWith('.ts'));
  });

  it('finds nothing in a build without it', () => {
    expect(findWorkerEntry('/app/out/main/chunks', exists([]))).toBeUndefined();
  });
});
