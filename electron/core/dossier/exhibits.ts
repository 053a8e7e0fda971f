import { ParseSpeeds, PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import type { ExhibitProblem } from '../../../shared/dossier';
import type { DossierContent, Exhibit } from './content';
import { formatSeconds } from './content';
import { imageTypes, pdfTypes } from './exhibit-kinds';
import { margins, pageSize, textWidth, grey, type Typesetter } from './typesetter';

/**
 * What the vault gives the builder for one exhibit: the original's bytes (only for kinds whose
 * pages are reproduced), its extracted text, the stills, or why none of it can be used.
 */
export type ExhibitMaterial = {
  readonly bytes?: Uint8Array;
  readonly text?: string;
  readonly stills?: readonly { readonly at: number; readonly png: Uint8Array }[];
  readonly problem?: ExhibitProblem['code'];
};

function heading(ts: Typesetter, content: DossierContent, exhibit: Exhibit): void {
  const { labels } = content;
  ts.newPage();
  ts.text(`${labels.exhibit} ${String(exhibit.number)}: ${exhibit.title}`, {
    font: 'bold',
    size: 13,
    after: 4,
  });
  const item = exhibit.item;
  ts.fields(
    [
      [labels.kind, labels.kinds[item.kind]],
      [labels.date, exhibit.date],
      [labels.source, exhibit.source],
      [labels.file, item.file === undefined ? undefined : content.disclose(item.file.name)],
      ['SHA-256', item.file?.sha256],
    ],
    110,
  );
  ts.rule();
}

function slipSheet(
  ts: Typesetter,
  content: DossierContent,
  exhibit: Exhibit,
  problem: ExhibitProblem['code'],
): void {
  heading(ts, content, exhibit);
  ts.text(content.labels.slipSheet, { font: 'bold', size: 12 });
  ts.text(content.labels.problems[problem], { size: 11 });
}

/** Typeset text: a statement, an article, a document's extracted text. */
function textExhibit(ts: Typesetter, content: DossierContent, exhibit: Exhibit, text: string) {
  const { labels, disclose } = content;
  const item = exhibit.item;
  heading(ts, content, exhibit);
  const statement = item.statement;
  if (statement !== undefined)
    ts.fields([
      [labels.witness, statement.witness === undefined ? undefined : disclose(statement.witness)],
      [labels.takenAt, statement.takenAt],
      [labels.place, statement.place],
      [labels.takenBy, statement.takenBy],
    ]);
  const article = item.article;
  if (article !== undefined)
    ts.fields([
      [labels.outlet, article.outlet],
      [labels.author, article.author === undefined ? undefined : disclose(article.author)],
      [labels.published, article.published],
      [labels.url, article.url ?? item.url],
    ]);
  const body = disclose(text).trim();
  const translation = item.translation;
  if (translation === undefined) {
    ts.text(body === '' ? labels.noText : body, { size: 10.5 });
    return;
  }
  const who = [
    translation.translator === undefined ? undefined : disclose(translation.translator),
    translation.method === 'machine' ? labels.machine : labels.human,
  ]
    .filter((x) => x !== undefined)
    .join(', ');
  ts.parallel(body === '' ? labels.noText : body, disclose(translation.text), [
    labels.original,
    `${labels.translation} (${translation.language}; ${who})`,
  ]);
}

function recordingSlip(
  ts: Typesetter,
  doc: PDFDocument,
  content: DossierContent,
  exhibit: Exhibit,
  stills: ExhibitMaterial['stills'],
) {
  const { labels, disclose } = content;
  const item = exhibit.item;
  heading(ts, content, exhibit);
  ts.text(`${labels.recording} ${item.file?.sha256 ?? ''}`, { size: 10 });
  const meta = item.metadata;
  ts.fields([
    [
      labels.duration,
      meta.durationSeconds === undefined ? undefined : formatSeconds(meta.durationSeconds),
    ],
    [
      labels.format,
      [meta.format, ...(meta.videoCodecs ?? []), ...(meta.audioCodecs ?? [])]
        .filter(Boolean)
        .join(', '),
    ],
    [labels.obtained, item.obtained?.slice(0, 10)],
    [labels.obtainedBy, item.obtainedBy === undefined ? undefined : disclose(item.obtainedBy)],
    [labels.url, item.url],
  ]);
  if (item.moments.length > 0) {
    ts.text(labels.moments, { font: 'bold', size: 11 });
    for (const moment of [...item.moments].sort((a, b) => a.at - b.at))
      ts.row([
        { text: formatSeconds(moment.at), width: 60, font: 'mono' },
        { text: disclose(moment.note), width: textWidth - 60 },
      ]);
  }
  if (stills !== undefined && stills.length > 0) {
    ts.space(6);
    ts.text(labels.stills, { font: 'bold', size: 11 });
    return Promise.all(stills.map((s) => doc.embedPng(s.png))).then((images) => {
      const width = (textWidth - 12) / 2;
      images.forEach((image, i) => {
        const scaled = image.scaleToFit(width, 200);
        if (i % 2 === 0) ts.ensure(scaled.height + 22);
        const page = ts.page;
        if (page === undefined) return;
        const top = ts.cursor;
        page.drawImage(image, {
          x: margins.left + (i % 2) * (width + 12),
          y: top - scaled.height,
          width: scaled.width,
          height: scaled.height,
        });
        const at = stills[i]?.at ?? 0;
        page.drawText(formatSeconds(at), {
          x: margins.left + (i % 2) * (width + 12),
          y: top - scaled.height - 11,
          size: 8,
          font: ts.font('mono'),
          color: grey,
        });
        if (i % 2 === 1 || i === images.length - 1) ts.space(scaled.height + 18);
      });
    });
  }
  return Promise.resolve();
}

async function imageExhibit(
  ts: Typesetter,
  doc: PDFDocument,
  content: DossierContent,
  exhibit: Exhibit,
  bytes: Uint8Array,
) {
  const image =
    exhibit.item.file?.mimeType === 'image/png'
      ? await doc.embedPng(bytes)
      : await doc.embedJpg(bytes);
  heading(ts, content, exhibit);
  const room = ts.cursor - margins.bottom - 4;
  const scaled = image.scaleToFit(textWidth, room);
  ts.page?.drawImage(image, {
    x: margins.left + (textWidth - scaled.width) / 2,
    y: ts.cursor - scaled.height,
    width: scaled.width,
    height: scaled.height,
  });
  ts.space(scaled.height);
}

/** Copies a PDF's pages; an owner password alone is no obstacle, a user password is. */
async function pdfExhibit(doc: PDFDocument, bytes: Uint8Array): Promise<PDFPage[]> {
  // pdf-lib reads a file cut short without complaint, and would copy what it could guess.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) throw new Error('The PDF ends before its end-of-file marker.');
  // Parsed without pausing every hundred objects: the build has a thread of its own, and a
  // pause costs a millisecond or more (a timer) each time.
  const source = await PDFDocument.load(bytes, {
    password: '',
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  const copied = await doc.copyPages(source, source.getPageIndices());
  return copied.map((page) => doc.addPage(page));
}

export type PlacedExhibit = {
  readonly pages: readonly PDFPage[];
  readonly problem: ExhibitProblem['code'] | undefined;
};

/**
 * Places one exhibit at the end of `doc`. Whatever goes wrong with the file becomes a slip
 * sheet that says so, with the hash: a dossier is never lost to one bad exhibit.
 */
export async function placeExhibit(
  doc: PDFDocument,
  ts: Typesetter,
  content: DossierContent,
  exhibit: Exhibit,
  material: ExhibitMaterial,
): Promise<PlacedExhibit> {
  const before = doc.getPageCount();
  const placed = (problem: ExhibitProblem['code'] | undefined): PlacedExhibit => ({
    pages: doc.getPages().slice(before),
    problem,
  });
  if (material.problem !== undefined && material.problem !== 'redacted') {
    slipSheet(ts, content, exhibit, material.problem);
    return placed(material.problem);
  }
  const item = exhibit.item;
  const type = item.file?.mimeType ?? '';
  const noted = item.intakeNotes
    .map((n) => n.code)
    .find((code) => code === 'password-protected' || code === 'damaged');
  if (noted !== undefined && pdfTypes.has(type)) {
    slipSheet(ts, content, exhibit, noted);
    return placed(noted);
  }
  try {
    if (material.problem === 'redacted') {
      if (material.text === undefined) slipSheet(ts, content, exhibit, 'redacted');
      else {
        textExhibit(ts, content, exhibit, material.text);
        ts.text(content.labels.problems.redacted, { font: 'italic', size: 9, color: grey });
      }
      return placed('redacted');
    }
    if (material.bytes !== undefined && pdfTypes.has(type)) {
      await pdfExhibit(doc, material.bytes);
      return placed(undefined);
    }
    if (material.bytes !== undefined && imageTypes.has(type)) {
      await imageExhibit(ts, doc, content, exhibit, material.bytes);
      return placed(undefined);
    }
    if (item.kind === 'video' || item.kind === 'audio') {
      await recordingSlip(ts, doc, content, exhibit, material.stills);
      return placed(undefined);
    }
    const text = item.statement?.text ?? material.text;
    if (text !== undefined) {
      textExhibit(ts, content, exhibit, text);
      return placed(undefined);
    }
    slipSheet(ts, content, exhibit, item.file === undefined ? 'no-file' : 'unsupported');
    return placed(item.file === undefined ? 'no-file' : 'unsupported');
  } catch (error) {
    // Whatever the copy left behind goes; the slip sheet takes its place.
    while (doc.getPageCount() > before) doc.removePage(doc.getPageCount() - 1);
    const problem = isPasswordError(error) ? 'password-protected' : 'damaged';
    slipSheet(ts, content, exhibit, problem);
    return placed(problem);
  }
}

function isPasswordError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : '';
  return /password|encrypt/i.test(message);
}

export { pageSize };
