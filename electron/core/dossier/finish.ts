import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  degrees,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  rotateDegrees,
  setFillingRgbColor,
  translate,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import type { Mark } from './front-matter';
import { measure } from './typesetter';

/** "HAB" + 6 digits: the Bates number of the n-th page of the whole dossier (1-based). */
export function batesNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(6, '0')}`;
}

/**
 * Maps a point given in the page as it is seen (origin at the bottom left of the crop box,
 * after /Rotate) to the page's own coordinates, so that a stamp sits at the visible foot of a
 * landscape scan or a page with an odd crop box.
 */
export function visibleFrame(page: PDFPage) {
  const box = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const [x0, y0, x1, y1] = [box.x, box.y, box.x + box.width, box.y + box.height];
  const sideways = rotation === 90 || rotation === 270;
  const width = sideways ? box.height : box.width;
  const height = sideways ? box.width : box.height;
  const toPage = (dx: number, dy: number): { x: number; y: number } => {
    switch (rotation) {
      case 90:
        return { x: x1 - dy, y: y0 + dx };
      case 180:
        return { x: x1 - dx, y: y1 - dy };
      case 270:
        return { x: x0 + dy, y: y1 - dx };
      default:
        return { x: x0 + dx, y: y0 + dy };
    }
  };
  return { width, height, rotation, toPage };
}

/** Writes `text` at a visible position, upright as the reader sees the page, on white. */
function stampText(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  align: 'left' | 'center' | 'right',
) {
  const frame = visibleFrame(page);
  const width = measure(font, text, size);
  const inset = 24;
  const dx =
    align === 'left'
      ? inset
      : align === 'right'
        ? frame.width - inset - width
        : (frame.width - width) / 2;
  const dy = 16;
  const rotate = degrees(frame.rotation);
  // The white ground, as drawRectangle would draw it, without its SVG path (parsed anew for
  // each rectangle: a third of all stamping time).
  const box = frame.toPage(dx - 3, dy - 3);
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(1, 1, 1),
    translate(box.x, box.y),
    rotateDegrees(frame.rotation),
    rectangle(0, 0, width + 6, size + 5),
    fill(),
    popGraphicsState(),
  );
  const at = frame.toPage(dx, dy);
  page.drawText(text, { x: at.x, y: at.y, size, font, color: rgb(0, 0, 0), rotate });
}

export type PageStamp = {
  readonly bates: string;
  readonly pageNumber: number;
  /** "Exhibit 3", on the pages of an exhibit. */
  readonly label: string | undefined;
};

export function stampPage(
  page: PDFPage,
  stamp: PageStamp,
  fonts: { mono: PDFFont; regular: PDFFont },
) {
  stampText(page, stamp.bates, fonts.mono, 9, 'right');
  stampText(page, String(stamp.pageNumber), fonts.regular, 10, 'center');
  if (stamp.label !== undefined) stampText(page, stamp.label, fonts.regular, 9, 'left');
}

function destination(page: PDFPage) {
  return [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull];
}

/** Bookmarks: level-1 marks, each with the level-2 marks that follow it as children. */
export function addOutline(doc: PDFDocument, marks: readonly Mark[]): void {
  if (marks.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  type Node = { mark: Mark; ref: PDFRef; children: { mark: Mark; ref: PDFRef }[] };
  const top: Node[] = [];
  for (const m of marks) {
    const last = top.at(-1);
    if (m.level === 2 && last !== undefined)
      last.children.push({ mark: m, ref: context.nextRef() });
    else top.push({ mark: m, ref: context.nextRef(), children: [] });
  }
  const write = (
    items: readonly { mark: Mark; ref: PDFRef; children?: { mark: Mark; ref: PDFRef }[] }[],
    parent: PDFRef,
  ) => {
    items.forEach((item, i) => {
      const dict = context.obj({
        Title: PDFHexString.fromText(item.mark.title),
        Parent: parent,
        Dest: destination(item.mark.page),
      });
      const prev = items[i - 1];
      const next = items[i + 1];
      if (prev !== undefined) dict.set(PDFName.of('Prev'), prev.ref);
      if (next !== undefined) dict.set(PDFName.of('Next'), next.ref);
      const children = item.children ?? [];
      const first = children[0];
      const lastChild = children.at(-1);
      if (first !== undefined && lastChild !== undefined) {
        dict.set(PDFName.of('First'), first.ref);
        dict.set(PDFName.of('Last'), lastChild.ref);
        // Negative: the children start closed, so a long list of exhibits does not swamp.
        dict.set(PDFName.of('Count'), PDFNumber.of(-children.length));
        write(children, item.ref);
      }
      context.assign(item.ref, dict);
    });
  };
  write(top, rootRef);
  const firstTop = top[0];
  const lastTop = top.at(-1);
  if (firstTop === undefined || lastTop === undefined) return;
  context.assign(
    rootRef,
    context.obj({
      Type: 'Outlines',
      First: firstTop.ref,
      Last: lastTop.ref,
      Count: top.length,
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels equal to the page numbers printed on the pages: 1, 2, 3… */
export function addPageLabels(doc: PDFDocument): void {
  const nums = doc.context.obj([0, { S: 'D', St: 1 }]);
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }));
}

/** A clickable area on `page` that jumps to `target` (the contents and the exhibit index). */
export function addLink(
  page: PDFPage,
  rect: { x: number; y: number; width: number; height: number },
  target: PDFPage,
): void {
  const context = page.doc.context;
  const annot = context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    Border: [0, 0, 0],
    Dest: destination(target),
  });
  const ref = context.register(annot);
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots === undefined) page.node.set(PDFName.of('Annots'), context.obj([ref]));
  else annots.push(ref);
}

export function countLinks(page: PDFPage): number {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots === undefined) return 0;
  return annots
    .asArray()
    .filter(
      (a) =>
        page.doc.context.lookupMaybe(a, PDFDict)?.get(PDFName.of('Subtype')) === PDFName.of('Link'),
    ).length;
}
