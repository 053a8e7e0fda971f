import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The TTF files of the dossier's fonts in assets/fonts, read by the main process and handed to
 * the build thread, which embeds them (fonts.ts): this side never loads pdf-lib or fontkit.
 */
export const fontFiles = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontBytes = Readonly<Record<keyof typeof fontFiles, Uint8Array>>;

/**
 * assets/fonts as seen from `here`: from the sources (electron/core/dossier) it is three folders
 * up; from the build (out/main, or a chunk under it) two or three.
 */
export function findFontsDir(here: string, exists: (path: string) => boolean = existsSync) {
  for (let dir = here, i = 0; i < 6; dir = dirname(dir), i += 1) {
    const candidate = join(dir, 'assets', 'fonts');
    if (exists(join(candidate, fontFiles.regular))) return candidate;
  }
  throw new Error('The dossier fonts (assets/fonts) are missing from this installation.');
}

let cached: Promise<FontBytes> | undefined;

export function loadFontBytes(): Promise<FontBytes> {
  cached ??= (async () => {
    const dir = findFontsDir(dirname(fileURLToPath(import.meta.url)));
    const entries = await Promise.all(
      Object.entries(fontFiles).map(async ([key, name]) => [key, await readFile(join(dir, name))]),
    );
    return Object.fromEntries(entries) as FontBytes;
  })();
  return cached;
}
