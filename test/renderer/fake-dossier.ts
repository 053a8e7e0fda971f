import { bytesToBase64 } from '../../renderer/features/viewers/blob-base64';
import type { ChannelName } from '../../shared/channels';
import {
  dossierRequestSchema,
  type DossierProgress,
  type DossierRequest,
  type DossierView,
  type ExhibitProblem,
} from '../../shared/dossier';
import type { ErrorCode } from '../../shared/errors';
import type { ChargeFakes } from './fake-charges';
import type { EvidenceFakes } from './fake-evidence';
import { base32, failure, hex, ok, uuid, type Input } from './evidence/fake-evidence-records';
import type { FakeVault } from './fake-vault';

/**
 * In-memory dossiers for the renderer's tests: the dossier:* channels, checked the way core
 * checks them (the request's schema, the case and its items). A build runs until the test moves
 * it on (`advance`, `finish`, `fail`), so every state the screen shows can be looked at.
 *
 * The preview "PDF" is a stand-in pdf.js cannot read: the JSON of its pages' lines (cover,
 * exhibit index), which the tests' fake PDF loader lays out as pages.
 */
type Job = { readonly caseId: string; readonly request: DossierRequest; progress: DossierProgress };

export type FakePreviewPages = string[][];

export class DossierFakes {
  readonly dossiers = new Map<string, DossierView[]>();
  readonly jobs = new Map<string, Job>();
  readonly saved: { caseId: string; id: string; file: number }[] = [];
  /** The exhibits the next finished build reports as slip sheets. */
  problems: Omit<ExhibitProblem, 'exhibit'>[] = [];
  private counter = 0;

  constructor(
    private readonly vault: FakeVault,
    private readonly evidence: EvidenceFakes,
    private readonly charges?: ChargeFakes,
  ) {}

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  of(caseId: string): DossierView[] {
    let found = this.dossiers.get(caseId);
    if (found === undefined) this.dossiers.set(caseId, (found = []));
    return found;
  }

  /** The request as core reads it, or why it would refuse it. */
  private check(input: Input): DossierRequest | { error: ErrorCode } {
    const parsed = dossierRequestSchema.safeParse(input);
    if (!parsed.success) return { error: 'VALIDATION_FAILED' };
    const request = parsed.data;
    if (!this.vault.cases.some((c) => c.id === request.caseId)) return { error: 'NOT_FOUND' };
    const items = new Set(this.evidence.itemsOf(request.caseId).map((item) => item.id));
    if (request.exhibitIds?.some((id) => !items.has(id))) return { error: 'NOT_FOUND' };
    if (new Set(request.exhibitIds).size !== (request.exhibitIds?.length ?? 0))
      return { error: 'VALIDATION_FAILED' };
    const charges = new Set(this.charges?.of(request.caseId).charges.map((c) => c.id));
    if (request.chargeIds?.some((id) => !charges.has(id))) return { error: 'NOT_FOUND' };
    return request;
  }

  private exhibitTitles(request: DossierRequest): string[] {
    const items = this.evidence.itemsOf(request.caseId);
    const ids = request.exhibitIds ?? items.map((item) => item.id);
    return ids.map((id) => items.find((item) => item.id === id)?.title ?? '?');
  }

  previewPages(request: DossierRequest): FakePreviewPages {
    const charges = this.charges?.of(request.caseId).charges ?? [];
    const chosen = (request.chargeIds ?? charges.map((c) => c.id)).map(
      (id) => charges.find((c) => c.id === id)?.title ?? '?',
    );
    return [
      [
        request.filingTitle,
        `Date: ${request.date ?? 'today'}`,
        `Profile: ${request.profile}`,
        `Language: ${request.language}`,
        `Bates: ${request.batesPrefix}000001`,
        request.disclosure ? 'For disclosure' : 'Not for disclosure',
      ],
      ['Charges', ...chosen],
      ['Exhibit index', ...this.exhibitTitles(request).map((title, i) => `${i + 1}. ${title}`)],
    ];
  }

  /** The job started last. */
  lastJobId(): string {
    const id = [...this.jobs.keys()].at(-1);
    if (id === undefined) throw new Error('no build was started');
    return id;
  }

  private job(jobId = this.lastJobId()): Job {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new Error(`no build ${jobId}`);
    return job;
  }

  advance(progress: Pick<DossierProgress, 'stage' | 'done' | 'total'>, jobId?: string): void {
    const job = this.job(jobId);
    job.progress = { ...job.progress, ...progress };
  }

