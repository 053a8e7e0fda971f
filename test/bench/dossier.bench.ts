import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage } from '@cantoo/pdf-lib';
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCase } from '../../electron/core/cases/case-service';
import { intakeFile } from '../../electron/core/evidence/intake';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { ffmpeg } from '../fixtures/run-tool';
import { fastKdf } from '../support/test-core';
import { formatMs } from './stats';

/**
 * Issue 6's budget, measured in one run: a dossier of 200 PDF exhibits / 2,000 pages with stamps
 * and bookmarks, against `qpdf --empty --pages … --` merging the same plaintext files (budget
 * ≤ 5×), and the peak RSS of the process that builds it (budget < 3× the output's size).
 * The dossier is built as the app builds it (`buildAndStore`: decrypt and re-hash every original,
 * lay out in the worker thread, stamp, bookmark, store encrypted), in a child process of its own;
 * the layout alone (`buildDossier` on plaintext files, no vault) is timed apart.
 * The shipped code is timed too: `habeas dossier` from the build (`npm run build`, run first),
 * a process of its own like qpdf's, whose build thread is the bundled worker rather than the
 * TypeScript sources the in-process child compiles as it starts.
 * The exhibits are 6 to 14 pages of text with a drawing each; the first HABEAS_BENCH_SCANS pages
 * of each (default 1) also carry a greyscale "scan" of their own (a JPEG of 30, 110 or 330 KB, in
 * turn), as court exhibits usually do. HABEAS_BENCH_EXHIBITS (200, a multiple of 5: ten pages
 * each on average) and HABEAS_BENCH_ROUNDS (2) change the rest.
 */
const exhibitCount = Number(process.env['HABEAS_BENCH_EXHIBITS'] ?? 200);
const scansPerExhibit = Number(process.env['HABEAS_BENCH_SCANS'] ?? 1);
const rounds = Number(process.env['HABEAS_BENCH_ROUNDS'] ?? 2);
const passphrase = 'benchmark passphrase, not a secret';
const child = fileURLToPath(new URL('./dossier-child.ts', import.meta.url));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const words = (
  'the defendant was detained at the gates of the unit on the seventeenth of november after ' +
  'refusing to return to the front without training or equipment and the officer on duty ' +
  'recorded the names of both conscripts in the register before the military police arrived'
).split(' ');

/** Lines of plausible prose, different for every exhibit and page (so no two files are equal). */
function prose(seed: number, lines: number): string[] {
  return Array.from({ length: lines }, (_, l) => {
    const start = (seed * 7 + l * 3) % words.length;
    const line = Array.from({ length: 14 }, (_, w) => words[(start + w) % words.length]);
    return `${String(l + 1).padStart(2, '0')}. ${line.join(' ')}`;
  });
}

function drawPage(doc: PDFDocument, font: PDFFont, exhibit: number, page: number, scan?: PDFImage) {
  const p = doc.addPage([595, 842]);
  p.drawText(`Protocol ${String(exhibit)}, sheet ${String(page + 1)}`, {
    x: 56,
    y: 790,
    size: 14,
    font,
  });
  if (scan !== undefined) p.drawImage(scan, { x: 56, y: 120, width: 483, height: 650 });
  const lines = prose(exhibit * 31 + page, 18 + ((exhibit + page) % 20));
  lines.forEach((line, i) =>
    p.drawText(line, { x: 56, y: 760 - i * 14, size: 9, font, color: rgb(0.1, 0.1, 0.1) }),
  );
  // A drawing: the kind of sketch map and table rules a protocol has.
  const top = 740 - lines.length * 14;
  p.drawRectangle({ x: 56, y: top - 150, width: 483, height: 140, borderWidth: 1 });
  for (let r = 1; r < 6; r += 1)
    p.drawLine({ start: { x: 56, y: top - 10 - r * 23 }, end: { x: 539, y: top - 10 - r * 23 } });
  p.drawEllipse({ x: 300, y: top - 80, xScale: 60 + page * 4, yScale: 30, borderWidth: 1.5 });
  p.drawSvgPath('M 0 0 C 20 -30 40 30 60 0 S 100 -30 120 0', { x: 380, y: 90, borderWidth: 1 });
}

/** Three greyscale noise "scans" of an A4 page at 150 dpi: ~30, ~110 and ~330 KB. */
async function makeScans(dir: string): Promise<Buffer[]> {
  return Promise.all(
    [6, 16, 30].map(async (noise) => {
      const out = join(dir, `scan-${String(noise)}.jpg`);
      const paper = 'color=c=0xf4f1ea:size=1240x1754';
      const source = `${paper},noise=alls=${String(noise)}:allf=u,format=gray`;
      await ffmpeg(['-f', 'lavfi', '-i', source, '-frames:v', '1', '-q:v', '5', out]);
      return readFile(out);
    }),
  );
}

