import { describe, expect, it } from 'vitest';
import {
  mimeTypeFromName,
  normaliseMimeType,
} from '../../../../electron/core/evidence/metadata/mime-names';
import { sniffMimeType, sniffText } from '../../../../electron/core/evidence/metadata/sniff';
import { virtualSource } from './extract-helpers';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the type of a file', () => {
  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>', 'text/html'],
    ['\uFEFF  <html lang="ru"><head>', 'text/html'],
    ['<!-- saved from url=(0022)https://example.org/ -->\n<html>', 'text/html'],
    [
      'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n',
      'multipart/related',
    ],
    ['Date: 20 Nov 2022\nThe witness said…', 'text/plain'],
    ['Показания свидетеля', 'text/plain'],
  ])('of %j is %s', (text, mime) => {
    expect(sniffText(bytes(text))).toBe(mime);
  });

  it('is binary when the bytes hold control characters', () => {
    expect(sniffText(new Uint8Array([0x00, 0x01, 0x02, 0x41]))).toBeUndefined();
  });

  it('is text for Windows-1251 Russian, which is not UTF-8', () => {
    expect(sniffText(new Uint8Array([0xcf, 0xee, 0xea, 0xe0, 0xe7, 0xe0, 0xed, 0xe8, 0xff]))).toBe(
      'text/plain',
    );
  });

  it('comes from the bytes before the declared type and the name', async () => {
    const pdf = virtualSource(64, [{ at: 0, bytes: bytes('%PDF-1.7\n') }]);
    await expect(sniffMimeType(pdf, 'photo.jpg', 'image/jpeg')).resolves.toEqual({
      mimeType: 'application/pdf',
      fromBytes: true,
    });
  });

  it('falls back to the declared type, then the extension, then octet-stream', async () => {
    const binary = virtualSource(64, [{ at: 0, bytes: new Uint8Array([0, 1, 2, 3, 4, 5]) }]);
    await expect(sniffMimeType(binary, 'clip.mp4', 'video/webm; codecs=vp9')).resolves.toEqual({
      mimeType: 'video/webm',
      fromBytes: false,
    });
    await expect(sniffMimeType(binary, 'clip.MOV', '')).resolves.toMatchObject({
      mimeType: 'video/quicktime',
    });
    await expect(sniffMimeType(binary, 'clip', 'application/octet-stream')).resolves.toMatchObject({
      mimeType: 'application/octet-stream',
    });
  });

  it.each([
    ['text/html; charset=utf-8', 'text/html'],
    ['IMAGE/JPEG', 'image/jpeg'],
    ['application/octet-stream', undefined],
    ['', undefined],
    ['not a type', undefined],
    ['text/html\r\nX-Injected: 1', undefined],
    [`application/${'x'.repeat(300)}`, undefined],
  ])('declared as %j is taken as %s', (declared, expected) => {
    expect(normaliseMimeType(declared)).toBe(expected);
  });

  it('knows the extensions of saved pages and office files', () => {
    expect(mimeTypeFromName('page.mhtml')).toBe('multipart/related');
    expect(mimeTypeFromName('Заявление.DOCX')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(mimeTypeFromName('no-extension')).toBeUndefined();
  });
});
