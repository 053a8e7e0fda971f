import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/core/api';
import { makeTestCore } from '../support/test-core';
import { startBrowserServer } from '../../electron/web/server';
import { formatMs, summarise } from './stats';

const calls = 2000;

/**
 * The cost browser mode adds to a contract call: app:info dispatched in-process against the
 * same call over the loopback HTTP transport (token check, JSON, zod on both sides of core).
 */
export async function run(): Promise<void> {
  const { ctx } = await makeTestCore(join(tmpdir(), 'habeas-bench-no-vault'), 'browser');
  const token = 'benchbenchbenchbenchbenchbench00';
  const server = await startBrowserServer({ port: 0, token, rendererDir: tmpdir(), ctx });
  try {
    const direct: number[] = [];
    const http: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const t0 = performance.now();
      await dispatch('app:info', {}, ctx);
      direct.push(performance.now() - t0);
      const t1 = performance.now();
      const response = await fetch(`http://127.0.0.1:${server.port}/api/app:info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{}',
      });
      await response.json();
      http.push(performance.now() - t1);
    }
    const d = summarise(direct);
    const h = summarise(http);
    console.log(`app:info in-process   p50 ${formatMs(d.p50)}  p99 ${formatMs(d.p99)}  (n=${d.n})`);
    console.log(`app:info browser mode p50 ${formatMs(h.p50)}  p99 ${formatMs(h.p99)}  (n=${h.n})`);
    console.log(`browser-mode overhead at p50: ${(h.p50 / d.p50).toFixed(1)}×`);
  } finally {
    await server.close();
  }
}
