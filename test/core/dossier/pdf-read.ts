import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Reads a PDF the way an independent reader does (pdf.js, not the pdf-lib that wrote it): each
 * page's text with positions in the page as seen (rotation applied), the bookmarks, the page
 * labels and the document info.
 */
export type ReadPage = {
  readonly text: string;
  readonly width: number;
  readonly height: number;
  readonly items: readonly { str: string; x: number; y: number }[];
};

export async function readPdf(pathOrBytes: string | Uint8Array) {
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const data =
    typeof pathOrBytes === 'string' ? new Uint8Array(await readFile(pathOrBytes)) : pathOrBytes;
  const doc = await lib.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    verbosity: 0,
  }).promise;
  const pages: ReadPage[] = [];
  const links: number[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const annotations = (await page.getAnnotations()) as { subtype?: string }[];
    links.push(annotations.filter((a) => a.subtype === 'Link').length);
    const items = content.items.flatMap((item) => {
      if (!('str' in item) || item.str === '') return [];
      const transform = item.transform as number[];
      const [x, y] = viewport.convertToViewportPoint(transform[4] ?? 0, transform[5] ?? 0) as [
        number,
        number,
      ];
      return [{ str: item.str, x, y }];
    });
    pages.push({
      text: items.map((i) => i.str).join(' '),
      width: viewport.width,
      height: viewport.height,
      items,
    });
  }
  type Node = { title: string; items: Node[] };
  const outline = ((await doc.getOutline()) ?? []) as Node[];
  const flat = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.title, ...flat(n.items)]);
  const result = {
    pages,
    links,
    outline: flat(outline),
    topOutline: outline.map((n) => n.title),
    labels: await doc.getPageLabels(),
    info: (await doc.getMetadata()).info as Record<string, unknown>,
  };
  await doc.destroy();
  return result;
}
