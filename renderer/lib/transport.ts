import type { ChannelName } from '../../shared/channels';

/** How the renderer reaches core. Both kinds answer every call with a Result-shaped value. */
export type RendererTransport = {
  readonly kind: 'electron' | 'browser';
  call(channel: ChannelName, input: unknown): Promise<unknown>;
  /**
   * One piece of an upload begun with intake:begin, at its byte offset; answers a Result of
   * `{ received }`. Pieces are binary, so they travel beside the JSON contract: IPC with an
   * ArrayBuffer, or PUT /upload/<uploadId> in browser mode.
   */
  upload(uploadId: string, offset: number, piece: Blob): Promise<unknown>;
};

type PreloadApi = Readonly<Record<ChannelName, (input: unknown) => Promise<unknown>>> & {
  readonly upload: (uploadId: string, offset: number, bytes: ArrayBuffer) => Promise<unknown>;
};

declare global {
  interface Window {
    /** Set by electron/preload in the desktop app; absent in browser mode. */
    readonly habeas?: PreloadApi;
  }
}

export function ipcTransport(api: PreloadApi): RendererTransport {
  return {
    kind: 'electron',
    call: (channel, input) => api[channel](input),
    upload: async (uploadId, offset, piece) =>
      api.upload(uploadId, offset, await piece.arrayBuffer()),
  };
}

export function httpTransport(
  token: string | Promise<string>,
  fetchImpl: typeof fetch = fetch,
): RendererTransport {
  return {
    kind: 'browser',
    call: async (channel, input) => {
      const response = await fetchImpl(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token}` },
        body: JSON.stringify(input),
        credentials: 'same-origin',
        cache: 'no-store',
      });
      return (await response.json()) as unknown;
    },
    upload: async (uploadId, offset, piece) => {
      const response = await fetchImpl(
        `/upload/${encodeURIComponent(uploadId)}?offset=${String(offset)}`,
        {
          method: 'PUT',
          headers: {
            'Content-Type': 'application/octet-stream',
            Authorization: `Bearer ${await token}`,
          },
          body: piece,
          credentials: 'same-origin',
          cache: 'no-store',
        },
      );
      return (await response.json()) as unknown;
    },
  };
}

const tokenKey = 'habeas.token';

/**
 * Browser mode's per-launch token arrives in the URL fragment (never sent to the server).
 * It moves to sessionStorage, so a reload keeps working, and the fragment is removed from
 * the address bar and history.
 */
export function takeLaunchToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  history: Pick<History, 'replaceState'>,
): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,256})(?:&|$)/.exec(location.hash);
  if (match?.[1] !== undefined) {
    storage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return match[1];
  }
  return storage.getItem(tokenKey) ?? undefined;
}

/**
 * Browser mode: trades the token for the HttpOnly cookie that <video>, <img> and the PDF viewer
 * send to /media/ (they cannot send an Authorization header). The page never sees the cookie.
 */
export async function openMediaSession(
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<boolean> {
  const response = await fetchImpl('/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return response.status === 204;
}

/**
 * A browser that Habeas started itself gets `#launch=<one-time code>` instead of the token (its
 * command line is visible to other local users); the page trades the code for the token.
 */
export function takeLaunchCode(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
): string | undefined {
  const match = /(?:^#|&)launch=([A-Za-z0-9_-]{16,256})(?:&|$)/.exec(location.hash);
  if (match?.[1] === undefined) return undefined;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  return match[1];
}

export async function tradeLaunchCode(
  code: string,
  storage: Pick<Storage, 'setItem'>,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const response = await fetchImpl('/launch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
    cache: 'no-store',
  });
  const body = (await response.json()) as { token?: unknown };
  const token = typeof body.token === 'string' ? body.token : '';
  if (token !== '') storage.setItem(tokenKey, token);
  return token;
}

/** Electron when the preload is there, browser mode otherwise. */
export function chooseTransport(win: Window): RendererTransport {
  if (win.habeas !== undefined) return ipcTransport(win.habeas);
  const code = takeLaunchCode(win.location, win.history);
  const token =
    code === undefined
      ? Promise.resolve(takeLaunchToken(win.location, win.sessionStorage, win.history) ?? '')
      : tradeLaunchCode(code, win.sessionStorage).catch(() => '');
  token.then((t) => openMediaSession(t)).catch(() => undefined);
  return httpTransport(token);
}
