/**
 * Runs one dossier build in a process of its own, so that its peak RSS is the build's alone
 * (the worker thread's heap included: a thread's memory is the process's). Two modes:
 *   store  — `buildAndStore` as the app runs it: every original decrypted and hashed anew, the
 *            layout in the worker thread, stamps, bookmarks, the result stored encrypted;
 *   layout — `buildDossier` on this thread with the plaintext originals read from SOURCES: the
 *            layout, stamping and saving alone, with no vault, hashing or thread around it.
 * Either way the dossier's plaintext is then written to OUT (outside the timed part) so that the
 * parent can check it with qpdf. Prints as JSON: { ms, cpuMs, maxRssMiB, baselineRssMiB, stages,
 * pages, size }.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dossierRequestSchema } from '../../shared/dossier';
import { readCase } from '../../electron/core/cases/case-service';
import { buildDossier } from '../../electron/core/dossier/build';
import { dossierContent } from '../../electron/core/dossier/content';
import { buildAndStore, writeDossierFile } from '../../electron/core/dossier/dossier-service';
import { loadFontBytes } from '../../electron/core/dossier/font-files';
import { unlockVault } from '../../electron/core/vault/vault';

const [mode, vaultDir, caseId, passphrase, sources, out] = process.argv.slice(2);
if (
  (mode !== 'store' && mode !== 'layout') ||
  vaultDir === undefined ||
  caseId === undefined ||
  passphrase === undefined ||
  sources === undefined ||
  out === undefined
)
  throw new Error('usage: store|layout VAULT CASE PASSPHRASE SOURCES OUT');

const vault = await unlockVault(vaultDir, passphrase);
const request = dossierRequestSchema.parse({ caseId, filingTitle: 'Bench' });
const fonts = await loadFontBytes();
const baselineRss = process.memoryUsage.rss();

/** When each stage the build reported began, in ms from the start; a stage seen again counts. */
function stageClock() {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const stages: [string, number][] = [];
  return {
    progress: (stage: string) => {
      if (stages.at(-1)?.[0] !== stage) stages.push([stage, performance.now() - started]);
    },
    /** Wall and CPU time (every thread of the process) so far; ru_maxrss, every thread's too. */
    stop: () => {
      const used = process.cpuUsage(cpu);
      return {
        ms: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        maxRssMiB: process.resourceUsage().maxRSS / 1024,
        stages,
      };
    },
  };
}

async function store() {
  const clock = stageClock();
  const record = await buildAndStore(vault, request, 'bench', {
    progress: (p) => clock.progress(p.stage),
  });
  const figures = clock.stop();
  const file = record.files[0];
  if (record.files.length !== 1 || file === undefined) throw new Error('expected one volume');
  await writeDossierFile(vault, caseId as string, record.id, 0, out as string);
  return { ...figures, pages: file.pages, size: file.size };
}

async function layout() {
  const data = await readCase(vault, caseId as string);
  const content = dossierContent(data, request, new Date().toISOString().slice(0, 10));
  const clock = stageClock();
  const result = await buildDossier(
    content,
    fonts,
    async (exhibit) => {
      const name = exhibit.item.file?.name;
      return name === undefined ? {} : { bytes: await readFile(join(sources as string, name)) };
    },
    { verifiedAt: 'bench', progress: (stage) => clock.progress(stage) },
  );
  const figures = clock.stop();
  const volume = result.volumes[0];
  if (result.volumes.length !== 1 || volume === undefined) throw new Error('expected one volume');
  await writeFile(out as string, volume.bytes);
  return { ...figures, pages: volume.pages, size: volume.bytes.length };
}

// The peak is ru_maxrss, the kernel's high-water mark for the whole process, every thread
// included, so a peak between two samples cannot be missed; it is read as soon as the build
// returns. Before the build the process held only the modules, the fonts and the unlocked vault
// (whose KDF is the cheapest the schema allows).
const figures = mode === 'store' ? await store() : await layout();
await vault.close();
process.stdout.write(
  `${JSON.stringify({ ...figures, baselineRssMiB: baselineRss / (1024 * 1024) })}\n`,
);
