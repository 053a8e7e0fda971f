import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEvidence } from '../../../../electron/core/evidence/metadata';
import { facts, makePdfFixtures, type PdfFixtures } from '../../../fixtures/evidence-fixtures';
import { extractFile, tempDir, virtualSource } from './extract-helpers';

let files: PdfFixtures;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  files = await makePdfFixtures(temp.dir);
}, 60_000);
afterAll(() => remove());

const p = facts.pdf;

describe('PDF documents', () => {
  it('reads the properties, the XMP packet and the Cyrillic text of every page', async () => {
    const result = await extractFile(files.cyrillic, { kind: 'document' });
    expect(result.mimeType).toBe('application/pdf');
    expect(result.metadata).toMatchObject({
      format: 'PDF 1.7',
      pageCount: 2,
      title: p.title,
      author: p.author,
      subject: p.subject,
      keywords: p.keywords,
      creator: p.creator,
      producer: p.producer,
      createdAt: p.createdAt,
      language: 'ru',
      encrypted: false,
    });
    expect(result.metadata.xmp).toContain(p.xmpMarker);
    expect(result.text).toContain(p.sentence);
    expect(result.text).toContain(p.secondPage);
    expect(result.notes).toEqual([]);
  });

  it('opens a PDF locked with an owner password only: text and properties are readable', async () => {
    const result = await extractFile(files.ownerOnly, { kind: 'document' });
    expect(result.metadata).toMatchObject({ encrypted: true, title: p.title, pageCount: 2 });
    expect(result.text).toContain(p.sentence);
    expect(result.notes).toEqual([]);
  });

  it('says a PDF needs its user password, and keeps what it can tell', async () => {
    const result = await extractFile(files.userPassword, { kind: 'document' });
    expect(result.mimeType).toBe('application/pdf');
    expect(result.metadata).toMatchObject({ format: 'PDF 1.7', encrypted: true });
    expect(result.text).toBeUndefined();
    expect(result.notes.map((n) => n.code)).toEqual(['password-protected']);
  });

  it('calls a truncated PDF damaged', async () => {
    const result = await extractFile(files.truncated, { kind: 'document' });
    expect(result.mimeType).toBe('application/pdf');
    expect(result.notes.map((n) => n.code)).toContain('damaged');
  });

  it('notes a PDF without a text layer (a scan)', async () => {
    const result = await extractFile(files.noText, { kind: 'document' });
    expect(result.metadata.pageCount).toBe(1);
    expect(result.text).toBeUndefined();
    expect(result.notes.map((n) => n.code)).toEqual(['no-text']);
  });

  it('does not parse a PDF above the size cap, and says so', async () => {
    const header = new TextEncoder().encode('%PDF-1.6\n');
    const size = 300 * 1024 * 1024;
    const trailer = new TextEncoder().encode('trailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const source = virtualSource(size, [
      { at: 0, bytes: header },
      { at: size - trailer.length, bytes: trailer },
    ]);
    const result = await extractEvidence({
      kind: 'document',
      fileName: 'bundle.pdf',
      declaredMimeType: 'application/pdf',
      source,
    });
    expect(result.metadata.format).toBe('PDF 1.6');
    expect(result.notes.map((n) => n.code)).toEqual(['too-large-to-analyse']);
    expect(source.bytesRead()).toBeLessThan(1024 * 1024);
  });
});
