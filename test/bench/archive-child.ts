/**
 * Runs one archive export in a process of its own, so that its peak RSS is the export's alone.
 * argv: VAULT CASE OUT PASSPHRASE RECIPIENT.
 * Prints { ms, cpuMs, maxRssMiB, baselineRssMiB, sha256, size } as JSON.
 */
import { performance } from 'node:perf_hooks';
import { exportCaseArchive } from '../../electron/core/archive/export-archive';
import { unlockVault } from '../../electron/core/vault/vault';

const [vaultDir, caseId, out, passphrase, recipient] = process.argv.slice(2);
if ([vaultDir, caseId, out, passphrase, recipient].some((a) => a === undefined))
  throw new Error('usage: VAULT CASE OUT PASSPHRASE RECIPIENT');
const vault = await unlockVault(vaultDir ?? '', passphrase ?? '');
// maxRSS would include the unlock's Argon2id memory: sample the export's own peak.
const baselineRss = process.memoryUsage.rss();
let peakRss = baselineRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
const options = {
  protection: { kind: 'recipients' as const, recipients: [recipient ?? ''] },
  actor: 'bench',
};
const cpuBefore = process.cpuUsage();
const started = performance.now();
const outcome = await exportCaseArchive(vault, caseId ?? '', out ?? '', options);
const ms = performance.now() - started;
// Every thread of the process: the export's own and its sealing thread.
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage.rss());
await vault.close();
process.stdout.write(
  `${JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMiB: peakRss / (1024 * 1024),
    baselineRssMiB: baselineRss / (1024 * 1024),
    sha256: outcome.sha256,
    size: outcome.size,
  })}\n`,
);
