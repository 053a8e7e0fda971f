import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFPageProxy } from 'pdfjs-dist';
import type { PageText } from './pdf-search';

/**
 * The little of pdf.js the PDF viewer uses, behind types of our own so the viewer can be
 * tested in jsdom with a fake document. pdf.js itself is loaded on first use (a large chunk
 * that only PDFs need), with its worker from the app's own origin: the CSP allows scripts and
 * workers from 'self' only, and nothing may come from a CDN.
 */
export type Cancellable<T> = { readonly promise: Promise<T>; cancel(): void };

export type PdfPage = {
  /** Size at 100 %, in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Draws the page at `zoom` (1 = 100 %) into the canvas, sharp on high-density screens. */
  render(canvas: HTMLCanvasElement, zoom: number): Cancellable<void>;
  /** Lays the page's text over it, selectable and searchable; resolves to one span per item. */
  renderText(container: HTMLElement, zoom: number): Cancellable<readonly HTMLElement[]>;
  text(): Promise<PageText>;
};

export type PdfDocument = {
  readonly pageCount: number;
  page(pageNumber: number): Promise<PdfPage>;
};

export type PdfLoadTask = { readonly promise: Promise<PdfDocument>; destroy(): void };
export type PdfLoader = (url: string) => PdfLoadTask;

export type PdfFailure = 'password' | 'invalid' | 'failed';

/** Why a PDF did not open, from the exception pdf.js threw. */
export function pdfFailure(error: unknown): PdfFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException') return 'invalid';
  return 'failed';
}

// pdf.js's 100 % is the page's real size on screen: PDF points (1/72 in) to CSS px (1/96 in).
const cssPixelsPerPoint = 96 / 72;

type PdfJs = typeof PdfJsModule;

let pdfjsModule: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = workerUrl;
    return module;
  });
  return pdfjsModule;
}

function wrapPage(module: PdfJs, page: PDFPageProxy): PdfPage {
  const base = page.getViewport({ scale: cssPixelsPerPoint });
  return {
    width: base.width,
    height: base.height,
    render(canvas, zoom) {
      const viewport = page.getViewport({ scale: zoom * cssPixelsPerPoint });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      const task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      return { promise: task.promise, cancel: () => task.cancel() };
    },
    renderText(container, zoom) {
      const viewport = page.getViewport({ scale: zoom * cssPixelsPerPoint });
      // The text layer's CSS sizes everything from this variable (see pdf-text-layer.css).
      container.style.setProperty('--total-scale-factor', String(viewport.scale));
      const layer = new module.TextLayer({
        textContentSource: page.streamTextContent(),
        container,
        viewport,
      });
      return {
        promise: layer.render().then(() => layer.textDivs),
        cancel: () => layer.cancel(),
      };
    },
    async text() {
      const content = await page.getTextContent();
      return content.items.flatMap((item) =>
        'str' in item ? [{ str: item.str, hasEOL: item.hasEOL }] : [],
      );
    },
  };
}

export const loadPdf: PdfLoader = (url) => {
  let task: PDFDocumentLoadingTask | null = null;
  let destroyed = false;
  const promise = pdfjs().then(async (module) => {
    if (destroyed) throw new Error('The PDF viewer was closed.');
    task = module.getDocument({
      url,
      // Evidence is hostile until proven otherwise: no eval (the CSP forbids it anyway), no
      // XFA forms, and no WebAssembly decoders, which would be fetched from a wasmUrl. PDF
      // scripts never run: only pdf.js's own viewer has a scripting sandbox, and it is not used.
      // No standardFontDataUrl or cMapUrl either, so nothing is fetched but the PDF itself;
      // fonts a PDF does not embed fall back to the system's.
      isEvalSupported: false,
      enableXfa: false,
      useWasm: false,
      // Same-origin requests only carry the media cookie in browser mode.
      withCredentials: false,
      // Only the ranges a page needs: the media server decrypts what is asked for, and a
      // 2,000-page exhibit should not be decrypted whole in the background to show page 1.
      disableStream: true,
      disableAutoFetch: true,
    });
    const doc = await task.promise;
    return {
      pageCount: doc.numPages,
      page: async (pageNumber: number) => wrapPage(module, await doc.getPage(pageNumber)),
    };
  });
  return {
    promise,
    destroy: () => {
      destroyed = true;
      if (task !== null) task.destroy().catch(() => undefined);
    },
  };
};
