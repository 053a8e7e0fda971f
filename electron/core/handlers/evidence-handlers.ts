import type { Handlers } from '../api';
import type { AppContext } from '../app-context';
import { readCase, resolveCaseId } from '../cases/case-service';
import { verifyCustodyLog } from '../custody/custody-log';
import {
  deleteEvidence,
  evidenceText,
  linkedItems,
  listEvidence,
  summarise,
  updateEvidence,
  viewEvidence,
} from '../evidence/evidence-service';
import { intakeText } from '../evidence/intake-text';
import { addMoment, addStill, deleteMoment, updateMoment } from '../evidence/moments';
import { uploadPieceSize } from '../evidence/uploads';
import type { EvidenceRecord } from '../../../shared/evidence';

const actor = 'app';

/** Registers a media handle for each file of an item the viewer shows. */
function mediaUrls(ctx: AppContext, caseId: string, item: EvidenceRecord) {
  const url = (blobId: string, mimeType: string) =>
    `${ctx.mediaBase}${ctx.media.register({ caseId, blobId, mimeType })}`;
  return {
    mediaUrl: item.file === undefined ? null : url(item.file.blobId, item.file.mimeType),
    stillUrls: Object.fromEntries(item.stills.map((s) => [s.id, url(s.blobId, 'image/png')])),
  };
}

export const evidenceHandlers = {
  'custody:list': async ({ caseId, subjectId }, ctx) => {
    const data = await readCase(ctx.session.require(), caseId);
    const verdict = verifyCustodyLog(data.custody);
    return {
      ok: verdict.ok,
      head: verdict.head,
      total: verdict.entries,
      ...(verdict.ok ? {} : { brokenAt: verdict.brokenAt }),
      entries:
        subjectId === undefined
          ? data.custody
          : data.custody.filter((e) => e.subject.id === subjectId),
    };
  },
  'evidence:list': ({ caseId }, ctx) => listEvidence(ctx.session.require(), caseId),
  'evidence:show': async ({ caseId, id }, ctx) => {
    const item = await viewEvidence(ctx.session.require(), caseId, id, actor);
    return { item, ...mediaUrls(ctx, caseId, item) };
  },
  'evidence:text': ({ caseId, id }, ctx) => evidenceText(ctx.session.require(), caseId, id),
  'evidence:update': ({ caseId, id, fields, translation }, ctx) =>
    updateEvidence(
      ctx.session.require(),
      caseId,
      id,
      {
        ...(fields === undefined ? {} : { fields }),
        ...(translation === undefined ? {} : { translation }),
      },
      actor,
    ),
  'evidence:delete': async ({ caseId, id }, ctx) => {
    await deleteEvidence(ctx.session.require(), caseId, id, actor);
    return { ok: true as const };
  },
  'intake:begin': async (input, ctx) => {
    const vault = ctx.session.require();
    // Refused here, before any byte is sent, rather than at the end.
    await readCase(vault, resolveCaseId(vault, input.caseId));
    const uploadId = ctx.uploads.begin(vault, input, actor);
    return { uploadId, pieceSize: uploadPieceSize };
  },
  'intake:finish': async ({ uploadId }, ctx) => {
    ctx.session.require();
    const outcome = await ctx.uploads.finish(uploadId);
    if (outcome.status === 'duplicate') {
      const { id, title } = outcome.existing;
      return { status: 'duplicate' as const, existing: { id, title } };
    }
    return { status: 'added' as const, item: summarise(outcome.item, new Set()) };
  },
  'intake:cancel': ({ uploadId }, ctx) => {
    ctx.uploads.cancel(uploadId);
    return Promise.resolve({ ok: true as const });
  },
  'intake:text': async ({ caseId, kind, title, text, fields }, ctx) => {
    const vault = ctx.session.require();
    const item = await intakeText(
      vault,
      caseId,
      { kind, title, text, ...(fields === undefined ? {} : { fields }) },
      actor,
    );
    return summarise(item, linkedItems(await readCase(vault, caseId)));
  },
  'moment:add': ({ caseId, evidenceId, at, note }, ctx) =>
    addMoment(ctx.session.require(), caseId, evidenceId, { at, note }, actor),
  'moment:update': ({ caseId, evidenceId, id, at, note }, ctx) =>
    updateMoment(
      ctx.session.require(),
      caseId,
      evidenceId,
      id,
      { ...(at === undefined ? {} : { at }), ...(note === undefined ? {} : { note }) },
      actor,
    ),
  'moment:delete': async ({ caseId, evidenceId, id }, ctx) => {
    await deleteMoment(ctx.session.require(), caseId, evidenceId, id, actor);
    return { ok: true as const };
  },
  'still:add': async ({ caseId, evidenceId, at, png, note }, ctx) => {
    const still = await addStill(
      ctx.session.require(),
      caseId,
      evidenceId,
      { at, png: Buffer.from(png, 'base64'), ...(note === undefined ? {} : { note }) },
      actor,
    );
    const handle = ctx.media.register({ caseId, blobId: still.blobId, mimeType: 'image/png' });
    return { still, url: `${ctx.mediaBase}${handle}` };
  },
} satisfies Partial<Handlers>;
