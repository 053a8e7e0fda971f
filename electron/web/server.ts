import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../../shared/result';
import { dispatch, dispatchUploadPiece } from '../core/api';
import { uploadPieceSize } from '../core/evidence/uploads';
import type { AppContext } from '../core/app-context';
import { securityHeaders } from '../core/security/security-headers';
import { plainResponse, serveStatic } from '../core/static/static-files';
import { BodyTooLargeError, readBody, sendJson, sendResponse } from './node-http';
import {
  bearerToken,
  channelFromPath,
  cookieValue,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  isValidToken,
  maxBodyBytes,
} from './request-guard';

export type MediaHandler = (request: Request) => Promise<Response>;

export type BrowserServerOptions = {
  readonly port: number;
  readonly token: string;
  readonly rendererDir: string;
  readonly ctx: AppContext;
  readonly media?: MediaHandler;
};

export type BrowserServer = {
  readonly port: number;
  /** The address to open, with the token in the fragment (never sent to the server, never logged). */
  readonly url: string;
  /**
   * An address with a one-time launch code in place of the token, for a browser started on the
   * command line, where other local users can read it: the page trades the code for the token
   * once, and the code is dead from then on.
   */
  launchUrl(): string;
  close(): Promise<void>;
};

/**
 * Browser mode: the renderer and the contract over HTTP on 127.0.0.1.
 *   GET  /…            the built renderer, static files
 *   POST /api/<channel> a contract call: JSON in, Result out; Bearer token required
 *   POST /launch        trades a one-time launch code for the token (the code dies)
 *   POST /session       exchanges the Bearer token for an HttpOnly cookie scoped to /media/,
 *                       since <video> and <img> cannot send an Authorization header
 *   GET  /media/…       decrypted evidence through core/media; token (header or cookie) required
 *   PUT  /upload/<id>?offset=N  one piece (≤ 8 MiB) of a file begun with intake:begin; token required
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  let port = options.port;
  // The cookie carries a secret of its own, good for /media/ only: cookies are not kept apart
  // by port, so another server on 127.0.0.1 could be sent it, and must not get the API token.
  const mediaSecret = randomBytes(32).toString('base64url');
  const launchCodes = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res, { ...options, port }, mediaSecret, launchCodes).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, fail('INTERNAL', 'An internal error occurred.'), securityHeaders());
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    launchUrl: () => {
      const code = randomBytes(32).toString('base64url');
      launchCodes.add(code);
      return `http://127.0.0.1:${port}/#launch=${code}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function mediaCookieName(port: number): string {
  return `habeas-media-${port}`;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: BrowserServerOptions,
  mediaSecret: string,
  launchCodes: Set<string>,
): Promise<void> {
  const { port, token } = options;
  const headers = securityHeaders();
  if (!isAllowedHost(req.headers.host, port))
    return sendJson(res, 403, fail('UNAUTHORIZED', 'Forbidden host.'), headers);
  if (!isAllowedOrigin(req.headers.origin, port)) {
    return sendJson(res, 403, fail('UNAUTHORIZED', 'Forbidden origin.'), headers);
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const method = req.method ?? 'GET';
  const presented = bearerToken(req.headers.authorization);

  if (url.pathname.startsWith('/api/')) {
    if (method !== 'POST')
      return sendJson(res, 405, fail('VALIDATION_FAILED', 'Use POST.'), headers);
    if (!isValidToken(presented, token))
      return sendJson(res, 401, fail('UNAUTHORIZED', 'Token required.'), headers);
    const channel = channelFromPath(url.pathname);
    if (channel === undefined)
      return sendJson(res, 404, fail('NOT_FOUND', 'Unknown channel.'), headers);
    if (!isJsonContentType(req.headers['content-type'])) {
      return sendJson(res, 415, fail('VALIDATION_FAILED', 'Send application/json.'), headers);
    }
    let input: unknown;
    try {
      const body = await readBody(req, maxBodyBytes);
      input = JSON.parse(body.toString('utf8'));
    } catch (error) {
      return error instanceof BodyTooLargeError
        ? sendJson(res, 413, fail('VALIDATION_FAILED', 'The request is too large.'), headers)
        : sendJson(res, 400, fail('VALIDATION_FAILED', 'The request is not valid JSON.'), headers);
    }
    return sendJson(res, 200, await dispatch(channel, input, options.ctx), headers);
  }

  if (url.pathname.startsWith('/upload/')) {
    if (method !== 'PUT') return sendJson(res, 405, fail('VALIDATION_FAILED', 'Use PUT.'), headers);
    if (!isValidToken(presented, token))
      return sendJson(res, 401, fail('UNAUTHORIZED', 'Token required.'), headers);
    const offset = Number(url.searchParams.get('offset') ?? 'NaN');
    let body: Buffer;
    try {
      body = await readBody(req, uploadPieceSize);
    } catch (error) {
      return error instanceof BodyTooLargeError
        ? sendJson(res, 413, fail('VALIDATION_FAILED', 'The piece is too large.'), headers)
        : sendJson(res, 400, fail('VALIDATION_FAILED', 'The piece did not arrive.'), headers);
    }
    const uploadId = decodeURIComponent(url.pathname.slice('/upload/'.length));
    return sendJson(
      res,
      200,
      await dispatchUploadPiece(uploadId, offset, body, options.ctx),
      headers,
    );
  }

  if (url.pathname === '/launch') {
    if (method !== 'POST')
      return sendJson(res, 405, fail('VALIDATION_FAILED', 'Use POST.'), headers);
    let code: unknown;
    try {
      code = (JSON.parse((await readBody(req, 1024)).toString('utf8')) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    if (typeof code !== 'string' || !launchCodes.delete(code)) {
      return sendJson(res, 401, fail('UNAUTHORIZED', 'Unknown or used launch code.'), headers);
    }
    return sendJson(res, 200, { token }, headers);
  }

  if (url.pathname === '/session') {
    if (method !== 'POST')
      return sendJson(res, 405, fail('VALIDATION_FAILED', 'Use POST.'), headers);
    if (!isValidToken(presented, token))
      return sendJson(res, 401, fail('UNAUTHORIZED', 'Token required.'), headers);
    res.writeHead(204, {
      ...headers,
      'Set-Cookie': `${mediaCookieName(port)}=${mediaSecret}; HttpOnly; SameSite=Strict; Path=/media/`,
    });
    res.end();
    return;
  }

  if (url.pathname.startsWith('/media/')) {
    const fromCookie = cookieValue(req.headers.cookie, mediaCookieName(port));
    if (!isValidToken(presented, token) && !isValidToken(fromCookie, mediaSecret)) {
      return sendJson(res, 401, fail('UNAUTHORIZED', 'Token required.'), headers);
    }
    if (method !== 'GET' && method !== 'HEAD')
      return sendJson(res, 405, fail('VALIDATION_FAILED', 'Use GET.'), headers);
    const response = options.media
      ? await options.media(new Request(url, { method, headers: rangeHeader(req.headers.range) }))
      : plainResponse(404, 'Not found');
    return sendResponse(res, response, method === 'HEAD');
  }

  if (method !== 'GET' && method !== 'HEAD')
    return sendJson(res, 405, fail('VALIDATION_FAILED', 'Use GET.'), headers);
  return sendResponse(res, await serveStatic(options.rendererDir, url.pathname), method === 'HEAD');
}

function rangeHeader(range: string | undefined): Record<string, string> {
  return range === undefined ? {} : { range };
}
