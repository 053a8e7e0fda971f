import type { Protocol } from 'electron';
import { plainResponse, serveStatic } from '../core/static/static-files';
import { appHost, appScheme, mediaScheme } from './url-policy';

/** Must run before the app is ready. */
export function registerSchemes(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: mediaScheme,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
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

/** Decrypted media for the renderer, through core/media; nothing touches the disk. */
export function handleMediaProtocol(
  protocol: Pick<Protocol, 'handle'>,
  mediaHandler: (request: Request) => Promise<Response>,
): void {
  protocol.handle(mediaScheme, mediaHandler);
}
