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

  it('Electron calls the preload function of the channel, and only that one', async () => {
    const api = {} as Record<ChannelName, Mock<(input: unknown) => Promise<unknown>>>;
    for (const name of channelNames) api[name] = vi.fn(() => Promise.resolve(`reply from ${name}`));
    const input = { passphrase: 'x' };
    expect(await ipcTransport(api).call('vault:unlock', input)).toBe('reply from vault:unlock');
    expect(api['vault:unlock']).toHaveBeenCalledWith(input);
    expect(api['app:info']).not.toHaveBeenCalled();
  });
});

describe('the api client', () => {
  const info = { version: '1', platform: 'linux', transport: 'browser', vaultState: 'locked' };

  it('passes a well-formed Result through', async () => {
    const client = createApiClient({
      kind: 'browser',
      call: () => Promise.resolve({ ok: true, value: info }),
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
    const client = createApiClient({ kind: 'browser', call });
    expect(await client.call('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'TRANSPORT_FAILED' },
    });
  });
});
