import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IntakeNote, TechnicalMetadata } from '../../../../shared/evidence';
import { realDate } from './codec-names';
import { limits } from './limits';
import type { ByteSource, FormatResult } from './types';

type PdfJs = typeof PdfJsModule;
let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js (legacy build: it runs on Node 20) with its "worker" in this same thread: we are
 * already on the analysis thread, and a nested worker would escape its resource limits.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** The package's data folders (CMaps for CJK text), as paths pdf.js reads with fs. */
function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/**
 * A PDF's info dictionary, XMP packet, page count, encryption and text layer. A PDF with an
 * owner password only opens (its text is readable, only "permissions" are set); one with a
 * user password gives `password-protected`. A file without its end-of-file marker was cut
 * short: `damaged`, with whatever pdf.js could still recover.
 */
export async function readPdf(source: ByteSource): Promise<FormatResult> {
  const head = new TextDecoder('latin1').decode(await source.read(0, 1024));
  const version = /%PDF-(\d\.\d)/.exec(head)?.[1];
  const format = version === undefined ? 'PDF' : `PDF ${version}`;
  const tail = new TextDecoder('latin1').decode(
    await source.read(Math.max(0, source.size - 2048), 2048),
  );
  const notes: IntakeNote[] = [];
  if (!tail.includes('%%EOF')) {
    notes.push({ code: 'damaged', detail: 'The PDF ends before its end-of-file marker.' });
  }
  if (source.size > limits.pdfBytes) {
    const encrypted = /\/Encrypt\b/.test(tail) ? true : undefined;
    return { metadata: { format, encrypted }, notes: [...notes, { code: 'too-large-to-analyse' }] };
  }
  const lib = await pdfjs();
  const dir = packageDir();
  const task = lib.getDocument({
    data: await source.read(0, source.size),
    // Never compile code from a document (CVE-2024-4367), never fetch, never load fonts.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    cMapUrl: join(dir, 'cmaps') + '/',
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    if (error instanceof Error && error.name === 'PasswordException') {
      return { metadata: { format, encrypted: true }, notes: [{ code: 'password-protected' }] };
    }
    const damaged = notes.length > 0 ? notes : [{ code: 'damaged' as const }];
    return { metadata: { format }, notes: damaged };
  }
  try {
    const metadata = await documentFields(doc, format);
    const { text, failedPages } = await pageText(doc);
    if (failedPages > 0 && notes.length === 0) {
      notes.push({ code: 'damaged', detail: `${failedPages} page(s) could not be read.` });
    }
    if (text.trim() === '') notes.push({ code: 'no-text' });
    return { metadata, ...(text.trim() === '' ? {} : { text }), notes };
  } finally {
    await doc.destroy();
  }
}

type Info = Readonly<Record<string, unknown>>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function documentFields(doc: PDFDocumentProxy, format: string): Promise<TechnicalMetadata> {
  const lib = await pdfjs();
  const { info, metadata: xmp } = await doc.getMetadata();
  const i = info as Info;
  const pdfDate = (value: unknown): string | undefined => {
    const s = str(value);
    return s === undefined ? undefined : realDate(lib.PDFDateString.toDateObject(s) ?? undefined);
  };
  const fromXmp = (name: string): string | undefined => {
    const value: unknown = xmp?.get(name);
    return Array.isArray(value) ? str(value.join(', ')) : str(value);
  };
  return {
    format: str(i.PDFFormatVersion) === undefined ? format : `PDF ${String(i.PDFFormatVersion)}`,
    pageCount: doc.numPages,
    title: str(i.Title) ?? fromXmp('dc:title'),
    author: str(i.Author) ?? fromXmp('dc:creator'),
    subject: str(i.Subject) ?? fromXmp('dc:description'),
    keywords: str(i.Keywords) ?? fromXmp('pdf:keywords'),
    creator: str(i.Creator) ?? fromXmp('xmp:creatortool'),
    producer: str(i.Producer) ?? fromXmp('pdf:producer'),
    createdAt: pdfDate(i.CreationDate) ?? realDate(fromXmp('xmp:createdate')),
    modifiedAt: pdfDate(i.ModDate) ?? realDate(fromXmp('xmp:modifydate')),
    language: str(i.Language) ?? fromXmp('dc:language'),
    encrypted: str(i.EncryptFilterName) !== undefined,
    xmp: str(xmp?.getRaw() as unknown),
  };
}

/** The text layer, page by page, until the text cap; pages that fail are counted, not fatal. */
async function pageText(doc: PDFDocumentProxy): Promise<{ text: string; failedPages: number }> {
  const pages: string[] = [];
  let length = 0;
  let failedPages = 0;
  for (let n = 1; n <= doc.numPages && length < limits.maxTextChars; n++) {
    try {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      pages.push(text.trim());
      length += text.length + 2;
    } catch {
      failedPages++;
    }
  }
  return { text: pages.join('\n\n').slice(0, limits.maxTextChars), failedPages };
}
