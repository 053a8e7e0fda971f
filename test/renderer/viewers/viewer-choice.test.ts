import { describe, expect, it } from 'vitest';
import type { EvidenceKind } from '../../../shared/evidence';
import { chooseViewer } from '../../../renderer/features/viewers/viewer-choice';
import { evidenceItem } from './viewer-fixtures';

const url = '/media/handle';

function withFile(kind: EvidenceKind, mimeType: string, extra = {}) {
  return evidenceItem({ kind, file: { mimeType }, ...extra });
}

describe('which viewer shows an item', () => {
  it.each([
    ['video', 'video/mp4', 'video'],
    ['video', 'application/octet-stream', 'video'],
    ['other', 'video/webm', 'video'],
    ['audio', 'audio/mpeg', 'audio'],
    ['video', 'audio/ogg', 'audio'],
    ['document', 'application/pdf', 'pdf'],
    ['other', 'Application/PDF; charset=binary', 'pdf'],
    ['image', 'image/jpeg', 'image'],
    ['document', 'image/png', 'image'],
    ['document', 'application/zip', 'none'],
  ] as const)('%s with %s → %s', (kind, mime, viewer) => {
    expect(chooseViewer(withFile(kind, mime), url).viewer).toBe(viewer);
  });

  it('gives each file viewer the media URL', () => {
    expect(chooseViewer(withFile('document', 'application/pdf'), url)).toEqual({
      viewer: 'pdf',
      url,
    });
  });

  it('shows the extracted text of a file no viewer can show', () => {
    const docx = withFile(
      'document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      { textBlob: { blobId: 'a'.repeat(26), chars: 1200 } },
    );
    expect(chooseViewer(docx, url)).toEqual({ viewer: 'text' });
  });

  it('never shows a file without a media URL', () => {
    expect(chooseViewer(withFile('video', 'video/mp4'), null)).toEqual({ viewer: 'none' });
  });

  it('edits statements, whatever file came with them', () => {
    expect(chooseViewer(evidenceItem({ kind: 'statement' }), null)).toEqual({
      viewer: 'statement',
    });
    expect(chooseViewer(withFile('statement', 'application/pdf'), url).viewer).toBe('statement');
  });

  it('shows an article beside its original: framed HTML, a PDF, an image, or none', () => {
    expect(chooseViewer(withFile('article', 'text/html; charset=utf-8'), url)).toEqual({
      viewer: 'article',
      original: { type: 'frame', url },
    });
    expect(chooseViewer(withFile('article', 'application/pdf'), url)).toEqual({
      viewer: 'article',
      original: { type: 'pdf', url },
    });
    expect(chooseViewer(withFile('article', 'image/png'), url)).toEqual({
      viewer: 'article',
      original: { type: 'image', url },
    });
    // Pasted text has no file; a saved web archive cannot be framed.
    expect(chooseViewer(evidenceItem({ kind: 'article' }), null)).toEqual({
      viewer: 'article',
      original: null,
    });
    expect(chooseViewer(withFile('article', 'multipart/related'), url)).toEqual({
      viewer: 'article',
      original: null,
    });
  });
});
