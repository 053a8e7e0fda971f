import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type {
  DossierProgress,
  DossierRecord,
  DossierRequest,
  DossierView,
} from '../../../shared/dossier';
import { changeCase, readCase, resolveCaseId } from '../cases/case-service';
import { caseStore } from '../cases/case-store';
import { romanise } from '../cases/romanisation';
import { logCustody } from '../evidence/custody-entry';
import { HabeasError, toErrorData } from '../habeas-error';
import type { MediaRegistry } from '../media/media-handler';
import { writeVerified } from '../vault/verified-write';
import type { UnlockedVault } from '../vault/vault';
import type { VaultSession } from '../vault/vault-session';
import type { BuildResult } from './build';
import { dossierContent } from './content';
import { prewarmDossierThread, runBuild } from './dossier-thread';
import { loadFontBytes } from './font-files';
import { vaultMaterials } from './materials';
import { dossierFileNames } from './profiles';
import { oncePer } from '../once-per';

/**
 * Dossier builds for the app and the CLI: the content is worked out from the case, the PDF is
 * laid out off the main thread, and the result is stored as encrypted blobs of the case (a
 * dossier holds evidence in plaintext PDF; it leaves the vault only when the lawyer saves it).
 */
const today = () => new Date().toISOString().slice(0, 10);

export async function buildAndStore(
  vault: UnlockedVault,
  request: DossierRequest,
  actor: string,
  options: {
    readonly signal?: AbortSignal;
    readonly progress?: (p: Pick<DossierProgress, 'stage' | 'done' | 'total'>) => void;
  } = {},
): Promise<DossierRecord> {
  const caseId = resolveCaseId(vault, request.caseId);
  const data = await readCase(vault, caseId);
  const content = dossierContent(data, request, today());
  const blobs = caseStore(vault).blobs(caseId);
  const materials = vaultMaterials(blobs, data, content);
  const verifiedAt = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const input = { data, request, today: today() };
  const result: BuildResult = await runBuild(input, await loadFontBytes(), materials.material, {
    verifiedAt,
    failed: materials.failed,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    progress: (stage, done, total) => options.progress?.({ stage, done, total }),
  });
  const names = dossierFileNames(
    request.profile,
    content.caseTitle,
    result.volumes.length,
    (text) => romanise(text, 'bgn-pcgn'),
  );
  options.progress?.({
    stage: 'saving',
    done: content.exhibits.length,
    total: content.exhibits.length,
  });
  const stopIfCancelled = () => {
    if (options.signal?.aborted === true) throw new HabeasError('CANCELLED', 'Cancelled.');
  };
  stopIfCancelled();
  const stored: DossierRecord['files'] = [];
  try {
    for (const [i, volume] of result.volumes.entries()) {
      const info = await blobs.put(Readable.from([volume.bytes]), options.signal);
      stored.push({
        name: names[i] ?? `Dossier ${String(i + 1)}.pdf`,
        blobId: info.id,
        pages: volume.pages,
        sha256: info.sha256,
        size: info.size,
        firstBates: volume.firstBates,
        lastBates: volume.lastBates,
      });
    }
  } catch (error) {
    await Promise.all(stored.map((f) => unlink(blobs.path(f.blobId)).catch(() => undefined)));
    throw error;
  }
  const removeStored = () =>
    Promise.all(stored.map((f) => unlink(blobs.path(f.blobId)).catch(() => undefined)));
  const record: DossierRecord = {
    id: randomUUID(),
    builtAt: new Date().toISOString(),
    builtBy: actor,
    filingTitle: content.disclose(request.filingTitle),
    profile: request.profile,
    disclosure: request.disclosure,
    language: request.language,
    batesPrefix: request.batesPrefix,
    exhibits: content.exhibits.length,
    files: stored,
    problems: result.problems.map((p) => ({
      evidenceId: p.exhibit.item.id,
      exhibit: String(p.exhibit.number),
      code: p.code,
    })),
  };
  await changeCase(vault, caseId, (fresh, now) => {
    // A lock that came while the files were stored: nothing is recorded, and they go.
    stopIfCancelled();
    fresh.dossiers.push(record);
    logCustody(fresh, {
      action: 'export',
      subject: { kind: 'dossier', id: record.id },
      actor,
      at: now,
      details: {
        to: 'dossier',
        profile: record.profile,
        disclosure: record.disclosure,
        exhibits: record.exhibits,
        sha256: stored.map((f) => f.sha256).join(' '),
      },
    });
  }).catch(async (error: unknown) => {
    await removeStored();
    throw error;
  });
  return record;
}

let previews: Promise<unknown> = Promise.resolve();

/**
 * The dossier's own pages without the exhibits, for the live preview; nothing is stored.
 * Previews run one after another: however fast a renderer asks, one thread at a time.
 */
export function previewDossier(vault: UnlockedVault, request: DossierRequest) {
  const next = previews.catch(() => undefined).then(() => previewNow(vault, request));
  previews = next;
  return next;
}

