import fontkit from '@cantoo/fontkit';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The TTF fonts in assets/fonts, embedded as subsets: the standard PDF fonts cannot encode
 * Cyrillic, and a subset keeps each dossier small while its text still extracts.
 */
export type Fonts = {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly italic: PDFFont;
  readonly mono: PDFFont;
};
export type FontBytes = Readonly<Record<keyof Fonts, Uint8Array>>;

const files: Record<keyof Fonts, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/**
 * assets/fonts as seen from `here`: from the sources (electron/core/dossier) it is three folders
 * up; from the build (out/main, or a chunk under it) two or three.
 */
export function findFontsDir(here: string, exists: (path: string) => boolean = existsSync) {
  for (let dir = here, i = 0; i < 6; dir = dirname(dir), i += 1) {
    const candidate = join(dir, 'assets', 'fonts');
    if (exists(join(candidate, files.regular))) return candidate;
  }
  throw new Error('The dossier fonts (assets/fonts) are missing from this installation.');
}

let cached: Promise<FontBytes> | undefined;

export function loadFontBytes(): Promise<FontBytes> {
  cached ??= (async () => {
    const dir = findFontsDir(dirname(fileURLToPath(import.meta.url)));
    const entries = await Promise.all(
      Object.entries(files).map(async ([key, name]) => [key, await readFile(join(dir, name))]),
    );
    return Object.fromEntries(entries) as FontBytes;
  })();
  return cached;
}

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
      customName: `${subsetTag()}+${files[key].replace(/\.ttf$/, '')}`,
    });
  const [regular, bold, italic, mono] = await Promise.all([
    embed('regular'),
    embed('bold'),
    embed('italic'),
    embed('mono'),
  ]);
  return { regular, bold, italic, mono };
}
