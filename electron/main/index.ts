import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore, type AppCore } from '../core/app-core';
import { handleAppProtocol, handleMediaProtocol, registerSchemes } from './app-protocol';
import { guardWebContents, hardenSession } from './hardening';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { ElectronPreferences } from './preferences-store';
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
  let core: AppCore | undefined;
  app.on('before-quit', (event) => {
    // Lock (wipe the key, release the vault) before quitting; then quit for real.
    if (core === undefined) return;
    const closing = core;
    core = undefined;
    event.preventDefault();
    closing.shutdown().then(
      () => app.quit(),
      () => app.quit(),
    );
  });
  app.whenReady().then(
    async () => {
      hardenSession(session.defaultSession);
      handleAppProtocol(protocol, join(here, '..', 'renderer'));
      core = await createAppCore({
        transport: 'electron',
        env: process.env,
        dataDir: app.getPath('userData'),
        preferences: new ElectronPreferences(),
        chooseFolder: async () => {
          const parent = BrowserWindow.getFocusedWindow();
          const options = {
            properties: ['openDirectory', 'createDirectory'] as (
              'openDirectory' | 'createDirectory'
            )[],
          };
          const result =
            parent === null
              ? await dialog.showOpenDialog(options)
              : await dialog.showOpenDialog(parent, options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        chooseSaveFile: async (suggestedName) => {
          const parent = BrowserWindow.getFocusedWindow();
          const options = { defaultPath: suggestedName };
          const result =
            parent === null
              ? await dialog.showSaveDialog(options)
              : await dialog.showSaveDialog(parent, options);
          return result.canceled ? null : (result.filePath ?? null);
        },
      });
      handleMediaProtocol(protocol, core.mediaHandler);
      bindIpc(ipcMain, core.ctx);
      installMenu(process.platform, devTools);
      createMainWindow(join(here, '..', 'preload', 'index.cjs'), devTools);
    },
    () => app.quit(),
  );
}