async function previewNow(vault: UnlockedVault, request: DossierRequest) {
  const data = await readCase(vault, resolveCaseId(vault, request.caseId));
  const pending = runBuild(
    { data, request, today: today() },
    await loadFontBytes(),
    () => Promise.resolve({}),
    {
      preview: true,
      verifiedAt: '—',
    },
  );
  // A lawyer on the dossier screen previews again and builds: the next thread starts now.
  prewarmDossierThread();
  const result = await pending;
  const volume = result.volumes[0];
  if (volume === undefined) throw new HabeasError('INTERNAL', 'The preview has no pages.');
  return { pdf: Buffer.from(volume.bytes).toString('base64'), pages: volume.pages };
}

export function viewOf(record: DossierRecord, caseId: string, media: MediaRegistry, base: string) {
  return {
    ...record,
    files: record.files.map((file) => ({
      ...file,
      url: `${base}${media.register({ caseId, blobId: file.blobId, mimeType: 'application/pdf' })}`,
    })),
  } satisfies DossierView;
}

export async function listDossiers(vault: UnlockedVault, caseId: string) {
  const data = await readCase(vault, caseId);
  return [...data.dossiers].sort((a, b) => b.builtAt.localeCompare(a.builtAt));
}

function findDossier(dossiers: readonly DossierRecord[], id: string): DossierRecord {
  const found = dossiers.find((d) => d.id === id);
  if (found === undefined) throw new HabeasError('NOT_FOUND', 'No such dossier in this case.');
  return found;
}

export async function deleteDossier(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  actor: string,
) {
  const resolved = resolveCaseId(vault, caseId);
  const removed = await changeCase(vault, resolved, (data, now) => {
    const record = findDossier(data.dossiers, id);
    data.dossiers = data.dossiers.filter((d) => d.id !== id);
    logCustody(data, {
      action: 'delete',
      subject: { kind: 'dossier', id },
      actor,
      at: now,
    });
    return record;
  });
  const blobs = caseStore(vault).blobs(resolved);
  await Promise.all(removed.files.map((f) => unlink(blobs.path(f.blobId)).catch(() => undefined)));
}

/**
 * Writes one file of a dossier to `outPath`, hashed as it is decrypted; it takes its name only
 * when the hash matches the one recorded at build time.
 */
export async function writeDossierFile(
  vault: UnlockedVault,
  caseId: string,
  id: string,
  fileIndex: number,
  outPath: string,
): Promise<void> {
  const resolved = resolveCaseId(vault, caseId);
  const record = findDossier((await readCase(vault, resolved)).dossiers, id);
  const file = record.files[fileIndex];
  if (file === undefined) throw new HabeasError('NOT_FOUND', 'No such file in this dossier.');
  await writeVerified(
    await caseStore(vault).blobs(resolved).get(file.blobId),
    outPath,
    file,
    'dossier',
  );
}

type Job = { caseId: string; progress: DossierProgress; controller: AbortController };

/**
 * Running and finished builds of this session, polled by the renderer. A lock cancels the
 * builds that are still running and forgets them all.
 */
export class DossierJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(session: VaultSession) {
    session.onLock(() => {
      for (const job of this.jobs.values()) job.controller.abort();
      this.jobs.clear();
    });
  }

  start(
    vault: UnlockedVault,
    request: DossierRequest,
    actor: string,
    view: (record: DossierRecord, caseId: string) => DossierView,
  ): string {
    if ([...this.jobs.values()].some((job) => job.progress.state === 'running'))
      throw new HabeasError(
        'VALIDATION_FAILED',
        'A dossier is being built already: wait for it, or cancel it.',
      );
    const id = randomUUID();
    const caseId = resolveCaseId(vault, request.caseId);
    const job: Job = {
      caseId,
      controller: new AbortController(),
      progress: { state: 'running', stage: 'reading', done: 0, total: 0 },
    };
    this.jobs.set(id, job);
    // Closing the vault stops the build before the vault's lock is given up.
    vault.onClose(() => job.controller.abort());
    buildAndStore(vault, request, actor, {
      signal: job.controller.signal,
      progress: (p) => {
        if (job.progress.state === 'running') job.progress = { ...job.progress, ...p };
      },
    }).then(
      (record) => {
        job.progress = { ...job.progress, state: 'done', dossier: view(record, caseId) };
      },
      (error: unknown) => {
        const data = toErrorData(error);
        job.progress = {
          ...job.progress,
          state: data.code === 'CANCELLED' ? 'cancelled' : 'failed',
          error: { code: data.code, message: data.message, details: data.details },
        };
      },
    );
    return id;
  }

  progress(id: string): DossierProgress {
    const job = this.jobs.get(id);
    if (job === undefined) throw new HabeasError('NOT_FOUND', 'No such dossier build.');
    return job.progress;
  }

  cancel(id: string): void {
    this.jobs.get(id)?.controller.abort();
  }
}

/** The builds of a session (one registry per session, made on first use). */
export const dossierJobs = oncePer((session: VaultSession) => new DossierJobs(session));
