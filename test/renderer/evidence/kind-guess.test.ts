import { describe, expect, it } from 'vitest';
import { guessKind } from '../../../renderer/features/evidence/kind-guess';

describe('the kind guessed for a dropped file', () => {
  it.each([
    ['video.mp4', 'video/mp4', 'video'],
    ['clip.MOV', '', 'video'],
    ['voice.ogg', 'audio/ogg', 'audio'],
    ['note.m4a', '', 'audio'],
    ['photo.jpg', 'image/jpeg', 'image'],
    ['scan.HEIC', '', 'image'],
    ['meduza.html', 'text/html', 'article'],
    ['saved.mhtml', 'multipart/related', 'article'],
    ['saved.mht', '', 'article'],
    ['charge.pdf', 'application/pdf', 'document'],
    ['appeal.docx', '', 'document'],
    ['appeal.odt', 'application/vnd.oasis.opendocument.text', 'document'],
    ['letter.rtf', 'text/rtf', 'document'],
    ['notes.txt', 'text/plain; charset=utf-8', 'document'],
    ['archive.zip', 'application/zip', 'other'],
    ['no-extension', '', 'other'],
    ['.mp4', '', 'other'],
  ] as const)('%s (%s) → %s', (name, mime, kind) => {
    expect(guessKind(name, mime)).toBe(kind);
  });
});
