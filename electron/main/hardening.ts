import type { Session, WebContents } from 'electron';
import { networkUrlPatterns } from './url-policy';

/** Denies every permission and cancels every network request of a session. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: networkUrlPatterns }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

/** The renderer never navigates, never opens windows and never embeds a <webview>. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
