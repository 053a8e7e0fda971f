import type { Handlers } from '../api';
import { resolveCaseId } from '../cases/case-service';
import {
  deleteDossier,
  dossierJobs,
  listDossiers,
  previewDossier,
  viewOf,
  writeDossierFile,
} from '../dossier/dossier-service';
import { HabeasError } from '../habeas-error';

const actor = 'app';
const done = { ok: true as const };

/** The court-ready PDF dossier (issue 6). */
export const dossierHandlers = {
  'dossier:preview': (request, ctx) => previewDossier(ctx.session.require(), request),
  'dossier:build': (request, ctx) => {
    const jobId = dossierJobs(ctx.session).start(
      ctx.session.require(),
      request,
      actor,
      (record, caseId) => viewOf(record, caseId, ctx.media, ctx.mediaBase),
    );
    return Promise.resolve({ jobId });
  },
  'dossier:progress': ({ jobId }, ctx) => {
    ctx.session.require();
    return Promise.resolve(dossierJobs(ctx.session).progress(jobId));
  },
  'dossier:cancel': ({ jobId }, ctx) => {
    dossierJobs(ctx.session).cancel(jobId);
    return Promise.resolve(done);
  },
  'dossier:list': async ({ caseId }, ctx) => {
    const vault = ctx.session.require();
    const resolved = resolveCaseId(vault, caseId);
    return (await listDossiers(vault, resolved)).map((record) =>
      viewOf(record, resolved, ctx.media, ctx.mediaBase),
    );
  },
  'dossier:delete': async ({ caseId, id }, ctx) => {
    await deleteDossier(ctx.session.require(), caseId, id, actor);
    return done;
  },
  'dossier:save': async ({ caseId, id, file }, ctx) => {
    const vault = ctx.session.require();
    if (ctx.chooseSaveFile === undefined) return { available: false, saved: false };
    const record = (await listDossiers(vault, resolveCaseId(vault, caseId))).find(
      (d) => d.id === id,
    );
    const name = record?.files[file]?.name;
    if (name === undefined) throw new HabeasError('NOT_FOUND', 'No such file in this dossier.');
    const path = await ctx.chooseSaveFile(name);
    if (path === null) return { available: true, saved: false };
    await writeDossierFile(vault, caseId, id, file, path);
    return { available: true, saved: true };
  },
} satisfies Partial<Handlers>;
