import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extractEvidence,
  fileByteSource,
  type ByteSource,
  type Extraction,
} from '../../../../electron/core/evidence/metadata';
import { extractInWorker } from '../../../../electron/core/evidence/metadata/worker-client';
import { HabeasError } from '../../../../electron/core/habeas-error';
import {
  facts,
  makeDocumentFixtures,
  makeHostileFixtures,
  makeMediaFixtures,
  makePdfFixtures,
  type DocumentFixtures,
  type HostileFixtures,
  type MediaFixtures,
  type PdfFixtures,
} from '../../../fixtures/evidence-fixtures';
import { extractFile, tempDir, virtualSource } from './extract-helpers';

/**
 * Analysis threads are kept from one file to the next (starting one costs half a second). These
 * tests run files in a row and side by side, with failures in between, and check that every
 * file still gets its own, complete answer.
 */
let pdfs: PdfFixtures;
let documents: DocumentFixtures;
let media: MediaFixtures;
let hostile: HostileFixtures;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  [pdfs, documents, media] = await Promise.all([
    makePdfFixtures(temp.dir),
    makeDocumentFixtures(temp.dir),
    makeMediaFixtures(temp.dir),
  ]);
  hostile = await makeHostileFixtures(temp.dir, media.mp4);
}, 120_000);
afterAll(() => remove());

function textSource(text: string): ByteSource {
  const bytes = new TextEncoder().encode(text);
  return virtualSource(bytes.length, [{ at: 0, bytes }]);
}

function note(n: number): string {
  return `Заметка ${n}: задержан у части ${n % 7}, протокол ${n * 13}.`;
}

/** What a lawyer checks of each kind of file: its text, or for a video its codec. */
const expectations: [string, () => string, (r: Extraction) => void][] = [
  ['a Cyrillic PDF', () => pdfs.cyrillic, (r) => expect(r.text).toContain(facts.pdf.sentence)],
  [
    'a saved article',
    () => documents.htmlRu,
    (r) => expect(r.article?.author).toBe(facts.articleRu.author),
  ],
  [
    'a Word statement',
    () => documents.docx,
    (r) => expect(r.text).toContain(facts.statement.sentence),
  ],
  ['a video', () => media.mp4, (r) => expect(r.metadata.videoCodecs).toEqual(['H.264'])],
];

async function expectReadAsUsual(): Promise<void> {
  for (const [, path, check] of expectations) check(await extractFile(path()));
}

describe('analysis threads kept from one file to the next', () => {
  it('read files of every kind one after another, each with its own results', async () => {
    for (let round = 0; round < 3; round++) await expectReadAsUsual();
  });

  it('read files side by side without mixing up their answers', async () => {
    const all = [...expectations, ...expectations];
    const results = await Promise.all(all.map(([, path]) => extractFile(path())));
    results.forEach((result, i) => all[i]![2](result));
  });

  it('give each of many small files its own text, past the point where a thread is replaced', async () => {
    for (let n = 0; n < 120; n++) {
      const result = await extractEvidence({
        kind: 'document',
        fileName: `note-${n}.txt`,
        declaredMimeType: 'text/plain',
        source: textSource(note(n)),
      });
      expect(result.text).toBe(note(n));
    }
  });

  it('read the next files as usual after one that ran out of time', async () => {
    await expectReadAsUsual();
    const source = await fileByteSource(documents.htmlRu);
    try {
      const stopped = await extractInWorker(
        { kind: 'article', fileName: 'article.html', declaredMimeType: '', source },
        { limits: { timeMs: 1, heapMb: 512 } },
      );
      expect(stopped.notes.map((n) => n.code)).toEqual(['analysis-failed']);
    } finally {
      await source.close();
    }
    await expectReadAsUsual();
  });

  it('read the next files as usual after hostile files made a parser give up', async () => {
    const nested = await extractFile(hostile.nestedHtml, { kind: 'article' });
    expect(nested.notes.map((n) => n.code)).toEqual(['analysis-failed']);
    const random = await extractFile(hostile.randomMp4, { kind: 'video' });
    expect(random.notes.map((n) => n.code)).toEqual(['damaged']);
    await expectReadAsUsual();
  });

  it('read the next files as usual after one that ran out of memory', async () => {
    const source = await fileByteSource(documents.htmlRu);
    try {
      const starved = await extractInWorker(
        { kind: 'article', fileName: 'article.html', declaredMimeType: 'text/html', source },
        { limits: { timeMs: 60_000, heapMb: 4 } },
      );
      expect(starved.notes.map((n) => n.code)).toEqual(['analysis-failed']);
    } finally {
      await source.close();
    }
    await expectReadAsUsual();
  });

  it('ignore bytes that arrive for a cancelled file, and read the next ones as usual', async () => {
    const controller = new AbortController();
    const late: (() => void)[] = [];
    const inner = textSource(note(1));
    // The source answers only after the intake was cancelled: that answer is for a dead job.
    const source: ByteSource = {
      size: inner.size,
      read: (offset, length) => {
        controller.abort();
        return new Promise((done) => late.push(() => done(inner.read(offset, length))));
      },
    };
    await expect(
      extractEvidence({
        kind: 'document',
        fileName: 'note.txt',
        declaredMimeType: '',
        source,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    for (const answer of late) answer();
    await expectReadAsUsual();
  });

  it("pass on a source's failure, then read the next files as usual", async () => {
    const failing: ByteSource = {
      size: 1024,
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
    await expectReadAsUsual();
  });

  it('do not keep a finished process alive (a CLI run ends as soon as its work is done)', async () => {
    const index = resolve(
      import.meta.dirname,
      '../../../../electron/core/evidence/metadata/index.ts',
    );
    // Two files, so that a thread is left idle; then: what still holds the process open?
    const script = `
      const { extractEvidence } = await import(process.argv[1]);
      const bytes = new TextEncoder().encode(${JSON.stringify(note(7))});
      const source = { size: bytes.length, read: async (at, n) => bytes.slice(at, at + n) };
      const input = { kind: 'document', fileName: 'note.txt', declaredMimeType: '', source };
      await extractEvidence(input);
      const { text } = await extractEvidence(input);
      // Less the process's own stdio pipes, which never hold it open.
      const holding = process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap');
      console.log(JSON.stringify({ text, holding }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, pathToFileURL(index).href],
      { timeout: 25_000 },
    );
    expect(JSON.parse(stdout)).toEqual({ text: note(7), holding: [] });
  });
});
