import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib';
import { cleanText } from './clean-text';
import type { Fonts } from './fonts';

/** A4 in points, with margins that leave the foot of each page to the stamps. */
export const pageSize = { width: 595.28, height: 841.89 } as const;
export const margins = { top: 60, bottom: 78, left: 62, right: 62 } as const;
export const textWidth = pageSize.width - margins.left - margins.right;

export type TextStyle = {
  readonly font?: keyof Fonts;
  readonly size?: number;
  readonly color?: RGB;
  readonly indent?: number;
  /** Space after the block, in points. */
  readonly after?: number;
};

export type Cell = {
  readonly text: string;
  readonly width: number;
  readonly font?: keyof Fonts;
  readonly size?: number;
  readonly color?: RGB;
};

/** Where a block landed: its page, and the top and bottom of what was drawn there. */
export type Placement = { readonly page: PDFPage; readonly top: number; readonly bottom: number };

const black = rgb(0, 0, 0);
export const grey = rgb(0.35, 0.35, 0.35);

const advances = new WeakMap<PDFFont, Map<string, number>>();

/**
 * A text's width, from each character's advance measured once per font. fontkit shapes every
 * string it is asked to measure (tens of microseconds each), and a dossier measures hundreds of
 * thousands; kerning, which the sum leaves out, only ever narrows Latin and Cyrillic text, so
 * a line that fits by this measure fits on the page.
 */
export function measure(font: PDFFont, text: string, size: number): number {
  let known = advances.get(font);
  if (known === undefined) {
    known = new Map();
    advances.set(font, known);
  }
  let units = 0;
  for (const char of text) {
    let advance = known.get(char);
    if (advance === undefined) {
      advance = font.widthOfTextAtSize(char, 1000);
      known.set(char, advance);
    }
    units += advance;
  }
  return (units * size) / 1000;
}

/** Greedy line breaking by measured word widths; a word longer than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = measure(font, ' ', size);
  for (const paragraph of cleanText(text).split('\n')) {
    const words = paragraph.split(' ');
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = measure(font, word, size);
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '' || (word === '' && lines.length > 0)) lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A hash, a URL, a word in a narrow column: cut it where it stops fitting.
      let piece = '';
      let pieceWidth = 0;
      for (const char of word) {
        const charWidth = measure(font, char, size);
        if (piece !== '' && pieceWidth + charWidth > width) {
          lines.push(piece);
          piece = '';
          pieceWidth = 0;
        }
        piece += char;
        pieceWidth += charWidth;
      }
      line = piece;
      lineWidth = pieceWidth;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Flows text onto pages. Pages come from `nextPage`: new ones added to the document, or pages
 * reserved earlier (the contents and the index are drawn last, onto pages kept for them). A
 * typesetter without a document only measures: it counts the pages a text would take, which
 * is how those pages are reserved.
 */
export class Typesetter {
  private current: PDFPage | undefined;
  private y = 0;
  pageCount = 0;

  /**
   * `filter` sees every text before it is laid out: in a disclosure build, the pseudonymiser,
   * so that no field can reach a page without passing through it.
   */
  constructor(
    private readonly fonts: Fonts,
    private readonly nextPage: (() => PDFPage) | null,
    private readonly filter: (text: string) => string = (text) => text,
  ) {}

  static adding(doc: PDFDocument, fonts: Fonts, filter?: (text: string) => string): Typesetter {
    return new Typesetter(fonts, () => doc.addPage([pageSize.width, pageSize.height]), filter);
  }

  static measuring(fonts: Fonts, filter?: (text: string) => string): Typesetter {
    return new Typesetter(fonts, null, filter);
  }

  get page(): PDFPage | undefined {
    return this.current;
  }

  newPage(): void {
    this.current = this.nextPage?.();
    this.pageCount += 1;
    this.y = pageSize.height - margins.top;
  }

  /** Starts a page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.pageCount === 0 || this.y - height < margins.bottom) this.newPage();
  }

  space(points: number): void {
    if (this.pageCount === 0) this.newPage();
    this.y -= points;
  }

  /** How far down the page the next line would start. */
  get cursor(): number {
    return this.y;
  }

  font(key: keyof Fonts = 'regular'): PDFFont {
    return this.fonts[key];
  }

  /** A block of wrapped text; lines go to the next page when this one is full. */
  text(text: string, style: TextStyle = {}): Placement[] {
    const font = this.fonts[style.font ?? 'regular'];
    const size = style.size ?? 10.5;
    const indent = style.indent ?? 0;
    const leading = size * 1.35;
    const placements: Placement[] = [];
    for (const line of wrapText(this.filter(text), font, size, textWidth - indent)) {
      this.ensure(leading);
      const top = this.y;
      this.y -= leading;
      this.current?.drawText(line, {
        x: margins.left + indent,
        y: this.y + (leading - size) * 0.6,
        size,
        font,
        color: style.color ?? black,
      });
      const last = placements.at(-1);
      if (last !== undefined && last.page === this.current)
        placements[placements.length - 1] = { ...last, bottom: this.y };
      else if (this.current !== undefined)
        placements.push({ page: this.current, top, bottom: this.y });
    }
    this.y -= style.after ?? size * 0.5;
    return placements;
  }

