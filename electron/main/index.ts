import { app, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../core/app-context';
import { resolveVaultDir } from '../core/vault/vault-location';
import { appVersion } from '../core/version';
import { handleAppProtocol, registerSchemes } from './app-protocol';
import { guardWebContents, hardenSession } from './hardening';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { createMainWindow } from './window';

/** Electron glue only: the application lives in electron/core. */
const here = fileURLToPath(new URL('.', import.meta.url));
const devTools = !app.isPackaged;

registerSchemes(protocol);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
app.on('window-all-closed', () => app.quit());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(
    () => {
      hardenSession(session.defaultSession);
      handleAppProtocol(protocol, join(here, '..', 'renderer'));
      const ctx: AppContext = {
        version: appVersion,
        platform: process.platform,
        transport: 'electron',
        vaultDir: resolveVaultDir(process.env, app.getPath('userData')),
      };
      bindIpc(ipcMain, ctx);
      installMenu(process.platform, devTools);
      createMainWindow(join(here, '..', 'preload', 'index.cjs'), devTools);
    },
    () => app.quit(),
  );
}
