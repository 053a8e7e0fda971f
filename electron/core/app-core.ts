import type { Transport } from '../../shared/domain';
import type { AppContext } from './app-context';
import { UploadRegistry } from './evidence/uploads';
import { createMediaHandler, MediaRegistry } from './media/media-handler';
import { JsonPreferencesFile, type PreferencesStore } from './preferences/preferences';
import type { KdfCost } from './vault/kdf';
import { preferencesFile, resolveVaultDir } from './vault/vault-location';
import { VaultSession } from './vault/vault-session';
import { appVersion } from './version';

export type AppCoreOptions = {
  readonly transport: Transport;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Per-user data folder: preferences, and the vault unless one was chosen elsewhere. */
  readonly dataDir: string;
  readonly preferences?: PreferencesStore;
  readonly chooseFolder?: () => Promise<string | null>;
  readonly chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
  readonly kdfCost?: KdfCost;
};

export type AppCore = {
  readonly ctx: AppContext;
  readonly mediaHandler: (request: Request) => Promise<Response>;
  /** Locks the vault (wiping its key) before the process ends. */
  shutdown(): Promise<void>;
};

/** Everything a transport needs, built the same way for Electron, browser mode and tests. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const preferences =
    options.preferences ?? new JsonPreferencesFile(preferencesFile(options.dataDir));
  const vaultDir = resolveVaultDir(
    options.env,
    options.dataDir,
    (await preferences.read()).vaultDir,
  );
  const session = new VaultSession(
    vaultDir,
    preferences,
    options.kdfCost === undefined ? {} : { kdfCost: options.kdfCost },
  );
  const media = new MediaRegistry();
  const uploads = new UploadRegistry();
  session.onLock(() => uploads.cancelAll());
  const ctx: AppContext = {
    version: appVersion,
    platform: process.platform,
    transport: options.transport,
    session,
    media,
    mediaBase: options.transport === 'electron' ? 'habeas-media://media/' : '/media/',
    uploads,
    ...(options.chooseFolder === undefined ? {} : { chooseFolder: options.chooseFolder }),
    ...(options.chooseSaveFile === undefined ? {} : { chooseSaveFile: options.chooseSaveFile }),
  };
  return { ctx, mediaHandler: createMediaHandler(session, media), shutdown: () => session.lock() };
}