  heading(text: string, level: 1 | 2 | 3): Placement | undefined {
    const size = level === 1 ? 17 : level === 2 ? 13.5 : 11.5;
    if (level === 1) this.newPage();
    else this.ensure(size * 4);
    if (level !== 1) this.y -= size * 0.4;
    return this.text(text, { font: 'bold', size, after: size * 0.5 })[0];
  }

  /** Label and value pairs, the label in a narrow column. */
  fields(rows: readonly (readonly [string, string | undefined])[], labelWidth = 130): void {
    for (const [label, value] of rows) {
      if (value === undefined || value.trim() === '') continue;
      this.row([
        { text: label, width: labelWidth, font: 'bold', size: 9.5 },
        { text: value, width: textWidth - labelWidth, size: 9.5 },
      ]);
    }
  }

  /**
   * One row of a table: each cell wraps in its column, the row is as tall as its tallest cell
   * and moves to the next page whole (unless it alone is taller than a page).
   */
  row(cells: readonly Cell[], options: { rule?: boolean } = {}): Placement | undefined {
    const wrapped = cells.map((cell) => {
      const font = this.fonts[cell.font ?? 'regular'];
      const size = cell.size ?? 9;
      const lines = wrapText(this.filter(cell.text), font, size, cell.width - 6);
      return { cell, font, size, lines };
    });
    const lineHeight = (size: number) => size * 1.3;
    const height = Math.max(...wrapped.map((w) => w.lines.length * lineHeight(w.size))) + 4;
    const pageRoom = pageSize.height - margins.top - margins.bottom;
    this.ensure(Math.min(height, pageRoom));
    const top = this.y;
    let x = margins.left;
    for (const { cell, font, size, lines } of wrapped) {
      let y = top;
      for (const line of lines) {
        if (y - lineHeight(size) < margins.bottom) break;
        y -= lineHeight(size);
        this.current?.drawText(line, {
          x,
          y: y + size * 0.2,
          size,
          font,
          color: cell.color ?? black,
        });
      }
      x += cell.width;
    }
    this.y = Math.max(top - height, margins.bottom);
    if (options.rule === true)
      this.current?.drawLine({
        start: { x: margins.left, y: this.y + 1 },
        end: { x: pageSize.width - margins.right, y: this.y + 1 },
        thickness: 0.4,
        color: rgb(0.75, 0.75, 0.75),
      });
    return this.current === undefined ? undefined : { page: this.current, top, bottom: this.y };
  }

  /**
   * Two texts side by side, paragraph beside paragraph: an original and its translation. On
   * each page the left column is drawn before the right, so that text extraction reads one
   * column, then the other, not alternating lines.
   */
  parallel(left: string, right: string, headings: readonly [string, string]): void {
    const gutter = 14;
    const width = (textWidth - gutter) / 2;
    const size = 10;
    const leading = size * 1.35;
    const regular = this.fonts.regular;
    const xs = [margins.left, margins.left + width + gutter] as const;
    this.row([
      { text: headings[0], width: width + gutter, font: 'bold', size: 10.5 },
      { text: headings[1], width, font: 'bold', size: 10.5 },
    ]);
    const paragraphs = [left, right].map((t) => cleanText(this.filter(t)).split(/\n/));
    const count = Math.max(paragraphs[0]?.length ?? 0, paragraphs[1]?.length ?? 0);
    let pending: { column: 0 | 1; line: string; y: number }[] = [];
    const flush = () => {
      for (const column of [0, 1] as const)
        for (const item of pending.filter((p) => p.column === column))
          this.current?.drawText(item.line, { x: xs[column], y: item.y, size, font: regular });
      pending = [];
    };
    for (let i = 0; i < count; i += 1) {
      const lines = paragraphs.map((p) => wrapText(p[i] ?? '', regular, size, width));
      const rows = Math.max(lines[0]?.length ?? 0, lines[1]?.length ?? 0);
      for (let r = 0; r < rows; r += 1) {
        if (this.y - leading < margins.bottom) {
          flush();
          this.newPage();
        }
        this.y -= leading;
        for (const column of [0, 1] as const) {
          const line = lines[column]?.[r];
          if (line !== undefined && line !== '')
            pending.push({ column, line, y: this.y + (leading - size) * 0.6 });
        }
      }
      this.y -= size * 0.5;
    }
    flush();
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.current?.drawLine({
      start: { x: margins.left, y: this.y },
      end: { x: pageSize.width - margins.right, y: this.y },
      thickness: 0.6,
      color: grey,
    });
    this.y -= 6;
  }
}
