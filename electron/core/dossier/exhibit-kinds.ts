import type { Exhibit } from './content';

/** What an exhibit is made of, known without pdf-lib (the main process never loads it). */
export const pdfTypes = new Set(['application/pdf']);
export const imageTypes = new Set(['image/jpeg', 'image/png']);

/** Which exhibits need their original's bytes: those whose pages or picture are reproduced. */
export function needsOriginal(exhibit: Exhibit): boolean {
  const type = exhibit.item.file?.mimeType ?? '';
  return pdfTypes.has(type) || imageTypes.has(type);
}
