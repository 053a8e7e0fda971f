import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createCase, readCase } from '../../electron/core/cases/case-service';
import { intakeFile } from '../../electron/core/evidence/intake';
import { createVault, exportIdentity, unlockVault } from '../../electron/core/vault/vault';
import { fastKdf } from '../support/test-core';
import { formatMs } from './stats';

/**
 * Issue 7's budget, measured in one run on this machine: export of a case holding 1 GiB of media
 * (four 256 MiB videos) as an archive, against `tar c … | age -r` on the same plaintext files
 * (budget ≤ 1.5×), to disk and to memory (tmpfs), and the export process's peak RSS.
 * HABEAS_BENCH_MIB sets the total size (default 1024).
 */
const mib = Number(process.env['HABEAS_BENCH_MIB'] ?? 1024);
const fileCount = 4;
const passphrase = 'benchmark passphrase, not a secret';
const child = fileURLToPath(new URL('./archive-child.ts', import.meta.url));

async function writeRandomFile(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(1024 * 1024);
  for (let written = 0; written < bytes; written += block.length) {
    randomBytes(32).copy(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

/** Writes back what earlier runs left dirty, so that no run pays for the one before it. */
function settle(): void {
  spawnSync('sync');
}

/**
 * `tar c | age -r` to `out`, then `sync` of that file: Habeas syncs the archive before it
 * reports it written, so the baseline waits for the disk too.
 */
function timeTarAge(
  dir: string,
  names: readonly string[],
  recipient: string,
  out: string,
): { ms: number; cpuMs: number } {
  const quoted = names.map((n) => `'${n}'`).join(' ');
  const started = performance.now();
  // GNU time's user and system seconds cover the shell and the tar and age it waited for.
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%U %S',
      'sh',
      '-c',
      `tar cf - -C '${dir}' ${quoted} | age -r ${recipient} -o '${out}' && sync '${out}'`,
    ],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`tar | age failed: ${result.stderr}`);
  const [user = 0, system = 0] = (result.stderr.trim().split('\n').at(-1) ?? '')
    .split(' ')
    .map(Number);
  return { ms, cpuMs: (user + system) * 1000 };
}

/** The export's own work with the reference tools: age -d, tar, age -r, sha256sum, then sync. */
function sameWorkWithTools(
  blobs: readonly string[],
  identityFile: string,
  recipient: string,
  out: string,
): { ms: number; cpuMs: number } {
  const plain = join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), `habeas-same-${process.pid}`);
  const decrypt = blobs
    .map((blob, i) => `age -d -i '${identityFile}' -o '${plain}/f${i}' '${blob}'`)
    .join(' && ');
  const names = blobs.map((_, i) => `f${i}`).join(' ');
  const script = `mkdir -p '${plain}' && ${decrypt} && tar cf - -C '${plain}' ${names} | age -r ${recipient} | tee '${out}' | sha256sum > /dev/null && sync '${out}'; status=$?; rm -rf '${plain}'; exit $status`;
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', 'sh', '-c', script], {
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`the tools failed: ${result.stderr}`);
  const [user = 0, system = 0] = (result.stderr.trim().split('\n').at(-1) ?? '')
    .split(' ')
    .map(Number);
  return { ms, cpuMs: (user + system) * 1000 };
}

type Export = {
  ms: number;
  cpuMs: number;
  maxRssMiB: number;
  baselineRssMiB: number;
  size: number;
};

