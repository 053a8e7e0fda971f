import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { startBrowserServer, type BrowserServer } from '../../electron/web/server';
import { makeTempDir } from '../support/temp-dir';
import { makeTestCore } from '../support/test-core';

const token = 'Zq3b8Yk1mW0pLx7sT2cV9nR4dF6gH5jA';
let server: BrowserServer;
let cleanup: () => Promise<void>;
let mediaCalls: string[] = [];

type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** A raw HTTP request: unlike fetch, it sends any Host header and the path exactly as given. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function api(channel: string, body: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send(`/api/${channel}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
  });
}

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  const rendererDir = join(temp.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Habeas</title>');
  await writeFile(join(temp.dir, 'secret.txt'), 'witness home address');
  server = await startBrowserServer({
    port: 0,
    token,
    rendererDir,
    ctx: (await makeTestCore(temp.dir, 'browser')).ctx,
    media: (req) => {
      mediaCalls.push(
        `${req.method} ${new URL(req.url).pathname} ${req.headers.get('range') ?? '-'}`,
      );
      return Promise.resolve(new Response('media bytes', { status: 200 }));
    },
  });
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and gives the token only in the URL fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${token}`);
  });

  it('trades a launch code for the token once, and never again', async () => {
    const code = /#launch=(.+)$/.exec(server.launchUrl())?.[1] ?? '';
    const trade = () => send('/launch', { method: 'POST', body: JSON.stringify({ code }) });
    const first = await trade();
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token });
    expect((await trade()).status).toBe(401);
    expect((await send('/launch', { method: 'POST', body: '{"code":"guess"}' })).status).toBe(401);
    expect((await send('/launch', { method: 'POST', body: 'x'.repeat(5000) })).status).toBe(401);
  });

  it('serves the renderer with the security headers', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Habeas</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a contract call with the token', async () => {
    const reply = await api('app:info', '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { version, platform: process.platform, transport: 'browser', vaultState: 'absent' },
    });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a token as Basic', { authorization: `Basic ${token}` }],
    ['the token in a cookie', { cookie: `habeas-media-0=${token}` }],
  ])('refuses an API call with %s: 401', async (_label, headers) => {
    const reply = await send('/api/app:info', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }],
    ['a foreign Host with our port', { host: 'evil.example:PORT' }],
    ['our host on another port', { host: '127.0.0.1:1' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['an opaque Origin', { origin: 'null' }],
  ])('refuses %s with 403, token or not', async (_label, headers) => {
    const fixed = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(server.port))]),
    );
    expect((await api('app:info', '{}', fixed)).status).toBe(403);
    expect((await send('/', { headers: fixed })).status).toBe(403);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%252e%252e/secret.txt',
    '/index.html%00/../../secret.txt',
  ])('never serves a file outside the renderer for %s', async (path) => {
    const reply = await send(path);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('witness');
  });

  it('refuses a body over 24 MiB with 413', async () => {
    const reply = await api('app:info', JSON.stringify({ pad: 'x'.repeat(24 * 1024 * 1024 + 10) }));
    expect(reply.status).toBe(413);
  });

  it.each(['{', 'undefined', '{"a":', '\u0000', ''])(
    'answers malformed JSON %j with 400',
    async (body) => {
      const reply = await api('app:info', body);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    },
  );

  it('answers invalid input as data, with 200', async () => {
    const reply = await api('app:info', '{"evil":true}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses a form post (415), a GET on the API (405) and an unknown channel (404)', async () => {
    expect((await api('app:info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect(
      (await send('/api/app:info', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(405);
    expect((await api('app:nothing', '{}')).status).toBe(200);
    expect((await api('nothing', '{}')).status).toBe(404);
  });

  it('guards media with the token, by header or by the session cookie', async () => {
    mediaCalls = [];
    expect((await send('/media/abc')).status).toBe(401);
    expect(
      (
        await send('/media/abc', {
          headers: { cookie: `habeas-media-${server.port}=wrongwrongwrongwrong` },
        })
      ).status,
    ).toBe(401);
    expect((await send('/session', { method: 'POST' })).status).toBe(401);
    expect(mediaCalls).toEqual([]);

    const session = await send('/session', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/media\//);
    expect(cookie).not.toContain(token);
    // The media cookie opens /media/ only, never the API.
    const asApi = await send('/api/app:info', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] ?? '' },
    });
    expect(asApi.status).toBe(401);
    const tokenAsCookie = await send('/media/abc', {
      headers: { cookie: `habeas-media-${server.port}=${token}` },
    });
    expect(tokenAsCookie.status).toBe(401);

    const byCookie = await send('/media/abc', {
      headers: { cookie: cookie.split(';')[0] ?? '', range: 'bytes=0-3' },
    });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body).toBe('media bytes');
    const byHeader = await send('/media/def', { headers: { authorization: `Bearer ${token}` } });
    expect(byHeader.status).toBe(200);
    expect(mediaCalls).toEqual(['GET /media/abc bytes=0-3', 'GET /media/def -']);
  });
});
