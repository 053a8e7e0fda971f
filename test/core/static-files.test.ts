import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath, serveStatic } from '../../electron/core/static/static-files';
import { makeTempDir } from '../support/temp-dir';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  root = join(temp.dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Habeas</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(temp.dir, 'secret.txt'), 'witness address');
});
afterAll(() => cleanup());

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app.js', join('assets', 'app.js')],
    ['/assets/app%20copy.js', join('assets', 'app copy.js')],
  ])('maps %s inside the root', (path, expected) => {
    expect(resolveStaticPath(root, path)).toBe(join(root, expected));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%00index.html',
    '/index.html%00.js',
    '/.env',
    '/assets/.hidden',
    '/./index.html',
    '/%E0%A4%A',
    'index.html',
    '//etc/passwd',
    '/assets/',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('serveStatic', () => {
  it('serves a file with its type, the CSP and no-store', async () => {
    const response = await serveStatic(root, '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<title>Habeas</title>');
  });

  it('answers 404 for a missing file and 400 for a traversal, never the file outside', async () => {
    expect((await serveStatic(root, '/missing.js')).status).toBe(404);
    const traversal = await serveStatic(root, '/%2e%2e/secret.txt');
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).not.toContain('witness');
  });
});
