import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const threadModule = fileURLToPath(
  new URL('../../../electron/core/dossier/dossier-thread.ts', import.meta.url),
);

describe('the dossier thread started ahead of a build', () => {
  it('keeps no process alive while it waits', () => {
    // A process that starts one and does nothing else must end by itself, at once.
    const script = `const m = await import(${JSON.stringify(threadModule)}); m.prewarmDossierThread(); console.log('started');`;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('started');
  }, 40_000);
});
