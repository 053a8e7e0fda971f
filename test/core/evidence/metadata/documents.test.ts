import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEvidence } from '../../../../electron/core/evidence/metadata';
import {
  facts,
  makeDocumentFixtures,
  type DocumentFixtures,
} from '../../../fixtures/evidence-fixtures';
import { extractFile, tempDir, virtualSource } from './extract-helpers';

let files: DocumentFixtures;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  files = await makeDocumentFixtures(temp.dir);
}, 60_000);
afterAll(() => remove());

describe('saved articles', () => {
  it('reads a Russian article: title, author, date, outlet, language, address and text', async () => {
    const a = facts.articleRu;
    const result = await extractFile(files.htmlRu, { kind: 'article' });
    expect(result.mimeType).toBe('text/html');
    expect(result.article).toMatchObject({
      title: a.title,
      author: a.author,
      published: a.published,
      siteName: a.siteName,
      language: 'ru',
      url: a.url,
    });
    expect(result.article?.excerpt).toContain(a.phrase);
    expect(result.text).toContain(`${a.phrase} и его сослуживец`);
    expect(result.text).toContain('статье 332');
    // The outlet's navigation and footer are not the article.
    expect(result.text).not.toContain('©');
    expect(result.notes).toEqual([]);
  });

  it('reads an English article', async () => {
    const a = facts.articleEn;
    const result = await extractFile(files.htmlEn, { kind: 'article' });
    expect(result.article).toMatchObject({
      title: a.title,
      author: a.author,
      published: a.published,
      siteName: a.siteName,
      language: 'en',
      url: a.url,
    });
    expect(result.text).toContain(a.phrase);
  });

  it('reads a page Chrome saved as MHTML, with the address it was saved from', async () => {
    const a = facts.articleRu;
    const result = await extractFile(files.mhtml, { kind: 'article' });
    expect(result.mimeType).toBe('multipart/related');
    expect(result.metadata.format).toBe('MHTML');
    expect(result.article).toMatchObject({
      title: a.title,
      author: a.author,
      published: a.published,
      siteName: a.siteName,
      url: facts.mhtml.url,
    });
    expect(result.text).toContain(`${a.phrase} и его сослуживец`);
  });

  it('does not parse HTML above the size cap', async () => {
    const size = 60 * 1024 * 1024;
    const source = virtualSource(size, [
      { at: 0, bytes: new TextEncoder().encode('<!DOCTYPE html><html><body>') },
    ]);
    const result = await extractEvidence({
      kind: 'article',
      fileName: 'page.html',
      declaredMimeType: 'text/html',
      source,
    });
    expect(result.mimeType).toBe('text/html');
    expect(result.notes.map((n) => n.code)).toEqual(['too-large-to-analyse']);
    expect(source.bytesRead()).toBeLessThan(1024 * 1024);
  });
});

describe('statements and documents', () => {
  const s = facts.statement;

  it('reads a Word document: text, title, author and dates', async () => {
    const result = await extractFile(files.docx, { kind: 'statement' });
    expect(result.mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(result.metadata).toMatchObject({
      format: 'DOCX',
      title: s.title,
      author: s.author,
      createdAt: new Date(s.created).toISOString(),
    });
    expect(result.text).toContain(s.sentence);
  });

  it('reads an OpenDocument text', async () => {
    const result = await extractFile(files.odt, { kind: 'statement' });
    expect(result.mimeType).toBe('application/vnd.oasis.opendocument.text');
    expect(result.metadata).toMatchObject({ format: 'ODT', title: s.title, author: s.author });
    expect(result.text).toContain(s.sentence);
  });

  it('keeps an RTF file with its format, and says its text is not read', async () => {
    const result = await extractFile(files.rtf, { kind: 'statement' });
    expect(result.mimeType).toBe('application/rtf');
    expect(result.metadata).toEqual({ format: 'RTF' });
    expect(result.text).toBeUndefined();
    expect(result.notes.map((n) => n.code)).toEqual(['unsupported-format']);
  });

  it.each([
    ['UTF-8', 'txtUtf8'],
    ['Windows-1251', 'txtCp1251'],
  ] as const)('reads Russian plain text in %s', async (_encoding, key) => {
    const result = await extractFile(files[key], { kind: 'statement' });
    expect(result.mimeType).toBe('text/plain');
    expect(result.text).toBe(`${s.title}\n\n${s.sentence}`);
  });
});
