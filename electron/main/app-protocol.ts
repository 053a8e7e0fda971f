import type { Protocol } from 'electron';
import { plainResponse, serveStatic } from '../core/static/static-files';
import { appHost, appScheme, mediaScheme } from './url-policy';

/** Must run before the app is ready. */
export function registerSchemes(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: mediaScheme,
      // corsEnabled: pdf.js fetch()es PDFs from here, and video frames are read back from a
      // canvas; both are cross-origin reads from app://habeas (see withAppCors).
      privileges: {
        standard: true,
        secure: true,
        stream: true,
        supportFetchAPI: true,
        corsEnabled: true,
      },
    },
  ]);
}

/** Serves the built renderer on app://habeas/, with the CSP and other headers of core/security. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost || request.method !== 'GET') return plainResponse(404, 'Not found');
    return serveStatic(rendererDir, url.pathname);
  });
}

const appOrigin = `${appScheme}://${appHost}`;

/**
 * The page (app://habeas) and its media (habeas-media://media) are two origins. pdf.js reads a
 * PDF with fetch() and the video viewer reads a frame back from a canvas to capture a still:
 * both are CORS reads, granted to the app's origin only. <img> and <video> loads from another
 * origin also need the resource policy to allow it. The range headers are exposed, or pdf.js
 * cannot see that ranges are served and downloads (and core decrypts) the whole file.
 */
export function withAppCors(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Access-Control-Allow-Origin', appOrigin);
  headers.set(
    'Access-Control-Expose-Headers',
    'Accept-Ranges, Content-Range, Content-Length, Content-Encoding',
  );
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  headers.append('Vary', 'Origin');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Decrypted media for the renderer, through core/media; nothing touches the disk. */
export function handleMediaProtocol(
  protocol: Pick<Protocol, 'handle'>,
  mediaHandler: (request: Request) => Promise<Response>,
): void {
  protocol.handle(mediaScheme, async (request) => withAppCors(await mediaHandler(request)));
}
