import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads, and what it must have written for the app to start. */
export const buildInputs = [
  'electron',
  'renderer',
  'shared',
  'package.json',
  'electron.vite.config.ts',
];
export const buildOutputs = [
  'out/main/index.js',
  'out/main/browser-mode.js',
  'out/main/habeas.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    info.mtimeMs,
  );
}

/** True when an output is missing or older than any input. */
export function isBuildStale(root: string): boolean {
  const outputs = buildOutputs.map(
    (file) => statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs ?? 0,
  );
  const oldestOutput = Math.min(...outputs);
  if (oldestOutput === 0) return true;
  return buildInputs.some((input) => newestMtime(join(root, input)) > oldestOutput);
}
