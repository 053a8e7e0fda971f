import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { decodeRecipient } from '../../electron/core/crypto/age-keys';
import { createEncryptStream } from '../../electron/core/crypto/age-writer';
import { Sha256Tap } from '../../electron/core/vault/hash-worker';
import { deriveKey } from '../../electron/core/vault/kdf';
import { readVaultHeader } from '../../electron/core/vault/vault-header';
import { caseStore } from '../../electron/core/cases/case-store';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { formatMs, summarise } from './stats';

/**
 * Issue 3's budgets, measured in one run on this machine:
 *   intake (hash + encrypt) of a large file: time against `age -r` encrypting the same file to
 *     the same disk (budget ≤ 1.5×), and the intake process's peak RSS (budget < 200 MiB);
 *   random 64 KiB reads from the stored blob: p50 and p99 (budget p99 < 5 ms);
 *   unlock: the KDF and the rest, apart.
 * HABEAS_BENCH_MIB sets the file size (default 1024).
 */
const mib = Number(process.env['HABEAS_BENCH_MIB'] ?? 1024);
const passphrase = 'benchmark passphrase, not a secret';
const child = fileURLToPath(new URL('./intake-child.ts', import.meta.url));

async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const block = randomBytes(1024 * 1024);
  for (let written = 0; written < bytes; written += block.length) {
    // A fresh first 32 bytes per MiB: no two blocks equal, and cheap to make.
    randomBytes(32).copy(block);
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return hash.digest('hex');
}

function timeAge(recipient: string, input: string, output: string): number {
  const started = performance.now();
  const result = spawnSync('age', ['-r', recipient, '-o', output, input]);
  if (result.status !== 0) throw new Error(`age failed: ${result.stderr.toString()}`);
  return performance.now() - started;
}

type Intake = {
  id: string;
  caseId: string;
  ms: number;
  maxRssMiB: number;
  baselineRssMiB: number;
  sha256: string;
};

/** Writes back what earlier runs left dirty, so that no run pays for the one before it. */
function settle(): void {
  spawnSync('sync');
}

function runIntake(vaultDir: string, input: string): Intake {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', child, vaultDir, input, passphrase],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`intake failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Intake;
}

/** Blob intake's read, hash and encrypt, with the ciphertext discarded. */
async function intakeToNowhere(input: string, recipient: string): Promise<number> {
  const started = performance.now();
  const tap = new Sha256Tap();
  await pipeline(
    createReadStream(input, { highWaterMark: 1024 * 1024 }),
    tap,
    createEncryptStream([{ kind: 'x25519', publicKey: decodeRecipient(recipient) }]),
    new Writable({ write: (_chunk, _encoding, callback) => callback() }),
  );
  await tap.digest();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'habeas-bench-'));
  try {
    const vaultDir = join(dir, 'vault');
    await createVault(vaultDir, passphrase);
    const input = join(dir, 'video.bin');
    const expectedSha = await writeRandomFile(input, mib * 1024 * 1024);
    const vault = await unlockVault(vaultDir, passphrase);
    const recipient = vault.recipient;
    await vault.close();

    // Alternate the two, three times, and keep each one's best; write back dirty pages before
    // each run so that neither pays for the other's writes.
    const ageMs: number[] = [];
    const intakes: Intake[] = [];
    for (let round = 0; round < 3; round += 1) {
      settle();
      ageMs.push(timeAge(recipient, input, join(dir, `age-${round}.age`)));
      await rm(join(dir, `age-${round}.age`));
      settle();
      intakes.push(runIntake(vaultDir, input));
    }
    const best = intakes.reduce((a, b) => (b.ms < a.ms ? b : a));
    if (best.sha256 !== expectedSha) throw new Error('intake hashed the file wrongly');
    const bestAge = Math.min(...ageMs);
    console.log(`intake of ${mib} MiB: habeas ${formatMs(best.ms)}, age -r ${formatMs(bestAge)}`);
    console.log(`intake / age ratio: ${(best.ms / bestAge).toFixed(2)}× (budget ≤ 1.5×)`);
    const peak = Math.max(...intakes.map((i) => i.maxRssMiB));
    const baseline = Math.min(...intakes.map((i) => i.baselineRssMiB));
    console.log(
      `intake peak RSS: ${peak.toFixed(0)} MiB (budget < 200 MiB); the same process just before intake: ${baseline.toFixed(0)} MiB`,
    );

    // The same work without the disk write, whose speed on a shared VM varies twofold from run to
    // run: read + hash + encrypt, to a sink that discards, against `age -o /dev/null`.
    const cpuOurs: number[] = [];
    const cpuAge: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      cpuAge.push(timeAge(recipient, input, '/dev/null'));
      cpuOurs.push(await intakeToNowhere(input, recipient));
    }
    const bestCpuOurs = Math.min(...cpuOurs);
    const bestCpuAge = Math.min(...cpuAge);
    console.log(
      `without the disk write: habeas ${formatMs(bestCpuOurs)}, age -r -o /dev/null ${formatMs(bestCpuAge)}, ratio ${(bestCpuOurs / bestCpuAge).toFixed(2)}×`,
    );

    settle();
    const reopened = await unlockVault(vaultDir, passphrase);
    const file = await caseStore(reopened).blobs(best.caseId).open(best.id);
    const samples: number[] = [];
    const readSize = 64 * 1024;
    // 200 reads first, not counted: the steady state a player seeking through a video sees,
    // after the JIT has compiled the read path.
    for (let i = 0; i < 200; i += 1) {
      const start = randomInt(0, file.plaintextSize - readSize);
      await file.readRange(start, start + readSize);
    }
    for (let i = 0; i < 2000; i += 1) {
      const start = randomInt(0, file.plaintextSize - readSize);
      const t0 = performance.now();
      await file.readRange(start, start + readSize);
      samples.push(performance.now() - t0);
    }
    await file.close();
    await reopened.close();
    const reads = summarise(samples);
    console.log(
      `random 64 KiB reads: p50 ${formatMs(reads.p50)}, p99 ${formatMs(reads.p99)} (budget p99 < 5 ms, n=${reads.n})`,
    );

    const header = await readVaultHeader(vaultDir);
    const k0 = performance.now();
    (await deriveKey(passphrase, header.keyslots.passphrase.kdf)).fill(0);
    const kdfMs = performance.now() - k0;
    const u0 = performance.now();
    await (await unlockVault(vaultDir, passphrase)).close();
    const unlockMs = performance.now() - u0;
    const { memoryKiB, iterations } = header.keyslots.passphrase.kdf;
    console.log(
      `unlock: ${formatMs(unlockMs)} = KDF ${formatMs(kdfMs)} (Argon2id ${memoryKiB / 1024} MiB × ${iterations}) + rest ${formatMs(Math.max(0, unlockMs - kdfMs))}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
