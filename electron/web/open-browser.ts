import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const linuxNames = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];
const macPaths = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const windowsPaths = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The system's Chromium or Chrome, if there is one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (process.platform === 'darwin') return macPaths.find(isExecutable);
  if (process.platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (r): r is string => r !== undefined,
    );
    return roots.flatMap((root) => windowsPaths.map((p) => join(root, p))).find(isExecutable);
  }
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  return linuxNames.flatMap((name) => dirs.map((dir) => join(dir, name))).find(isExecutable);
}

export type OpenedBrowser = { readonly child: ChildProcess; close(): void };

/**
 * Opens the URL in an app-mode window with a throwaway profile, so that nothing of the
 * session (cache, history) stays in the user's everyday browser profile.
 */
export function openInChromium(executable: string, url: string): OpenedBrowser {
  const profile = mkdtempSync(join(tmpdir(), 'habeas-browser-'));
  const child = spawn(
    executable,
    [
      `--app=${url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disk-cache-size=1',
    ],
    { stdio: 'ignore' },
  );
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true });
  child.once('exit', removeProfile);
  return {
    child,
    close: () => {
      if (child.exitCode === null) child.kill();
      else removeProfile();
    },
  };
}
