/**
 * MIME types from what came with a file (its declared type, its name's extension): the
 * fallback when the bytes say nothing. Kept apart from sniff.ts so that the app's own thread
 * can use it without loading the sniffing library.
 */
export function normaliseMimeType(value: string): string | undefined {
  const bare = value.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(bare)) return undefined;
  if (bare === 'application/octet-stream' || bare.length > 200) return undefined;
  return bare;
}

const byExtension: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  xhtml: 'application/xhtml+xml',
  mht: 'multipart/related',
  mhtml: 'multipart/related',
  pdf: 'application/pdf',
  rtf: 'application/rtf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/matroska',
  mp3: 'audio/mpeg',
  m4a: 'audio/x-m4a',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg; codecs=opus',
  wav: 'audio/wav',
  flac: 'audio/flac',
};

export function mimeTypeFromName(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  return byExtension[fileName.slice(dot + 1).toLowerCase()];
}
