import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, posix, sep } from 'node:path';
import { Readable } from 'node:stream';
import { securityHeaders } from '../security/security-headers';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps a URL path (still percent-encoded, as it came in the request) to a file under root, or
 * null when it is not a safe path: undecodable, with a NUL or a backslash, with an empty, `.`,
 * `..` or other hidden segment, or resolving outside root by any route.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded === '/' ? [] : decoded.split('/').slice(1);
  if (segments.some((s) => s === '' || s.startsWith('.'))) return null;
  const relative = posix.normalize(decoded === '/' ? '/index.html' : decoded).slice(1);
  if (relative === '' || relative.endsWith('/')) return null;
  const full = join(root, ...relative.split('/'));
  const base = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(base) ? full : null;
}

export async function serveStatic(root: string, urlPath: string): Promise<Response> {
  const file = resolveStaticPath(root, urlPath);
  if (file === null) return plainResponse(400, 'Bad path');
  try {
    const info = await stat(file);
    if (!info.isFile()) return plainResponse(404, 'Not found');
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        ...securityHeaders(),
        'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(info.size),
      },
    });
  } catch {
    return plainResponse(404, 'Not found');
  }
}

export function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
