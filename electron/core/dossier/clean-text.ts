/**
 * Text as the PDF can hold it: no control characters (a tab is a space), one kind of newline.
 * Glyphs the font lacks still become .notdef; nothing here throws on odd text.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, '')
  );
}
