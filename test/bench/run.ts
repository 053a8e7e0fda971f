import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line), one
 * after another so that they do not compete for the two cores. Each prints its own figures.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(here))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')}`);
  const bench = (await import(pathToFileURL(join(here, file)).href)) as {
    run: () => Promise<void>;
  };
  await bench.run();
}
