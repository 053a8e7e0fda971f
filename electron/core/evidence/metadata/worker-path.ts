import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the analysis thread's entry file is, and how to start it. From the sources (tests, tsx)
 * it is extract-worker.ts beside this file, loaded through tsx. In the build, electron-vite
 * emits it as out/main/extract-worker.js, an entry beside index.js and habeas.js, while this
 * code may sit in a chunk under out/main/chunks/: so look beside us and one folder up.
 */
export type WorkerEntry = { readonly url: URL; readonly typescript: boolean };

/** The entry file as seen from the folder `here` of the calling module, or undefined. */
export function findWorkerEntry(
  here: string,
  exists: (path: string) => boolean = existsSync,
  name = 'extract-worker',
): WorkerEntry | undefined {
  const candidates: [string, boolean][] = [
    [join(here, `${name}.js`), false],
    [join(here, '..', `${name}.js`), false],
    [join(here, `${name}.ts`), true],
  ];
  const found = candidates.find(([path]) => exists(path));
  return found === undefined ? undefined : { url: pathToFileURL(found[0]), typescript: found[1] };
}

let cached: WorkerEntry | undefined;

export function workerEntry(): WorkerEntry {
  cached ??= findWorkerEntry(dirname(fileURLToPath(import.meta.url)));
  if (cached === undefined) throw new Error('The analysis worker is missing from this build.');
  return cached;
}

/**
 * A TypeScript entry needs tsx's loader in the new thread. `--import tsx` in a Worker's execArgv
 * does not reach the entry on Node 20, so a one-line module registers tsx, then imports it.
 */
export function typescriptBootstrap(entry: URL): URL {
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}