async function makeExhibits(
  dir: string,
): Promise<{ files: string[]; pages: number; bytes: number }> {
  const scans = await makeScans(dir);
  const files: string[] = [];
  let pages = 0;
  let bytes = 0;
  for (let n = 1; n <= exhibitCount; n += 1) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const count = 10 + (n % 5) * 2 - 4;
    for (let p = 0; p < count; p += 1) {
      // Each scanned page its own image, as each sheet of a real scan is.
      const scan = scans[(n + p) % scans.length];
      const image =
        p < scansPerExhibit && scan !== undefined ? await doc.embedJpg(scan) : undefined;
      drawPage(doc, font, n, p, image);
    }
    doc.setTitle(`Protocol ${String(n)}`);
    const file = join(dir, `exhibit-${String(n).padStart(3, '0')}.pdf`);
    const saved = await doc.save();
    await writeFile(file, saved);
    files.push(file);
    pages += count;
    bytes += saved.length;
  }
  return { files, pages, bytes };
}

/** Writes back what earlier runs left dirty, so that no run pays for the one before it. */
function settle(): void {
  spawnSync('sync');
}

function npages(file: string): number {
  const result = spawnSync('qpdf', ['--show-npages', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`qpdf could not read ${file}: ${result.stderr}`);
  return Number(result.stdout.trim());
}

type Timed = { ms: number; cpuMs: number; maxRssMiB: number };

/** The peer: qpdf merging the same files, under /usr/bin/time for its CPU time and peak RSS. */
function timeQpdf(files: readonly string[], out: string): Timed {
  const started = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%M %U %S', 'qpdf', '--empty', '--pages', ...files, '--', out],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`qpdf failed: ${result.stderr}`);
  const [kib, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  return { ms, cpuMs: (Number(user) + Number(system)) * 1000, maxRssMiB: Number(kib) / 1024 };
}

type Built = Timed & {
  baselineRssMiB: number;
  pages: number;
  size: number;
  /** When each stage the build reported began, in ms. */
  stages: [string, number][];
};

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `habeas dossier` from the build, as a lawyer runs it: unlock, build, store, write OUT. */
function timeCli(vaultDir: string, caseId: string, out: string): Timed {
  const started = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M %U %S',
      process.execPath,
      join(repoRoot, 'out', 'main', 'habeas.js'),
      'dossier',
      caseId,
      '--out',
      out,
      '--title',
      'Bench',
      '--json',
      '--vault',
      vaultDir,
    ],
    { encoding: 'utf8', env: { ...process.env, HABEAS_PASSPHRASE: passphrase } },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`habeas dossier failed: ${result.stderr}`);
  const [kib, user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ');
  return { ms, cpuMs: (Number(user) + Number(system)) * 1000, maxRssMiB: Number(kib) / 1024 };
}

function runChild(mode: 'store' | 'layout', args: readonly string[]): Built {
  const result = spawnSync(process.execPath, ['--import', 'tsx', child, mode, ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the ${mode} build failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Built;
}

const stageNames: Record<string, string> = {
  'front-matter': 'front matter',
  exhibits: 'exhibits and appendix',
  stamping: 'contents, index, stamps, bookmarks',
  saving: 'PDF save',
  checking: 'checks and hand-over',
};

/** Where a build's time went, from the stages it reported; the second "saving" is the store. */
function timeline(built: Built): string {
  const parts: string[] = [];
  let name = 'start (read the case, start the thread)';
  let at = 0;
  let saves = 0;
  for (const [stage, t] of [...built.stages, ['', built.ms] as const]) {
    parts.push(`${name} ${t - at < 0.5 ? '0' : (t - at).toFixed(0)} ms`);
    if (stage === 'saving') saves += 1;
    name = saves > 1 ? 'encrypt and store' : (stageNames[stage] ?? stage);
    at = t;
  }
  return parts.join(' · ');
}

export async function run(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'habeas-bench-dossier-'));
  try {
    const sources = join(root, 'exhibits');
    await mkdir(sources);
    const corpus = await makeExhibits(sources);
    console.log(
      `exhibits: ${String(corpus.files.length)} PDFs, ${String(corpus.pages)} pages, ${mib(corpus.bytes)} (${String(scansPerExhibit)} scanned page(s) each)`,
    );

    const vaultDir = join(root, 'vault');
    await createVault(vaultDir, passphrase, { kdfCost: fastKdf });
    const vault = await unlockVault(vaultDir, passphrase);
    const caseId = (await createCase(vault, { title: 'Дело Дегтярёва (bench)' }, 'bench')).id;
    const i0 = performance.now();
    for (const [i, file] of corpus.files.entries()) {
      const outcome = await intakeFile(
        vault,
        caseId,
        {
          stream: createReadStream(file),
          fileName: file.slice(sources.length + 1),
          declaredMimeType: 'application/pdf',
        },
        { kind: 'document', title: `Protocol ${String(i + 1)}` },
        'bench',
      );
      if (outcome.status !== 'added') throw new Error(`exhibit ${String(i + 1)} was not added`);
    }
    console.log(
      `intake of the exhibits (not part of the budget): ${formatMs(performance.now() - i0)}`,
    );
    await vault.close();

    // Alternate the two and keep each one's best; write back dirty pages before each run.
    const merged = join(root, 'merged.pdf');
    const dossier = join(root, 'dossier.pdf');
    const qpdfRuns: Timed[] = [];
    const builds: Built[] = [];
    const cliRuns: Timed[] = [];
    const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed: ${built.stderr}`);
    for (let round = 0; round < rounds; round += 1) {
      settle();
      qpdfRuns.push(timeQpdf(corpus.files, merged));
      settle();
      builds.push(runChild('store', [vaultDir, caseId, passphrase, sources, dossier]));
      settle();
      cliRuns.push(timeCli(vaultDir, caseId, join(root, `cli-${String(round)}.pdf`)));
    }
    settle();
    const layout = runChild('layout', [
      vaultDir,
      caseId,
      passphrase,
      sources,
      join(root, 'layout.pdf'),
    ]);

    // Both did the work they claim: every page merged, every page (and the dossier's own) built.
    if (npages(merged) !== corpus.pages) throw new Error('qpdf merged the wrong number of pages');
    const best = builds.reduce((a, b) => (b.ms < a.ms ? b : a));
    if (npages(dossier) !== best.pages || best.pages <= corpus.pages)
      throw new Error('the dossier has the wrong number of pages');
    const qpdf = qpdfRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    const mergedSize = (await stat(merged)).size;

    const qpdfCpu = Math.min(...qpdfRuns.map((q) => q.cpuMs));
    const cpu = Math.min(...builds.map((b) => b.cpuMs));
    console.log(
      `machine: ${String(cpus().length)} cores, load average ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log(
      `qpdf --empty --pages (merge only): ${formatMs(qpdf.ms)} (CPU ${formatMs(qpdfCpu)}), output ${mib(mergedSize)}, peak RSS ${qpdf.maxRssMiB.toFixed(0)} MiB`,
    );
    console.log(
      `dossier (buildAndStore): ${formatMs(best.ms)} (CPU, all threads: ${formatMs(cpu)}), ${String(best.pages)} pages, output ${mib(best.size)}, ${(best.pages / (best.ms / 1000)).toFixed(0)} pages/s`,
    );
    console.log(`  by stage: ${timeline(best)}`);
    console.log(
      `dossier / qpdf ratio: ${(best.ms / qpdf.ms).toFixed(2)}× (budget ≤ 5×); in CPU time ${(cpu / qpdfCpu).toFixed(2)}×`,
    );
    const cli = cliRuns.reduce((a, b) => (b.ms < a.ms ? b : a));
    console.log(
      `habeas dossier (the build, its own process: unlock, build, store, write the file): ${formatMs(cli.ms)} (CPU ${formatMs(Math.min(...cliRuns.map((c) => c.cpuMs)))}), ${(cli.ms / qpdf.ms).toFixed(2)}× qpdf (budget ≤ 5×), peak RSS ${cli.maxRssMiB.toFixed(0)} MiB = ${(cli.maxRssMiB / (best.size / 1024 / 1024)).toFixed(2)}× the output (budget < 3×)`,
    );
    console.log(
      `layout alone (buildDossier on plaintext, this thread): ${formatMs(layout.ms)} (CPU ${formatMs(layout.cpuMs)}), ${(layout.pages / (layout.ms / 1000)).toFixed(0)} pages/s, ${(layout.ms / qpdf.ms).toFixed(2)}× qpdf, peak RSS ${layout.maxRssMiB.toFixed(0)} MiB`,
    );
    console.log(`  by stage: ${timeline(layout).replace(/^start \([^)]*\)/, 'start')}`);
    const peak = Math.max(...builds.map((b) => b.maxRssMiB));
    const baseline = Math.min(...builds.map((b) => b.baselineRssMiB));
    console.log(
      `dossier peak RSS: ${peak.toFixed(0)} MiB = ${(peak / (best.size / 1024 / 1024)).toFixed(2)}× the output's size (budget < 3×); the same process before the build: ${baseline.toFixed(0)} MiB, so the build added ${(peak - baseline).toFixed(0)} MiB = ${((peak - baseline) / (best.size / 1024 / 1024)).toFixed(2)}×`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
