import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The checks browser mode makes before it does anything for a request. The server listens on
 * 127.0.0.1 only; these checks stop the other ways in: a web page in the user's browser
 * (Origin), a hostile DNS name pointed at 127.0.0.1 (Host: DNS rebinding) and any local process
 * or page without the per-launch token.
 */

/** The largest JSON call: a captured still (16 MiB of PNG in base64) or a long statement. */
export const maxBodyBytes = 24 * 1024 * 1024;

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** No Origin: a non-browser client, which still needs the token. "null" or any other origin: refused. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return (
    origin === undefined ||
    origin === `http://127.0.0.1:${port}` ||
    origin === `http://localhost:${port}`
  );
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(authorization ?? '');
  return match?.[1];
}

/** Compares digests so that neither the length nor the content of the token leaks by timing. */
export function isValidToken(presented: string | undefined, token: string): boolean {
  if (presented === undefined || token.length === 0) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function isJsonContentType(contentType: string | undefined): boolean {
  return /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(contentType ?? '');
}

/** The channel named by an API path, or undefined: `/api/app:info` → `app:info`. */
export function channelFromPath(pathname: string): string | undefined {
  const match = /^\/api\/([a-z][a-z0-9-]*:[a-z][a-z0-9-]*)$/.exec(pathname);
  return match?.[1];
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
