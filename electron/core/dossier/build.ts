import { PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import type { DossierLanguage, ExhibitProblem } from '../../../shared/dossier';
import { HabeasError } from '../habeas-error';
import type { DossierContent, Exhibit } from './content';
import { placeExhibit, type ExhibitMaterial } from './exhibits';
import { addLink, addOutline, addPageLabels, batesNumber, stampPage } from './finish';
import type { FontBytes } from './font-files';
import { embedFonts, type Fonts } from './fonts';
import { copyStreamsWhole } from './stream-copy';
import {
  writeAppendix,
  writeCharges,
  writeChronology,
  writeContents,
  writeCover,
  writeIndex,
  type ContentsEntry,
  type IndexPlace,
  type Mark,
} from './front-matter';
import { checkVolumes, volumeCap } from './profiles';
import { margins, pageSize, textWidth, Typesetter, type Placement } from './typesetter';

copyStreamsWhole();

export type BuildStage =
  'reading' | 'front-matter' | 'exhibits' | 'stamping' | 'checking' | 'saving';
export type BuildProgress = (stage: BuildStage, done: number, total: number) => void;
/** Fetches what an exhibit is made of; the vault side of the build. */
export type MaterialSource = (exhibit: Exhibit) => Promise<ExhibitMaterial>;

export type BuiltVolume = {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly firstBates: string;
  readonly lastBates: string;
};
export type BuildResult = {
  readonly volumes: readonly BuiltVolume[];
  readonly problems: readonly { exhibit: Exhibit; code: ExhibitProblem['code'] }[];
};

type Volume = {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly ts: Typesetter;
  readonly marks: Mark[];
  readonly labels: Map<PDFPage, string>;
  estimate: number;
  exhibits: number;
};

async function newVolume(fonts: FontBytes, filter: (text: string) => string): Promise<Volume> {
  const doc = await PDFDocument.create();
  const embedded = await embedFonts(doc, fonts);
  return {
    doc,
    fonts: embedded,
    ts: Typesetter.adding(doc, embedded, filter),
    marks: [],
    labels: new Map(),
    estimate: 0,
    exhibits: 0,
  };
}

/** Pages kept for text that can only be drawn once the rest is laid out. */
function reserve(doc: PDFDocument, count: number): PDFPage[] {
  return Array.from({ length: count }, () => doc.addPage([pageSize.width, pageSize.height]));
}

function onReserved(fonts: Fonts, pages: PDFPage[], filter: (text: string) => string): Typesetter {
  const queue = [...pages];
  return new Typesetter(
    fonts,
    () => {
      const page = queue.shift();
      if (page === undefined)
        throw new HabeasError(
          'INTERNAL',
          'The contents or the index outgrew the pages kept for them.',
        );
      return page;
    },
    filter,
  );
}

function exhibitTitle(content: DossierContent, exhibit: Exhibit): string {
  return `${content.labels.exhibit} ${String(exhibit.number)}: ${exhibit.title}`;
}

/** The contents' lines before the page numbers are known: the widest placeholder for each. */
function plannedContents(content: DossierContent): ContentsEntry[] {
  const { labels } = content;
  const where = `${labels.volume} 99, ${labels.pageShort} 99999`;
  return [
    { title: labels.charges, level: 1 as const, where },
    ...content.charges.map((c) => ({ title: c.heading, level: 2 as const, where })),
    { title: labels.chronology, level: 1 as const, where },
    { title: labels.index, level: 1 as const, where },
    ...(content.exhibits.length === 0
      ? []
      : [{ title: labels.exhibits, level: 1 as const, where }]),
    ...content.exhibits.map((e) => ({ title: exhibitTitle(content, e), level: 2 as const, where })),
    { title: labels.appendix, level: 1 as const, where },
    { title: labels.certificate, level: 1 as const, where },
  ];
}

function placeholderPlaces(content: DossierContent): Map<number, IndexPlace> {
  const bates = batesNumber(content.request.batesPrefix, 999_999);
  return new Map(
    content.exhibits.map((e) => [
      e.number,
      {
        where: `${content.labels.volume} 99, ${content.labels.pageShort} 99999–99999`,
        bates: `${bates}–${bates}`,
      },
    ]),
  );
}

function linkRow(from: Placement | undefined, target: PDFPage | undefined, volume: Volume) {
  if (from === undefined || target === undefined || !volume.doc.getPages().includes(target)) return;
  addLink(
    from.page,
    { x: margins.left, y: from.bottom, width: textWidth, height: from.top - from.bottom },
    target,
  );
}

/**
 * Lays out the dossier: cover, contents (drawn last, on pages kept for it), charges,
 * chronology, exhibit index (also drawn last), the exhibits, the appendix; then stamps every
 * page, adds bookmarks, page labels and links, runs the profile's checks and saves. With
 * `preview`, the exhibits are left out and nothing is checked.
 */
export async function buildDossier(
  content: DossierContent,
  fonts: FontBytes,
  source: MaterialSource,
  options: {
    readonly progress?: BuildProgress;
    readonly signal?: AbortSignal;
    readonly preview?: boolean;
    readonly verifiedAt: string;
    readonly failed?: () => ReadonlySet<number>;
    /** The ECHR volume limits; smaller in tests. */
    readonly cap?: { readonly bytes: number; readonly estimate: number };
  },
): Promise<BuildResult> {
  const cap = options.cap ?? volumeCap;
  const { labels, request } = content;
  const progress = options.progress ?? (() => undefined);
  const checkCancel = () => {
    if (options.signal?.aborted === true) throw new HabeasError('CANCELLED', 'Cancelled.');
  };
  const exhibits = options.preview === true ? [] : content.exhibits;
  progress('front-matter', 0, exhibits.length);
  const first = await newVolume(fonts, content.disclose);
  const volumes: Volume[] = [first];
  first.marks.push(...writeCover(first.ts, content));

  const measure = Typesetter.measuring(first.fonts, content.disclose);
  writeContents(measure, content, plannedContents(content));
  const contentsPages = reserve(first.doc, measure.pageCount);
  first.marks.push({ title: labels.contents, level: 1, page: contentsPages[0] as PDFPage });
  first.marks.push(...writeCharges(first.ts, content));
  first.marks.push(...writeChronology(first.ts, content));
  const measureIndex = Typesetter.measuring(first.fonts, content.disclose);
  writeIndex(measureIndex, content, placeholderPlaces(content));
  const indexPages = reserve(first.doc, measureIndex.pageCount);
  first.marks.push({ title: labels.index, level: 1, page: indexPages[0] as PDFPage });

  const starts = new Map<number, { volume: Volume; first: PDFPage; last: PDFPage }>();
  const problems: { exhibit: Exhibit; code: ExhibitProblem['code'] }[] = [];
  let volume = first;
  for (const exhibit of exhibits) {
    checkCancel();
    const material = await source(exhibit);
    const size = (material.bytes?.length ?? 0) + 30_000;
    if (
      request.profile === 'echr' &&
      volume.exhibits > 0 &&
      volume.estimate + size > cap.estimate
    ) {
      volume = await newVolume(fonts, content.disclose);
      volumes.push(volume);
    }
    const placed = await placeExhibit(volume.doc, volume.ts, content, exhibit, material);
    const [start, end] = [placed.pages[0], placed.pages.at(-1)];
    if (start !== undefined && end !== undefined) {
      if (volume.exhibits === 0)
        volume.marks.push({ title: labels.exhibits, level: 1, page: start });
      volume.marks.push({
        title: exhibitTitle(content, exhibit),
        level: 2,
        page: start,
        exhibit: exhibit.number,
      });
      starts.set(exhibit.number, { volume, first: start, last: end });
      for (const page of placed.pages)
        volume.labels.set(page, `${labels.exhibit} ${String(exhibit.number)}`);
    }
    if (placed.problem !== undefined) problems.push({ exhibit, code: placed.problem });
    volume.estimate += size;
    volume.exhibits += 1;
    progress('exhibits', starts.size, exhibits.length);
  }
  checkCancel();
  volume.marks.push(
    ...writeAppendix(volume.ts, content, options.failed?.() ?? new Set(), options.verifiedAt),
  );

  // Page numbers are known now: fill the contents and the index, then stamp.
  progress('stamping', exhibits.length, exhibits.length);
  const several = volumes.length > 1;
  const pageIndex = new Map<PDFPage, { volume: number; index: number }>();
  volumes.forEach((v, vi) =>
    v.doc.getPages().forEach((p, i) => pageIndex.set(p, { volume: vi, index: i })),
  );
  const where = (page: PDFPage, end?: PDFPage) => {
    const at = pageIndex.get(page);
    const to = end === undefined ? undefined : pageIndex.get(end);
    if (at === undefined) return '';
    const pages = `${String(at.index + 1)}${to === undefined || to.index === at.index ? '' : `–${String(to.index + 1)}`}`;
    return several
      ? `${labels.volume} ${String(at.volume + 1)}, ${labels.pageShort} ${pages}`
      : pages;
  };
  const offsets: number[] = [];
  volumes.reduce((sum, v) => {
    offsets.push(sum);
    return sum + v.doc.getPageCount();
  }, 0);
  const batesOf = (page: PDFPage) => {
    const at = pageIndex.get(page);
    return at === undefined
      ? ''
      : batesNumber(request.batesPrefix, (offsets[at.volume] ?? 0) + at.index + 1);
  };

  // Each volume bookmarks its own "Exhibits"; the contents name the heading once.
  const firstExhibits = volumes.flatMap((v) => v.marks).find((m) => m.title === labels.exhibits);
  const allMarks = volumes
    .flatMap((v) => v.marks)
    .filter((m) => m.page !== contentsPages[0] && m !== first.marks[0])
    .filter((m) => m.title !== labels.exhibits || m === firstExhibits);
  const contentsTs = onReserved(first.fonts, contentsPages, content.disclose);
  const rows = writeContents(
    contentsTs,
    content,
    allMarks.map((m) => ({ title: m.title, level: m.level, where: where(m.page) })),
  );
  rows.forEach((row, i) => linkRow(row, allMarks[i]?.page, first));

  const places = new Map<number, IndexPlace>();
  for (const [number, place] of starts)
    places.set(number, {
      where: several
        ? where(place.first, place.last)
        : `${labels.pageShort} ${where(place.first, place.last)}`,
      bates: `${batesOf(place.first)}–${batesOf(place.last)}`,
    });
  const indexRows = writeIndex(
    onReserved(first.fonts, indexPages, content.disclose),
    content,
    places,
  );
  for (const [number, row] of indexRows) linkRow(row, starts.get(number)?.first, first);

  const built: BuiltVolume[] = [];
  for (const [vi, v] of volumes.entries()) {
    checkCancel();
    const pages = v.doc.getPages();
    pages.forEach((page, i) =>
      stampPage(
        page,
        { bates: batesOf(page), pageNumber: i + 1, label: v.labels.get(page) },
        v.fonts,
      ),
    );
    addOutline(
      v.doc,
      v.marks.map((m) => ({ ...m, title: content.disclose(m.title) })),
    );
    addPageLabels(v.doc);
    setMetadata(v.doc, content, several ? vi + 1 : undefined);
    progress('saving', exhibits.length, exhibits.length);
    // Written without pausing every fifty objects (pdf-lib's default, for a page's main thread):
    // each pause is a timer of a millisecond or more, and this thread has nothing else to do.
    const bytes = await v.doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
    built.push({
      bytes,
      pages: pages.length,
      firstBates: batesOf(pages[0] as PDFPage),
      lastBates: batesOf(pages.at(-1) as PDFPage),
    });
  }
  if (options.preview !== true) {
    progress('checking', exhibits.length, exhibits.length);
    checkVolumes(request.profile, built, cap.bytes, {
      exhibits: exhibits.length,
      bookmarked: starts.size,
      linked: [...indexRows.keys()].filter((n) => starts.get(n)?.volume === first).length,
    });
  }
  return { volumes: built, problems };
}

const languages: Record<DossierLanguage, string> = { en: 'en-GB', ru: 'ru-RU' };

function setMetadata(doc: PDFDocument, content: DossierContent, part: number | undefined): void {
  const title = `${content.disclose(content.request.filingTitle)}${part === undefined ? '' : ` (${content.labels.volume} ${String(part)})`}`;
  const now = new Date();
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(content.disclose(content.caseTitle));
  doc.setKeywords([content.request.batesPrefix, content.request.profile]);
  doc.setCreator('Habeas');
  doc.setProducer('Habeas (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage(languages[content.request.language]);
}
