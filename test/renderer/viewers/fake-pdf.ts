import type {
  PdfDocument,
  PdfLoader,
  PdfPage,
} from '../../../renderer/features/viewers/pdf-document';
import type { PageText } from '../../../renderer/features/viewers/pdf-search';

/**
 * A stand-in for pdf.js in jsdom (no canvas, no worker): pages of text runs, each run laid out
 * as one span of the text layer, which is what the viewer highlights and a user reads.
 */
export function fakePdf(pages: readonly (readonly string[])[]): PdfDocument {
  const page = (lines: readonly string[]): PdfPage => {
    const items: PageText = lines.map((str) => ({ str, hasEOL: true }));
    return {
      width: 612,
      height: 792,
      render: () => ({ promise: Promise.resolve(), cancel: () => {} }),
      renderText: (container) => {
        const spans = items.map((item) => {
          const span = document.createElement('span');
          span.textContent = item.str;
          container.append(span);
          return span;
        });
        return { promise: Promise.resolve(spans), cancel: () => {} };
      },
      text: () => Promise.resolve(items),
    };
  };
  return {
    pageCount: pages.length,
    page: (n) => {
      const lines = pages[n - 1];
      return lines === undefined
        ? Promise.reject(new Error('no such page'))
        : Promise.resolve(page(lines));
    },
  };
}

/** Serves the given documents by URL; any other URL fails as pdf.js would for a bad file. */
export function fakeLoader(documents: Record<string, PdfDocument>): PdfLoader {
  return (url) => {
    const doc = documents[url];
    if (doc !== undefined) return { promise: Promise.resolve(doc), destroy: () => {} };
    const error = new Error('Invalid PDF structure.');
    error.name = 'InvalidPDFException';
    return { promise: Promise.reject(error), destroy: () => {} };
  };
}
