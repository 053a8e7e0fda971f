import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole, type MiniDocument } from 'jsdom';
import { parse } from 'parse5';
import type { IntakeNote } from '../../../../shared/evidence';
import { blockText, parse5Text, treeDepth } from './html-text';
import { limits } from './limits';
import { decodeText } from './plain-text';
import type { ArticleInfo, FormatResult } from './types';

/**
 * Deeper than any real page (browsers flatten what is deeper than 512). jsdom's cost grows with
 * depth times size, so a page nested 100,000 deep would stall it for minutes: such a page is
 * read with parse5's plain tree instead, for its text only.
 */
const maxDepth = 1000;

/**
 * A saved web page: its article (title, author, date, outlet, language, excerpt, main text)
 * by Readability, the reader view of Firefox. jsdom runs no script and loads nothing: the page
 * is only parsed. When Readability finds no article, the page's visible text is kept.
 */
export function readHtml(
  html: Uint8Array | string,
  hints: { url?: string; title?: string } = {},
): FormatResult {
  // Tags are ASCII: Latin-1 is enough to measure the tree, whatever the page's encoding.
  const probe =
    typeof html === 'string'
      ? html
      : Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('latin1');
  if (treeDepth(parse(probe)) <= maxDepth) return readArticle(html, hints);
  const text = parse5Text(
    parse(typeof html === 'string' ? html : decodeText(html)),
    limits.maxTextChars,
  );
  const notes: IntakeNote[] = [
    { code: 'analysis-failed', detail: 'The page is nested too deeply for the article reader.' },
  ];
  return { metadata: { format: 'HTML' }, ...(text === '' ? {} : { text }), notes };
}

function readArticle(
  html: Uint8Array | string,
  hints: { url?: string; title?: string } = {},
): FormatResult {
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const doc = dom.window.document;
    // Read before Readability, which rewrites the document as it works.
    const page = pageFacts(doc);
    const notes: IntakeNote[] = [];
    let parsed: ReturnType<Readability<string>['parse']> = null;
    try {
      // Readability's types name the DOM's Document, which this Node program does not load.
      parsed = new Readability(doc.cloneNode(true) as never, {
        maxElemsToParse: 200_000,
      }).parse();
    } catch {
      parsed = null;
    }
    let text = parsed?.content == null ? '' : contentText(parsed.content);
    if (text === '') text = blockText(doc.body ?? doc.documentElement, limits.maxTextChars);
    if (text === '') notes.push({ code: 'no-text' });
    const article: ArticleInfo = clean({
      title: str(parsed?.title) ?? page.title ?? hints.title,
      author: str(parsed?.byline) ?? page.author,
      published: str(parsed?.publishedTime) ?? page.published,
      excerpt: str(parsed?.excerpt),
      siteName: str(parsed?.siteName) ?? page.siteName,
      language: str(parsed?.lang) ?? page.language,
      url: page.url ?? webUrl(hints.url),
    });
    return {
      metadata: {
        format: 'HTML',
        title: article.title,
        author: article.author,
        language: article.language,
      },
      article,
      ...(text === '' ? {} : { text }),
      notes,
    };
  } finally {
    dom.window.close();
  }
}

function contentText(html: string): string {
  const fragment = JSDOM.fragment(html);
  return blockText(fragment, limits.maxTextChars);
}

const commentNode = 8;

function str(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function clean(info: ArticleInfo): ArticleInfo {
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
}

/** Only a web address is kept as the page's URL: never javascript:, file: or data:. */
export function webUrl(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function meta(doc: MiniDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const element =
      doc.querySelector(`meta[property="${name}" i]`) ??
      doc.querySelector(`meta[name="${name}" i]`);
    const content = str(element?.getAttribute('content'));
    if (content !== undefined) return content;
  }
  return undefined;
}

/** What the page says about itself in its head (and in the comment browsers add on saving). */
function pageFacts(doc: MiniDocument) {
  // "Save page as" in Chrome and IE: <!-- saved from url=(0042)https://… --> before <html>.
  const savedFrom = Array.from(doc.childNodes)
    .filter((n) => n.nodeType === commentNode)
    .map((n) => /saved from url=\(\d+\)(\S+)/i.exec(n.nodeValue ?? '')?.[1])
    .find((url) => url !== undefined);
  return {
    title: str(doc.title),
    author: meta(doc, 'author', 'article:author', 'dc.creator', 'parsely-author'),
    published: meta(
      doc,
      'article:published_time',
      'og:published_time',
      'datePublished',
      'pubdate',
      'dc.date.issued',
      'dc.date',
      'date',
    ),
    siteName: meta(doc, 'og:site_name', 'application-name'),
    language:
      str(doc.documentElement.getAttribute('lang')) ?? meta(doc, 'content-language', 'dc.language'),
    url:
      webUrl(doc.querySelector('link[rel="canonical" i]')?.getAttribute('href')) ??
      webUrl(meta(doc, 'og:url')) ??
      webUrl(savedFrom),
  };
}
