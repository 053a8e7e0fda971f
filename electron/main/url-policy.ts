/**
 * Pure checks behind the main process's guards, kept free of 'electron' so that they can be
 * table-tested with hostile inputs.
 */

export const appScheme = 'app';
export const appHost = 'habeas';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;
export const mediaScheme = 'habeas-media';

/** True only for the app's own origin: app://habeas/… */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${appScheme}:` &&
      parsed.host === appHost &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** Request URL patterns the session cancels: Habeas never talks to a network. */
export const networkUrlPatterns = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
];
