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

/** HABEAS_VAULT wins, then the vault folder inside the data folder. */
export function resolveVaultDir(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): string {
  const fromEnv = env['HABEAS_VAULT'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(dataDir, 'vault');
}