  /** Finishes a build: the dossier is kept and the build reports it. */
  finish(jobId?: string): DossierView {
    const job = this.job(jobId);
    const { request } = job;
    const n = this.next();
    const prefix = request.batesPrefix;
    const volumes = request.profile === 'echr' ? 2 : 1;
    const exhibits = this.exhibitTitles(request);
    const ids = request.exhibitIds ?? this.evidence.itemsOf(request.caseId).map((item) => item.id);
    const dossier: DossierView = {
      id: uuid('d0000000', n),
      builtAt: new Date(Date.UTC(2026, 10, 23, 12, n)).toISOString(),
      builtBy: 'app',
      filingTitle: request.filingTitle,
      profile: request.profile,
      disclosure: request.disclosure,
      language: request.language,
      batesPrefix: prefix,
      exhibits: exhibits.length,
      files: Array.from({ length: volumes }, (_, v) => ({
        name:
          volumes === 1
            ? `${request.filingTitle}.pdf`
            : `${request.filingTitle} - Part ${v + 1}.pdf`,
        blobId: Array.from({ length: 26 }, (_, i) => base32[(n * 5 + v + i) % 32]).join(''),
        pages: 40 + v,
        sha256: hex(0xd000 + n * 10 + v),
        size: 2_500_000 + v,
        firstBates: `${prefix}${String(v * 40 + 1).padStart(6, '0')}`,
        lastBates: `${prefix}${String(v * 40 + 40 + v).padStart(6, '0')}`,
        url: `/media/dossier-${n}-${v + 1}`,
      })),
      problems: this.problems.map((p) => ({
        ...p,
        exhibit: String(ids.indexOf(p.evidenceId) + 1),
      })),
    };
    this.of(job.caseId).unshift(dossier);
    job.progress = {
      state: 'done',
      stage: 'saving',
      done: exhibits.length,
      total: exhibits.length,
      dossier,
    };
    return dossier;
  }

  /** A dossier built before the test: as if a build of `request` had run and finished. */
  addBuilt(
    request: { caseId: string; filingTitle: string } & Partial<DossierRequest>,
  ): DossierView {
    const jobId = uuid('b0000000', this.next());
    const parsed = dossierRequestSchema.parse(request);
    this.jobs.set(jobId, {
      caseId: parsed.caseId,
      request: parsed,
      progress: { state: 'running', stage: 'reading', done: 0, total: 0 },
    });
    return this.finish(jobId);
  }

  fail(code: ErrorCode, message: string, details?: Record<string, unknown>, jobId?: string): void {
    const job = this.job(jobId);
    job.progress = { ...job.progress, state: 'failed', error: { code, message, details } };
  }

  handlers(): [ChannelName, (input: Input) => unknown][] {
    return [
      [
        'dossier:preview',
        (input) => {
          const request = this.check(input);
          if ('error' in request) return failure(request.error);
          const pages = this.previewPages(request);
          return ok({
            pdf: bytesToBase64(new TextEncoder().encode(JSON.stringify(pages))),
            pages: pages.length,
          });
        },
      ],
      [
        'dossier:build',
        (input) => {
          const request = this.check(input);
          if ('error' in request) return failure(request.error);
          const jobId = uuid('b0000000', this.next());
          const total = this.exhibitTitles(request).length;
          this.jobs.set(jobId, {
            caseId: request.caseId,
            request,
            progress: { state: 'running', stage: 'reading', done: 0, total },
          });
          return ok({ jobId });
        },
      ],
      [
        'dossier:progress',
        ({ jobId }) => {
          const job = this.jobs.get(String(jobId));
          return job === undefined ? failure('NOT_FOUND') : ok(job.progress);
        },
      ],
      [
        'dossier:cancel',
        ({ jobId }) => {
          const job = this.jobs.get(String(jobId));
          if (job?.progress.state === 'running')
            job.progress = {
              ...job.progress,
              state: 'cancelled',
              error: { code: 'CANCELLED', message: 'Cancelled.' },
            };
          return ok({ ok: true });
        },
      ],
      ['dossier:list', ({ caseId }) => ok(this.of(String(caseId)))],
      [
        'dossier:delete',
        ({ caseId, id }) => {
          const list = this.of(String(caseId));
          const index = list.findIndex((d) => d.id === id);
          if (index === -1) return failure('NOT_FOUND');
          list.splice(index, 1);
          return ok({ ok: true });
        },
      ],
      [
        'dossier:save',
        ({ caseId, id, file }) => {
          const dossier = this.of(String(caseId)).find((d) => d.id === id);
          if (dossier?.files[Number(file)] === undefined) return failure('NOT_FOUND');
          if (this.vault.kind !== 'electron') return ok({ available: false, saved: false });
          this.saved.push({ caseId: String(caseId), id: String(id), file: Number(file) });
          return ok({ available: true, saved: true });
        },
      ],
    ];
  }
}

/** Installs the dossier channels on a FakeVault; returns the store, to drive and inspect. */
export function installDossierFakes(
  fake: FakeVault,
  evidence: EvidenceFakes,
  charges?: ChargeFakes,
): DossierFakes {
  const store = new DossierFakes(fake, evidence, charges);
  for (const [channel, handler] of store.handlers()) fake.handlers.set(channel, handler);
  return store;
}
