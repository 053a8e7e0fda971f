import type { EvidenceRecord } from '../../../shared/evidence';

/**
 * Which viewer shows an item: by its kind first where the kind has a viewer of its own
 * (statement, article), then by what the original file is. An item without a file, or whose
 * file no viewer can show, falls back to its extracted text, then to a plain description.
 */
export type ArticleOriginal =
  | { readonly type: 'frame'; readonly url: string }
  | { readonly type: 'pdf'; readonly url: string }
  | { readonly type: 'image'; readonly url: string };

export type ViewerChoice =
  | { readonly viewer: 'video'; readonly url: string }
  | { readonly viewer: 'audio'; readonly url: string }
  | { readonly viewer: 'pdf'; readonly url: string }
  | { readonly viewer: 'image'; readonly url: string }
  | { readonly viewer: 'article'; readonly original: ArticleOriginal | null }
  | { readonly viewer: 'statement' }
  | { readonly viewer: 'text' }
  | { readonly viewer: 'none' };

/** Shown in a sandboxed frame: the media server forbids script in whatever it serves. */
const framedTypes = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

export function baseMimeType(mimeType: string | undefined): string {
  return (mimeType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function articleOriginal(mime: string, url: string | null): ArticleOriginal | null {
  if (url === null) return null;
  if (framedTypes.has(mime)) return { type: 'frame', url };
  if (mime === 'application/pdf') return { type: 'pdf', url };
  if (mime.startsWith('image/')) return { type: 'image', url };
  return null;
}

export function chooseViewer(item: EvidenceRecord, mediaUrl: string | null): ViewerChoice {
  const url = item.file === undefined ? null : mediaUrl;
  const mime = baseMimeType(item.file?.mimeType);
  if (item.kind === 'statement') return { viewer: 'statement' };
  if (item.kind === 'article') return { viewer: 'article', original: articleOriginal(mime, url) };
  if (url !== null) {
    if (mime.startsWith('video/')) return { viewer: 'video', url };
    if (mime.startsWith('audio/')) return { viewer: 'audio', url };
    if (item.kind === 'video') return { viewer: 'video', url };
    if (item.kind === 'audio') return { viewer: 'audio', url };
    if (mime === 'application/pdf') return { viewer: 'pdf', url };
    if (mime.startsWith('image/')) return { viewer: 'image', url };
  }
  if (item.textBlob !== undefined) return { viewer: 'text' };
  return { viewer: 'none' };
}
