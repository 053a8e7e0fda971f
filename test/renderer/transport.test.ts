import { describe, expect, it, vi, type Mock } from 'vitest';
import { channelNames, type ChannelName } from '../../shared/channels';
import { createApiClient } from '../../renderer/lib/api-client';
import {
  httpTransport,
  ipcTransport,
  openMediaSession,
  takeLaunchCode,
  takeLaunchToken,
  tradeLaunchCode,
} from '../../renderer/lib/transport';

const token = 'Zq3b8Yk1mW0pLx7sT2cV9nR4dF6gH5jA';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('the launch token', () => {
  it('moves from the fragment to session storage and leaves the address bar', () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    expect(
      takeLaunchToken({ hash: `#token=${token}`, pathname: '/', search: '' }, storage, history),
    ).toBe(token);
    expect(storage.data.get('habeas.token')).toBe(token);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
  });

  it('comes from session storage after a reload', () => {
    const storage = memoryStorage({ 'habeas.token': token });
    expect(
      takeLaunchToken({ hash: '', pathname: '/', search: '' }, storage, { replaceState: vi.fn() }),
    ).toBe(token);
  });

  it.each([
    '#token=',
    '#token=short',
    '#token=<script>alert(1)</script>',
    '#xtoken=' + token,
    `#token=${token}%20`,
  ])('ignores a malformed fragment %s', (hash) => {
    const storage = memoryStorage();
    expect(
      takeLaunchToken({ hash, pathname: '/', search: '' }, storage, { replaceState: vi.fn() }),
    ).toBeUndefined();
    expect(storage.data.size).toBe(0);
  });
});

describe('the launch code', () => {
  it('leaves the address bar and is traded once for the token', async () => {
    const history = { replaceState: vi.fn() };
    const code = takeLaunchCode({ hash: `#launch=${token}`, pathname: '/', search: '' }, history);
    expect(code).toBe(token);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    const storage = memoryStorage();
    const fetchImpl = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ token: 'the-real-token-0123456789' }))),
    );
    expect(await tradeLaunchCode(code ?? '', storage, fetchImpl)).toBe('the-real-token-0123456789');
    expect(storage.data.get('habeas.token')).toBe('the-real-token-0123456789');
    expect(fetchImpl).toHaveBeenCalledWith(
      '/launch',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ code }) }),
    );
  });

  it('is absent from an address with a token', () => {
    expect(
      takeLaunchCode(
        { hash: `#token=${token}`, pathname: '/', search: '' },
        { replaceState: vi.fn() },
      ),
    ).toBeUndefined();
  });
});

describe('transports', () => {
  it('browser mode posts JSON with the bearer token', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response('{"ok":true,"value":1}')));
    const reply = await httpTransport(token, fetchImpl).call('app:info', {});
    expect(reply).toEqual({ ok: true, value: 1 });
    expect(fetchImpl).toHaveBeenCalledWith(
      '/api/app:info',
      expect.objectContaining({
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      }),
    );
  });

  it('browser mode trades the token for the media cookie', async () => {
    const fetchImpl = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    expect(await openMediaSession(token, fetchImpl)).toBe(true);
    expect(fetchImpl).toHaveBeenCalledWith(
      '/session',
      expect.objectContaining({ method: 'POST', headers: { Authorization: `Bearer ${token}` } }),
    );
  });

  it('browser mode sends an upload piece as PUT /upload/<id>?offset=N with the token', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response('{"ok":true,"value":{"received":7}}')),
    );
    const piece = new Blob([new Uint8Array([1, 2, 3, 4, 5, 6, 7])]);
    const reply = await httpTransport(token, fetchImpl).upload('up/load 1', 4, piece);
    expect(reply).toEqual({ ok: true, value: { received: 7 } });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/upload/up%2Fload%201?offset=4');
    expect(init).toMatchObject({
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
    });
    const sent = init?.body as Blob;
    expect([...new Uint8Array(await sent.arrayBuffer())]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('Electron calls the preload function of the channel, and only that one', async () => {
    const calls = {} as Record<ChannelName, Mock<(input: unknown) => Promise<unknown>>>;
    for (const name of channelNames)
      calls[name] = vi.fn(() => Promise.resolve(`reply from ${name}`));
    const api = { ...calls, upload: vi.fn(() => Promise.resolve('piece')) };
    const input = { passphrase: 'x' };
    expect(await ipcTransport(api).call('vault:unlock', input)).toBe('reply from vault:unlock');
    expect(api['vault:unlock']).toHaveBeenCalledWith(input);
    expect(api['app:info']).not.toHaveBeenCalled();
  });

  it('Electron sends an upload piece to the preload as bytes', async () => {
    const calls = {} as Record<ChannelName, Mock<(input: unknown) => Promise<unknown>>>;
    for (const name of channelNames) calls[name] = vi.fn(() => Promise.resolve(null));
    const received: { id: string; offset: number; bytes: number[] }[] = [];
    const api = {
      ...calls,
      upload: (id: string, offset: number, bytes: ArrayBuffer) => {
        received.push({ id, offset, bytes: [...new Uint8Array(bytes)] });
        return Promise.resolve({ ok: true, value: { received: offset + bytes.byteLength } });
      },
    };
    const reply = await ipcTransport(api).upload('u1', 8, new Blob([new Uint8Array([9, 8])]));
    expect(reply).toEqual({ ok: true, value: { received: 10 } });
    expect(received).toEqual([{ id: 'u1', offset: 8, bytes: [9, 8] }]);
  });
});

describe('the api client', () => {
  const info = { version: '1', platform: 'linux', transport: 'browser', vaultState: 'locked' };

  it('passes a well-formed Result through', async () => {
    const client = createApiClient({
      kind: 'browser',
      call: () => Promise.resolve({ ok: true, value: info }),
      upload: () => Promise.reject(new Error('no uploads here')),
    });
    expect(await client.call('app:info', {})).toEqual({ ok: true, value: info });
  });

  it.each([
    [
      'a malformed reply',
      () => Promise.resolve({ ok: true, value: { ...info, vaultState: 'open sesame' } }),
    ],
    [
      'an unknown error code',
      () => Promise.resolve({ ok: false, error: { code: 'EVIL', message: '' } }),
    ],
    ['a transport that throws', () => Promise.reject(new Error('network down'))],
  ])('turns %s into TRANSPORT_FAILED', async (_label, call) => {
    const client = createApiClient({ kind: 'browser', call, upload: call });
    expect(await client.call('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_FAILED' },
    });
    expect(await client.upload('u1', 0, new Blob(['x']))).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_FAILED' },
    });
  });

  it('passes a well-formed upload reply through', async () => {
    const client = createApiClient({
      kind: 'browser',
      call: () => Promise.reject(new Error('not used')),
      upload: () => Promise.resolve({ ok: true, value: { received: 1 } }),
    });
    expect(await client.upload('u1', 0, new Blob(['x']))).toEqual({
      ok: true,
      value: { received: 1 },
    });
  });
});
