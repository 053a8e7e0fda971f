import type { Document as XmlDocument, Node as XmlNode } from '@xmldom/xmldom';
import mammoth from 'mammoth';
import type { IntakeNote, TechnicalMetadata } from '../../../../shared/evidence';
import { realDate } from './codec-names';
import { tidy } from './html-text';
import { limits } from './limits';
import { claimedSizes, parseXml, unzipParts, xmlField } from './office-zip';
import type { FormatResult } from './types';

const maxPart = 256 * 1024 * 1024;
const maxPropsPart = 4 * 1024 * 1024;

/** A Word document: its text by mammoth, its properties (author, dates) from docProps. */
export async function readDocx(bytes: Uint8Array): Promise<FormatResult> {
  const notes: IntakeNote[] = [];
  const { parts } = unzipParts(bytes, ['docProps/core.xml', 'docProps/app.xml'], maxPropsPart);
  const core = parseXml(parts.get('docProps/core.xml'));
  const app = parseXml(parts.get('docProps/app.xml'));
  const pages = Number(xmlField(app, 'Pages'));
  const metadata: TechnicalMetadata = {
    format: 'DOCX',
    ...coreProperties(core),
    software: xmlField(app, 'Application'),
    pageCount: Number.isInteger(pages) && pages > 0 ? pages : undefined,
  };
  const body = claimedSizes(bytes).get('word/document.xml');
  if (body === undefined)
    return { metadata, notes: [{ code: 'damaged', detail: 'No document body.' }] };
  if (body > maxPart) return { metadata, notes: [{ code: 'too-large-to-analyse' }] };
  const result = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  const text = tidy(result.value).slice(0, limits.maxTextChars);
  if (text === '') notes.push({ code: 'no-text' });
  return { metadata, ...(text === '' ? {} : { text }), notes };
}

function coreProperties(core: XmlDocument | undefined): TechnicalMetadata {
  return {
    title: xmlField(core, 'dc:title'),
    subject: xmlField(core, 'dc:subject'),
    author: xmlField(core, 'dc:creator'),
    keywords: xmlField(core, 'cp:keywords'),
    language: xmlField(core, 'dc:language'),
    createdAt: realDate(xmlField(core, 'dcterms:created')),
    modifiedAt: realDate(xmlField(core, 'dcterms:modified')),
  };
}

/** An OpenDocument text (LibreOffice): content.xml's paragraphs and meta.xml's properties. */
export function readOdt(bytes: Uint8Array): FormatResult {
  const { parts, tooLarge } = unzipParts(bytes, ['content.xml', 'meta.xml'], maxPart);
  const meta = parseXml(parts.get('meta.xml'));
  const pages = Number(
    meta?.getElementsByTagName('meta:document-statistic').item(0)?.getAttribute('meta:page-count'),
  );
  const metadata: TechnicalMetadata = {
    format: 'ODT',
    title: xmlField(meta, 'dc:title'),
    subject: xmlField(meta, 'dc:subject'),
    author: xmlField(meta, 'meta:initial-creator') ?? xmlField(meta, 'dc:creator'),
    keywords: xmlField(meta, 'meta:keyword'),
    language: xmlField(meta, 'dc:language'),
    software: xmlField(meta, 'meta:generator'),
    createdAt: realDate(xmlField(meta, 'meta:creation-date')),
    modifiedAt: realDate(xmlField(meta, 'dc:date')),
    pageCount: Number.isInteger(pages) && pages > 0 ? pages : undefined,
  };
  if (tooLarge.includes('content.xml'))
    return { metadata, notes: [{ code: 'too-large-to-analyse' }] };
  const content = parseXml(parts.get('content.xml'));
  if (content === undefined)
    return { metadata, notes: [{ code: 'damaged', detail: 'No document body.' }] };
  const text = odfText(content);
  return { metadata, ...(text === '' ? { notes: [{ code: 'no-text' }] } : { text, notes: [] }) };
}

/** ODF text: paragraphs and headings end a line; text:s, text:tab and text:line-break are spaces. */
function odfText(doc: XmlDocument): string {
  const out: string[] = [];
  let length = 0;
  const root: XmlNode | null = doc.documentElement;
  let node: XmlNode | null = root?.firstChild ?? null;
  const ends = (n: XmlNode): void => {
    if (n.nodeName === 'text:p' || n.nodeName === 'text:h') out.push('\n');
  };
  while (node !== null && length < limits.maxTextChars) {
    if (node.nodeType === node.TEXT_NODE) {
      out.push(node.nodeValue ?? '');
      length += node.nodeValue?.length ?? 0;
    } else if (node.nodeName === 'text:s') out.push(' ');
    else if (node.nodeName === 'text:tab') out.push('\t');
    else if (node.nodeName === 'text:line-break') out.push('\n');
    if (node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    ends(node);
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null && node !== root) ends(node);
    }
    node = node === null || node === root ? null : node.nextSibling;
  }
  return tidy(out.join('')).slice(0, limits.maxTextChars);
}
