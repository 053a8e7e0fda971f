import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EvidenceRecord } from '../../shared/evidence';
import { createCase, readCase } from '../../electron/core/cases/case-service';
import { caseStore } from '../../electron/core/cases/case-store';
import { nextEntry } from '../../electron/core/custody/custody-log';
import { listEvidence } from '../../electron/core/evidence/evidence-service';
import { intakeFile } from '../../electron/core/evidence/intake';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
import { fastKdf } from '../support/test-core';
import { formatMs, summarise } from './stats';

/**
 * Issue 4's budgets, measured in one run:
 *   opening a case of 10,000 evidence items after the KDF (budget < 300 ms): the case file is
 *     decrypted, parsed and checked against its schema, then the library's summaries are made;
 *   intake of 1,000 small files, one after another as a lawyer's batch: each stored, hashed,
 *     read back for its metadata, and the case written.
 * HABEAS_BENCH_ITEMS and HABEAS_BENCH_FILES change the counts.
 */
const items = Number(process.env['HABEAS_BENCH_ITEMS'] ?? 10_000);
const files = Number(process.env['HABEAS_BENCH_FILES'] ?? 1_000);
const passphrase = 'benchmark passphrase, not a secret';

function syntheticItem(n: number, now: Date): EvidenceRecord {
  const kinds = ['video', 'article', 'statement', 'document', 'image', 'audio', 'other'] as const;
  const kind = kinds[n % kinds.length] ?? 'other';
  return {
    id: randomUUID(),
    kind,
    title: `Доказательство ${n}: задержание у части, отчёт ${n % 97}`,
    file: {
      blobId: randomBytes(13)
        .toString('hex')
        .replace(/[^a-z2-7]/g, 'a')
        .slice(0, 26)
        .padEnd(26, 'a'),
      name: `evidence-${n}.mp4`,
      mimeType: 'video/mp4',
      size: 1000 + n,
      sha256: randomBytes(32).toString('hex'),
    },
    published: '2026-11-20',
    credibility: (n % 6) + 1,
    tags: ['arrest', `batch-${n % 10}`],
    personIds: [],
    derivedFrom: [],
    metadata: { durationSeconds: 61.5, width: 1280, height: 720, videoCodecs: ['avc1.64001f'] },
    intakeNotes: [],
    ...(kind === 'statement'
      ? { statement: { text: 'Мой муж не получил ни формы, ни обучения. '.repeat(20) } }
      : {}),
    moments: [],
    stills: [],
    addedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

export async function run(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'habeas-bench-cases-'));
  try {
    const dir = join(root, 'vault');
    await createVault(dir, passphrase, { kdfCost: fastKdf });
    let vault = await unlockVault(dir, passphrase);
    const caseId = (await createCase(vault, { title: 'Bench case' }, 'bench')).id;
    const now = new Date();
    await caseStore(vault).mutate(caseId, (data) => {
      for (let n = 0; n < items; n += 1) {
        const item = syntheticItem(n, now);
        data.evidence.push(item);
        data.custody.push(
          nextEntry(data.custody, {
            action: 'intake',
            subject: { kind: 'evidence', id: item.id },
            actor: 'bench',
            at: now,
            details: { sha256: item.file?.sha256 ?? '', size: item.file?.size ?? 0 },
          }),
        );
      }
    });
    await vault.close();
    const size = (await stat(join(dir, 'cases', caseId, 'case.age'))).size;
    console.log(
      `case of ${items} items: case file ${(size / 1024 / 1024).toFixed(1)} MiB encrypted`,
    );

    const open: number[] = [];
    const library: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      vault = await unlockVault(dir, passphrase);
      const t0 = performance.now();
      await readCase(vault, caseId);
      const t1 = performance.now();
      await listEvidence(vault, caseId);
      const t2 = performance.now();
      open.push(t1 - t0);
      library.push(t2 - t0);
      await vault.close();
    }
    const o = summarise(open);
    const l = summarise(library);
    console.log(
      `open (decrypt, parse, check): median ${formatMs(o.p50)}, worst ${formatMs(Math.max(...open))}`,
    );
    console.log(
      `open + library summaries: median ${formatMs(l.p50)}, worst ${formatMs(Math.max(...library))} (budget < 300 ms)`,
    );

    vault = await unlockVault(dir, passphrase);
    const batchCase = (await createCase(vault, { title: 'Batch' }, 'bench')).id;
    const sources = join(root, 'files');
    await mkdir(sources);
    for (let n = 0; n < files; n += 1) {
      await writeFile(
        join(sources, `note-${n}.txt`),
        `Заметка ${n}\n${randomBytes(2048).toString('base64')}`,
      );
    }
    const per: number[] = [];
    const started = performance.now();
    for (let n = 0; n < files; n += 1) {
      const t0 = performance.now();
      await intakeFile(
        vault,
        batchCase,
        {
          stream: createReadStream(join(sources, `note-${n}.txt`)),
          fileName: `note-${n}.txt`,
          declaredMimeType: 'text/plain',
        },
        { kind: 'document' },
        'bench',
      );
      per.push(performance.now() - t0);
    }
    const total = performance.now() - started;
    const p = summarise(per);
    console.log(
      `intake of ${files} small files: ${(total / 1000).toFixed(1)} s in all, ${formatMs(total / files)} per file; p50 ${formatMs(p.p50)}, p95 ${formatMs(p.p95)}`,
    );
    await vault.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
