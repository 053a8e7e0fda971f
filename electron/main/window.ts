import { BrowserWindow } from 'electron';
import { appEntryUrl } from './url-policy';

export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Habeas',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(appEntryUrl).catch(() => window.destroy());
  return window;
}
