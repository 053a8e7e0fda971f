/**
 * Runs one blob intake in a process of its own, so that its peak RSS is the intake's alone.
 * Prints { ms, maxRssMiB, sha256, size } as JSON; maxRssMiB is the peak RSS while the intake ran.
 */
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { unlockVault } from '../../electron/core/vault/vault';
import { caseBlobs } from '../support/case-blobs';

const [vaultDir, file, passphrase] = process.argv.slice(2);
if (vaultDir === undefined || file === undefined || passphrase === undefined)
  throw new Error('usage: VAULT FILE PASSPHRASE');
const vault = await unlockVault(vaultDir, passphrase);
const { caseId, blobs } = await caseBlobs(vault);
// maxRSS would include the unlock's 64 MiB of Argon2id memory: sample the intake's own peak.
const baselineRss = process.memoryUsage.rss();
let peakRss = baselineRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
const started = performance.now();
const info = await blobs.put(createReadStream(file, { highWaterMark: 1024 * 1024 }));
const ms = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
await vault.close();
process.stdout.write(
  `${JSON.stringify({
    id: info.id,
    caseId,
    ms,
    maxRssMiB: peakRss / (1024 * 1024),
    baselineRssMiB: baselineRss / (1024 * 1024),
    sha256: info.sha256,
    size: info.size,
  })}\n`,
);
