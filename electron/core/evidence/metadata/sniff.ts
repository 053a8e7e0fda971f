import { fileTypeFromTokenizer } from 'file-type';
import { ByteSourceTokenizer } from './byte-tokenizer';
import { mimeTypeFromName, normaliseMimeType } from './mime-names';
import type { ByteSource } from './types';

/**
 * The MIME type of a file from its bytes (file-type's signatures, then the text formats it does
 * not know: HTML, MHTML, plain text), else from the type the sender declared, else from the
 * file name's extension, else application/octet-stream. The bytes win because a name or a
 * declared type is only what someone claimed.
 */
export async function sniffMimeType(
  source: ByteSource,
  fileName: string,
  declaredMimeType: string,
): Promise<{ mimeType: string; fromBytes: boolean }> {
  if (source.size > 0) {
    // file-type can trip over bytes that half-match a signature: then the bytes say nothing.
    const detected = await fileTypeFromTokenizer(new ByteSourceTokenizer(source)).catch(
      () => undefined,
    );
    if (detected !== undefined) return { mimeType: detected.mime, fromBytes: true };
    const head = await source.read(0, 4096);
    const text = sniffText(head);
    if (text !== undefined) return { mimeType: text, fromBytes: true };
  }
  const declared = normaliseMimeType(declaredMimeType);
  if (declared !== undefined) return { mimeType: declared, fromBytes: false };
  const byName = mimeTypeFromName(fileName);
  return { mimeType: byName ?? 'application/octet-stream', fromBytes: false };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** HTML, a saved MHTML page, or text; undefined for anything binary. */
export function sniffText(head: Uint8Array): string | undefined {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return 'text/plain';
  let decoded: string;
  try {
    // A multi-byte character cut at the end of the head is not a reason to call it binary.
    decoded = utf8.decode(head.subarray(0, trimIncomplete(head)));
  } catch {
    return looksLikeSingleByteText(head) ? 'text/plain' : undefined;
  }
  // eslint-disable-next-line no-control-regex -- NUL and other C0 controls mean binary data
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(decoded)) return undefined;
  const start = decoded.replace(/^\uFEFF/, '').trimStart();
  const lower = start.slice(0, 1024).toLowerCase();
  if (/^(from|mime-version|snapshot-content-location|subject|date|content-type):/m.test(lower)) {
    if (/content-type:\s*multipart\/related/.test(decoded.toLowerCase()))
      return 'multipart/related';
  }
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/.test(lower)) {
    return 'text/html';
  }
  return 'text/plain';
}

function trimIncomplete(bytes: Uint8Array): number {
  // Step back over at most three continuation bytes to the start of the last character.
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = bytes[end - i]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end -= i;
    break;
  }
  return end;
}

/** Text in a legacy single-byte encoding (Windows-1251 Russian, say): no control bytes. */
function looksLikeSingleByteText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  return true;
}
