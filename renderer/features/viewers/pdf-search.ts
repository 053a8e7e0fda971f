/**
 * Search over the text of a PDF's pages, as pdf.js gives it: per page, a list of text items
 * (runs of text, `hasEOL` when a line ends after one). A match is found in the page's items
 * joined together, so a name split over two runs is still found, and reported with the items
 * it covers, which are the spans the text layer draws and can highlight.
 *
 * Matching ignores case and treats ё as е (Дегтярёв and Дегтярев are one name to a Russian
 * reader), and any run of spaces or line breaks in the query matches any run in the text.
 */
export type PageTextItem = { readonly str: string; readonly hasEOL: boolean };
export type PageText = readonly PageTextItem[];

export type PdfMatch = {
  /** 1-based page number. */
  readonly page: number;
  /** Indices of the page's text items the match covers, in order. */
  readonly items: readonly number[];
};

type JoinedPage = { readonly text: string; readonly itemStarts: readonly number[] };

/** One character for one: the folded text keeps the offsets of the original. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const folded = lower === 'ё' ? 'е' : lower;
    // A character whose lower case is longer (İ) or a different UTF-16 length stays as it is.
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

function joinPage(items: PageText): JoinedPage {
  let text = '';
  const itemStarts: number[] = [];
  for (const item of items) {
    itemStarts.push(text.length);
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  return { text: foldText(text), itemStarts };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function queryPattern(query: string): RegExp | null {
  const words = foldText(query)
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
}

/** The items whose text overlaps [start, end). */
function itemsCovering(page: JoinedPage, start: number, end: number): number[] {
  const covered: number[] = [];
  page.itemStarts.forEach((itemStart, index) => {
    const itemEnd = page.itemStarts[index + 1] ?? page.text.length;
    if (itemStart < end && itemEnd > start && itemEnd > itemStart) covered.push(index);
  });
  return covered;
}

/** Every match on one page, in reading order. */
export function findInPage(items: PageText, page: number, pattern: RegExp): PdfMatch[] {
  const joined = joinPage(items);
  const matches: PdfMatch[] = [];
  const re = new RegExp(pattern.source, pattern.flags);
  for (const found of joined.text.matchAll(re)) {
    const start = found.index;
    matches.push({ page, items: itemsCovering(joined, start, start + found[0].length) });
  }
  return matches;
}

/** Every match in the document; `pages[0]` is page 1. */
export function findInPages(pages: readonly PageText[], query: string): PdfMatch[] {
  const pattern = queryPattern(query);
  if (pattern === null) return [];
  return pages.flatMap((items, index) => findInPage(items, index + 1, pattern));
}

/** The match to show first: the first on or after the page being read, else the first. */
export function firstMatchFrom(matches: readonly PdfMatch[], page: number): number {
  const index = matches.findIndex((match) => match.page >= page);
  return index === -1 ? 0 : index;
}
