import { archivePieceSize } from '../../../shared/archive';
import type { Handlers } from '../api';
import {
  addContact,
  archiveFileName,
  archiveImports,
  deleteContact,
  exportJobs,
  listContacts,
  sharingIdentity,
  updateContact,
} from '../archive';
import { resolveCaseId } from '../cases/case-service';

const actor = 'app';
const done = { ok: true as const };

/** Encrypted case archives and the contacts they are sent to (issue 7). */
export const archiveHandlers = {
  'sharing:identity': (_input, ctx) => sharingIdentity(ctx.session.require()),
  'contact:list': (_input, ctx) => Promise.resolve(listContacts(ctx.session.require())),
  'contact:add': (input, ctx) => addContact(ctx.session.require(), input),
  'contact:update': ({ id, ...input }, ctx) => updateContact(ctx.session.require(), id, input),
  'contact:delete': async ({ id }, ctx) => {
    await deleteContact(ctx.session.require(), id);
    return done;
  },
  'archive:export': async (request, ctx) => {
    const vault = ctx.session.require();
    resolveCaseId(vault, request.caseId);
    if (ctx.chooseSaveFile === undefined) {
      return { jobId: exportJobs(ctx.session).start(vault, request, { kind: 'download' }, actor) };
    }
    const path = await ctx.chooseSaveFile(archiveFileName());
    if (path === null) return { jobId: null };
    return {
      jobId: exportJobs(ctx.session).start(vault, request, { kind: 'file', path }, actor),
    };
  },
  'archive:progress': ({ jobId }, ctx) => {
    ctx.session.require();
    return Promise.resolve(exportJobs(ctx.session).progress(jobId));
  },
  'archive:cancel': ({ jobId }, ctx) => {
    exportJobs(ctx.session).cancel(jobId);
    return Promise.resolve(done);
  },
  'archive:download': ({ jobId, offset }, ctx) => {
    ctx.session.require();
    return exportJobs(ctx.session).read(jobId, offset);
  },
  'archive:discard': async ({ jobId }, ctx) => {
    await exportJobs(ctx.session).discard(jobId);
    return done;
  },
  'archive:import-begin': ({ size, passphrase }, ctx) =>
    Promise.resolve({
      importId: archiveImports(ctx.session).begin(ctx.session.require(), size, passphrase),
      pieceSize: archivePieceSize,
    }),
  'archive:import-piece': async ({ importId, offset, bytes }, ctx) => {
    ctx.session.require();
    const piece = Buffer.from(bytes, 'base64');
    return { received: await archiveImports(ctx.session).append(importId, offset, piece) };
  },
  'archive:import-finish': ({ importId }, ctx) => {
    ctx.session.require();
    return archiveImports(ctx.session).finish(importId);
  },
  'archive:import-accept': ({ importId }, ctx) => {
    ctx.session.require();
    return archiveImports(ctx.session).accept(importId, actor);
  },
  'archive:import-cancel': async ({ importId }, ctx) => {
    await archiveImports(ctx.session).cancel(importId);
    return done;
  },
} satisfies Partial<Handlers>;
