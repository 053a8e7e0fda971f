import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of 'electron' the main process touches. It records what the glue
 * registered (IPC handlers, protocol handlers, session policies, windows) so that tests can
 * call those callbacks the way Electron would.
 */
export function createElectronMock() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => '/tmp/habeas-user-data-for-tests'),
    quit: vi.fn(),
  });
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };

  class BrowserWindow extends EventEmitter {
    static getFocusedWindow = vi.fn(() => null);
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    readonly destroy = vi.fn();
    constructor(options: Record<string, unknown>) {
      super();
      windows.push({ options, loadURL: this.loadURL });
    }
  }

  return {
    module: {
      app,
      BrowserWindow,
      ipcMain: {
        handle: vi.fn((channel: string, fn: (e: unknown, ...args: unknown[]) => Promise<unknown>) =>
          ipcHandlers.set(channel, fn),
        ),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(),
        handle: vi.fn((scheme: string, fn: (r: Request) => Promise<Response>) =>
          protocolHandlers.set(scheme, fn),
        ),
      },
      session: { defaultSession: session },
      dialog: {
        showOpenDialog: vi.fn(() =>
          Promise.resolve({ canceled: false, filePaths: ['/home/lawyer/Habeas Vault'] }),
        ),
      },
      Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    },
    ipcHandlers,
    protocolHandlers,
    windows,
    session,
  };
}

/** A webContents enough for the guards: events, and the window-open handler. */
export function fakeWebContents() {
  const contents = Object.assign(new EventEmitter(), {
    windowOpenHandler: undefined as undefined | ((details: unknown) => unknown),
    setWindowOpenHandler(handler: (details: unknown) => unknown) {
      contents.windowOpenHandler = handler;
    },
  });
  return contents;
}
