import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassphrase, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';
import { passphrases } from './crash-writer';

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => ({ dir: root, cleanup } = await makeTempDir()));
afterAll(() => cleanup());

/**
 * Starts the writer, waits until it has completed `afterWrites` writes, lets it run on for a
 * random moment so that the kill lands anywhere in a write, then SIGKILLs it. Returns the last
 * line it printed: a write it reported done.
 */
function runAndKill(mode: 'index' | 'passwd', dir: string, afterWrites: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, mode, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      lines.push(
        ...d
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      if (!killing && lines.length >= afterWrites) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 25));
      }
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`writer ended by itself: ${stderr}`));
    });
  });
}

describe('a crash at any instant', () => {
  it('leaves the encrypted index whole: every reported write is there, in order (24 kills)', async () => {
    const dir = join(root, 'index');
    await createVault(dir, passphrases[0], { kdfCost: fastKdf });
    let reported = 0;
    for (let round = 0; round < 24; round += 1) {
      const lines = await runAndKill('index', dir, 1 + Math.floor(Math.random() * 4));
      reported = Number(lines.at(-1));
      const vault = await unlockVault(dir, passphrases[0]);
      const ids = vault.index.data.cases.map((c) => Number(c.id.slice(-12)));
      await vault.close();
      expect(ids.length).toBeGreaterThanOrEqual(reported);
      expect(ids).toEqual(ids.map((_, i) => i));
      expect((await readdir(dir)).filter((n) => n.startsWith('.habeas-tmp-'))).toEqual([]);
    }
    expect(reported).toBeGreaterThan(24);
    // Each round starts a Node process through tsx (about a second, more on a busy machine).
  }, 120_000);

  it('leaves the header opening with the old passphrase or the new one (12 kills)', async () => {
    const dir = join(root, 'passwd');
    await createVault(dir, passphrases[0], { kdfCost: fastKdf });
    for (let round = 0; round < 12; round += 1) {
      const lines = await runAndKill('passwd', dir, 1 + Math.floor(Math.random() * 3));
      const opensWith = [];
      for (const p of passphrases) if (await checkPassphrase(dir, p)) opensWith.push(p);
      expect(opensWith).toHaveLength(1);
      // The last change it reported done is on disk, or a later one that finished unreported.
      expect(passphrases).toContain(lines.at(-1));
      const vault = await unlockVault(dir, opensWith[0] ?? '');
      await vault.close();
    }
  }, 120_000);
});
