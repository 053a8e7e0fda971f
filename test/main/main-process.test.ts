import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, uploadChannel } from '../../shared/channels';
import { createElectronMock, fakeWebContents } from './electron-mock';

const electron = createElectronMock();
vi.mock('electron', () => electron.module);
vi.mock('electron-store', () => ({
  default: class MemoryStore {
    store: Record<string, unknown> = {};
  },
}));

const trustedFrame = { url: 'app://habeas/index.html', parent: null };

beforeAll(async () => {
  await import('../../electron/main/index');
  // whenReady() resolves on a microtask; let the glue run.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

describe('the Electron main process', () => {
  it('registers app: and habeas-media: as privileged schemes and enables the sandbox', () => {
    const [schemes] = electron.module.protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes.map((s) => s.scheme)).toEqual(['app', 'habeas-media']);
    expect(schemes[1]?.privileges).toMatchObject({
      standard: true,
      secure: true,
      stream: true,
      supportFetchAPI: true,
    });
    expect(electron.module.app.enableSandbox).toHaveBeenCalled();
  });

  it('opens one window, sandboxed and isolated, loading the app from app://habeas', () => {
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0];
    expect(window?.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[/\\]index\.cjs$/,
    );
    expect(window?.loadURL).toHaveBeenCalledWith('app://habeas/index.html');
  });

  it('denies every permission request and check', () => {
    const [requestHandler] = electron.session.setPermissionRequestHandler.mock.calls[0] as [
      (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const [checkHandler] = electron.session.setPermissionCheckHandler.mock.calls[0] as [
      () => boolean,
    ];
    expect(checkHandler()).toBe(false);
  });

  it('cancels every network request', () => {
    const [filter, listener] = electron.session.webRequest.onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (details: unknown, callback: (response: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const callback = vi.fn();
    listener({ url: 'https://example.org/tracker.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('denies navigation, new windows and <webview> in every web contents', () => {
    const contents = fakeWebContents();
    electron.module.app.emit('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('binds every channel, answering a trusted frame through core', async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(
      [...channelNames, uploadChannel].sort(),
    );
    const handler = electron.ipcHandlers.get('app:info');
    expect(await handler?.({ senderFrame: trustedFrame }, {})).toMatchObject({
      ok: true,
      value: { transport: 'electron', platform: process.platform },
    });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file: page', { url: 'file:///home/a/index.html', parent: null }],
    ['an app: page of another host', { url: 'app://evil/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://habeas/index.html', parent: trustedFrame }],
    ['a destroyed frame', null],
  ])('refuses IPC from %s as data', async (_label, senderFrame) => {
    const handler = electron.ipcHandlers.get('app:info');
    expect(await handler?.({ senderFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });

  it('validates IPC input and returns errors as data', async () => {
    const handler = electron.ipcHandlers.get('app:info');
    expect(await handler?.({ senderFrame: trustedFrame }, { injected: '<script>' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('takes upload pieces as ArrayBuffers from the app only, refusing anything else as data', async () => {
    const upload = electron.ipcHandlers.get(uploadChannel);
    const evil = { url: 'https://evil.example/', parent: null };
    expect(await upload?.({ senderFrame: evil }, 'abc', 0, new ArrayBuffer(4))).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    for (const args of [
      ['abc', 0, 'not bytes'],
      ['abc', -1, new ArrayBuffer(4)],
      ['../x', 0, new ArrayBuffer(4)],
      ['abc', 0, new ArrayBuffer(8 * 1024 * 1024 + 1)],
    ]) {
      expect(await upload?.({ senderFrame: trustedFrame }, ...args)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
    }
    // Well-formed, but the vault is locked (and there is no such upload).
    expect(
      await upload?.({ senderFrame: trustedFrame }, 'abc', 0, new ArrayBuffer(4)),
    ).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
  });

  it("answers the folder picker with Electron's dialog", async () => {
    const handler = electron.ipcHandlers.get('dialog:choose-folder');
    expect(await handler?.({ senderFrame: trustedFrame }, {})).toEqual({
      ok: true,
      value: { available: true, path: '/home/lawyer/Habeas Vault' },
    });
  });

  it('serves decrypted media on habeas-media:, and nothing for an unknown handle', async () => {
    const media = electron.protocolHandlers.get('habeas-media');
    expect(media).toBeDefined();
    const response = await media!(new Request('habeas-media://media/unknown-handle'));
    expect(response.status).toBe(404);
    // The page is app://habeas, another origin: CORS reads (pdf.js, still capture) for it only.
    expect(response.headers.get('access-control-allow-origin')).toBe('app://habeas');
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('serves app:// only for its own host, never outside the renderer folder', async () => {
    const handler = electron.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler!(new Request('app://evil/index.html'))).status).toBe(404);
    const traversal = await handler!(new Request('app://habeas/%2e%2e%2f%2e%2e%2fpackage.json'));
    expect(traversal.status).toBe(400);
    expect(traversal.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
