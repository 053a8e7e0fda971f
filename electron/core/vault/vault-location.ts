import { join } from 'node:path';

/** Where a platform keeps per-user application data when no one has said otherwise. */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Habeas');
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Habeas');
    default:
      return join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), 'habeas');
  }
}

/** HABEAS_DATA_DIR wins, then the platform's per-user data folder. */
export function resolveDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  const fromEnv = env['HABEAS_DATA_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultDataDir(platform, env, home);
}

/** Where the JSON preferences live (browser mode and the CLI; Electron uses electron-store). */
export function preferencesFile(dataDir: string): string {
  return join(dataDir, 'preferences.json');
}

/**
 * HABEAS_VAULT wins, then the folder the lawyer chose (kept in the preferences), then the vault
 * folder inside the data folder. The app, browser mode and the CLI all resolve it here.
 */
export function resolveVaultDir(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
  chosen?: string,
): string {
  const fromEnv = env['HABEAS_VAULT'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return chosen ?? join(dataDir, 'vault');
}
