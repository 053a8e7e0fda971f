import fontkit from '@cantoo/fontkit';
import { PDFHexString, type PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { randomBytes } from 'node:crypto';
import { fontFiles, type FontBytes } from './font-files';

/**
 * The TTF fonts in assets/fonts (font-files.ts), embedded as subsets: the standard PDF fonts
 * cannot encode Cyrillic, and a subset keeps each dossier small while its text still extracts.
 */
export type Fonts = {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
  readonly mono: PDFFont;
};

/**
 * A subset font's name starts with six capital letters and "+" (ISO 32000-1, 9.6.4), which is
 * how readers and `pdffonts` know it is a subset. Random per document, as the tag should differ
 * between different subsets of one font.
 */
function subsetTag(): string {
  return Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

export async function embedFonts(doc: PDFDocument, bytes: FontBytes): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const embed = (key: keyof Fonts) =>
    doc.embedFont(bytes[key], {
      subset: true,
      customName: `${subsetTag()}+${fontFiles[key].replace(/\.ttf$/, '')}`,
    });
  const [regular, bold, italic, mono] = await Promise.all([
    embed('regular'),
    embed('bold'),
    embed('italic'),
    embed('mono'),
  ]);
  return {
    regular: shapeOnce(regular),
    bold: shapeOnce(bold),
    italic: shapeOnce(italic),
    mono: shapeOnce(mono),
  };
}

const printableAscii = /^[\x20-\x7e]*$/;

/**
 * pdf-lib shapes every string it draws with fontkit (tens of microseconds each), and a dossier
 * draws three stamps on each of thousands of pages. In printable ASCII, a string's glyphs are
 * its characters' glyphs one after another unless the font substitutes across two of them (a
 * ligature, a contextual form). So each character is shaped once, each pair of neighbours is
 * checked once against shaping the two together, and a string with a pair that shapes otherwise
 * (or any other character) is shaped whole, as before. The font is returned, changed.
 */
export function shapeOnce(font: PDFFont): PDFFont {
  const shape = font.encodeText.bind(font);
  const glyphs = new Map<string, string>();
  const pairs = new Map<string, boolean>();
  const glyphsOf = (char: string): string => {
    let hex = glyphs.get(char);
    if (hex === undefined) {
      hex = shape(char).asString();
      glyphs.set(char, hex);
    }
    return hex;
  };
  const pairHolds = (first: string, second: string): boolean => {
    const pair = first + second;
    let holds = pairs.get(pair);
    if (holds === undefined) {
      holds = shape(pair).asString() === glyphsOf(first) + glyphsOf(second);
      pairs.set(pair, holds);
    }
    return holds;
  };
  font.encodeText = (text: string): PDFHexString => {
    if (!printableAscii.test(text)) return shape(text);
    let hex = '';
    let previous: string | undefined;
    for (const char of text) {
      if (previous !== undefined && !pairHolds(previous, char)) return shape(text);
      hex += glyphsOf(char);
      previous = char;
    }
    return PDFHexString.of(hex);
  };
  return font;
}