function runExport(vaultDir: string, caseId: string, out: string, recipient: string): Export {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', child, vaultDir, caseId, out, passphrase, recipient],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`export failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Export;
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'habeas-bench-archive-'));
  try {
    const media = join(dir, 'media');
    await mkdir(media);
    const names = Array.from({ length: fileCount }, (_, i) => `video-${i + 1}.mp4`);
    for (const name of names) {
      await writeRandomFile(join(media, name), Math.floor((mib * 1024 * 1024) / fileCount));
    }
    const vaultDir = join(dir, 'vault');
    await createVault(vaultDir, passphrase, { kdfCost: fastKdf });
    const vault = await unlockVault(vaultDir, passphrase);
    const { id: caseId } = await createCase(vault, { title: 'Benchmark case' }, 'bench');
    for (const name of names) {
      const outcome = await intakeFile(
        vault,
        caseId,
        {
          stream: createReadStream(join(media, name)),
          fileName: name,
          declaredMimeType: 'video/mp4',
        },
        { kind: 'video' },
        'bench',
      );
      if (outcome.status !== 'added') throw new Error('intake failed');
    }
    const recipient = vault.recipient;
    const identityFile = join(dir, 'identity.txt');
    await writeFile(identityFile, exportIdentity(vault), { mode: 0o600 });
    const blobPaths = (await readCase(vault, caseId)).evidence.flatMap((item) =>
      item.file === undefined
        ? []
        : [join(vaultDir, 'cases', caseId, 'blobs', `${item.file.blobId}.age`)],
    );
    await vault.close();

    const ours: Export[] = [];
    const theirs: { ms: number; cpuMs: number }[] = [];
    for (let round = 0; round < 3; round += 1) {
      settle();
      theirs.push(timeTarAge(media, names, recipient, join(dir, `tar-age-${round}.age`)));
      await rm(join(dir, `tar-age-${round}.age`));
      settle();
      ours.push(runExport(vaultDir, caseId, join(dir, `case-${round}.habeas`), recipient));
      await rm(join(dir, `case-${round}.habeas`));
    }
    const best = ours.reduce((a, b) => (b.ms < a.ms ? b : a));
    const bestTheirs = Math.min(...theirs.map((t) => t.ms));
    console.log(
      `archive export of ${mib} MiB (${fileCount} files): habeas ${formatMs(best.ms)}, tar | age -r ${formatMs(bestTheirs)}`,
    );
    console.log(
      `export / (tar | age) ratio: ${(best.ms / bestTheirs).toFixed(2)}× (budget ≤ 1.5×)`,
    );
    // CPU time does not depend on what else the machine runs: the work itself, compared.
    const cpuOurs = Math.min(...ours.map((o) => o.cpuMs));
    const cpuTheirs = Math.min(...theirs.map((t) => t.cpuMs));
    console.log(
      `CPU time (user + system, all threads): habeas ${formatMs(cpuOurs)}, tar | age ${formatMs(cpuTheirs)}, ratio ${(cpuOurs / cpuTheirs).toFixed(2)}×`,
    );
    const peak = Math.max(...ours.map((o) => o.maxRssMiB));
    const baseline = Math.min(...ours.map((o) => o.baselineRssMiB));
    console.log(
      `export peak RSS: ${peak.toFixed(0)} MiB; the same process just before the export: ${baseline.toFixed(0)} MiB`,
    );

    // What the export does, done by the reference tools: every blob decrypted with age (to
    // tmpfs), then tar, age -r and sha256sum on the archive as it is written.
    const sameWork = sameWorkWithTools(blobPaths, identityFile, recipient, join(dir, 'same.age'));
    await rm(join(dir, 'same.age'));
    console.log(
      `the same work with age -d, tar, age -r and sha256sum: ${formatMs(sameWork.ms)} (CPU ${formatMs(sameWork.cpuMs)}); habeas / that: ${(best.ms / sameWork.ms).toFixed(2)}×`,
    );

    // The same work with the archive in memory (tmpfs), without the disk, whose speed on a
    // shared VM varies twofold from run to run.
    const memory = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'habeas-'));
    try {
      const memoryOurs: number[] = [];
      const memoryTheirs: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        memoryTheirs.push(timeTarAge(media, names, recipient, join(memory, 'tar-age.age')).ms);
        await rm(join(memory, 'tar-age.age'));
        memoryOurs.push(runExport(vaultDir, caseId, join(memory, 'case.habeas'), recipient).ms);
        await rm(join(memory, 'case.habeas'));
      }
      const bestMemoryOurs = Math.min(...memoryOurs);
      const bestMemoryTheirs = Math.min(...memoryTheirs);
      console.log(
        `to memory (tmpfs): habeas ${formatMs(bestMemoryOurs)}, tar | age -r ${formatMs(bestMemoryTheirs)}, ratio ${(bestMemoryOurs / bestMemoryTheirs).toFixed(2)}×`,
      );
    } finally {
      await rm(memory, { recursive: true, force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
