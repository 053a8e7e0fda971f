import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { caseStore } from '../cases/case-store';
import { toErrorData } from '../habeas-error';
import { securityHeaders } from '../security/security-headers';
import type { VaultSession } from '../vault/vault-session';
import { parseByteRange } from './byte-range';

/**
 * Decrypted evidence for <video>, <img> and the PDF viewer, by opaque handle: `…/<handle>`
 * under habeas-media:// (Electron) or /media/ (browser mode). A handle names one blob and its
 * MIME type, is unguessable, and dies when the vault locks. Only the chunks a Range covers are
 * decrypted; nothing is written to disk.
 */
export type MediaEntry = {
  readonly caseId: string;
  readonly blobId: string;
  readonly mimeType: string;
};

export class MediaRegistry {
  private readonly entries = new Map<string, MediaEntry>();
  /** One handle per file: a screen that reloads gets the same URL, and the map stays small. */
  private readonly handles = new Map<string, string>();

  register(entry: MediaEntry): string {
    const key = `${entry.caseId}/${entry.blobId}/${entry.mimeType}`;
    const known = this.handles.get(key);
    if (known !== undefined) return known;
    const handle = randomBytes(24).toString('base64url');
    this.entries.set(handle, entry);
    this.handles.set(key, handle);
    return handle;
  }

  resolve(handle: string): MediaEntry | undefined {
    return this.entries.get(handle);
  }

  clear(): void {
    this.entries.clear();
    this.handles.clear();
  }
}

function plain(status: number, extra: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...securityHeaders(), ...extra } });
}

export function createMediaHandler(
  session: VaultSession,
  registry: MediaRegistry,
): (request: Request) => Promise<Response> {
  // Responses still streaming when the vault locks stop there: their files are closed, and a
  // closed file decrypts nothing more.
  const open = new Set<{ close(): Promise<void> }>();
  session.onLock(() => {
    registry.clear();
    for (const file of open) void file.close().catch(() => undefined);
    open.clear();
  });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405);
    const handle = new URL(request.url).pathname.split('/').pop() ?? '';
    const entry = registry.resolve(handle);
    const vault = session.current();
    if (entry === undefined || vault === null) return plain(404);
    let file;
    try {
      file = await caseStore(vault).blobs(entry.caseId).open(entry.blobId);
    } catch (error) {
      return plain(toErrorData(error).code === 'NOT_FOUND' ? 404 : 500);
    }
    const size = file.plaintextSize;
    const range = parseByteRange(request.headers.get('range'), size);
    if (range === 'unsatisfiable') {
      await file.close();
      return plain(416, { 'Content-Range': `bytes */${size}` });
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    const length = size === 0 ? 0 : end - start + 1;
    const headers: Record<string, string> = {
      ...securityHeaders(),
      // Evidence is content, never code: opened as a page, an HTML or SVG exhibit gets a
      // sandbox with nothing allowed, so it cannot run script on the app's origin.
      'Content-Security-Policy':
        "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'",
      'Content-Type': entry.mimeType,
      'Content-Length': String(length),
      'Accept-Ranges': 'bytes',
      ...(range === null ? {} : { 'Content-Range': `bytes ${start}-${end}/${size}` }),
    };
    const status = range === null ? 200 : 206;
    if (request.method === 'HEAD' || length === 0) {
      await file.close();
      return new Response(null, { status, headers });
    }
    const stream = file.createReadStream(start, end + 1);
    open.add(file);
    stream.once('close', () => {
      open.delete(file);
      void file.close().catch(() => undefined);
    });
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
  };
}
