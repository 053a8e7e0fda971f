import type { EvidenceKind } from '../../../shared/evidence';

/**
 * The kind a dropped file most likely is, from what the browser says of it. Only a first
 * guess for the intake form: the lawyer can change it per file, and core reads the real
 * format from the bytes whatever was guessed.
 */
const articleExtensions = new Set(['html', 'htm', 'mhtml', 'mht']);
const documentExtensions = new Set(['pdf', 'docx', 'odt', 'rtf', 'txt']);
const documentMimeTypes = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/rtf',
  'text/rtf',
  'text/plain',
]);
// Browsers leave the type empty for formats they do not know; the extension is all there is.
const videoExtensions = new Set(['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', '3gp', 'ts']);
const audioExtensions = new Set(['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'wav', 'flac']);
const imageExtensions = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'heic',
  'heif',
  'tif',
  'tiff',
]);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function guessKind(fileName: string, mimeType: string): EvidenceKind {
  const mime = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  const extension = extensionOf(fileName);
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'text/html' || articleExtensions.has(extension)) return 'article';
  if (documentMimeTypes.has(mime) || documentExtensions.has(extension)) return 'document';
  if (videoExtensions.has(extension)) return 'video';
  if (audioExtensions.has(extension)) return 'audio';
  if (imageExtensions.has(extension)) return 'image';
  return 'other';
}
