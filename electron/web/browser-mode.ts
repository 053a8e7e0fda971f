import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from '../core/app-core';
import { resolveDataDir } from '../core/vault/vault-location';
import { findChromium, openInChromium, type OpenedBrowser } from './open-browser';
import { startBrowserServer } from './server';

/** HABEAS_PORT: a whole number 0–65535 (0 or unset: any free port). */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(value)) {
    throw new Error(`HABEAS_PORT must be a port number (0–65535), not "${value}".`);
  }
  return port;
}

/**
 * Starts browser mode: prints exactly one line on stdout, `Habeas browser mode: <url>`, then
 * opens the system Chromium in app mode unless HABEAS_NO_OPEN=1. Everything else goes to stderr.
 * SIGINT and SIGTERM close the server and the browser window and end the process.
 */
export async function runBrowserMode(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const core = await createAppCore({
    transport: 'browser',
    env,
    dataDir: resolveDataDir(process.platform, env, homedir()),
  });
  const server = await startBrowserServer({
    port: parsePort(env['HABEAS_PORT']),
    token: randomBytes(32).toString('base64url'),
    rendererDir: join(here, '..', 'renderer'),
    ctx: core.ctx,
    media: core.mediaHandler,
  });
  process.stdout.write(`Habeas browser mode: ${server.url}\n`);

  let browser: OpenedBrowser | undefined;
  if (env['HABEAS_NO_OPEN'] !== '1') {
    const chromium = findChromium(env);
    if (chromium === undefined)
      process.stderr.write('No Chromium or Chrome found: open the address above.\n');
    else browser = openInChromium(chromium, server.launchUrl());
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    browser?.close();
    Promise.all([core.shutdown(), server.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
