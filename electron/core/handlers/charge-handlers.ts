import type { Handlers } from '../api';
import { readCase } from '../cases/case-service';
import { board, conflicts, corroboration, sortedEvents } from '../charges/analysis';
import {
  addCharge,
  addLink,
  deleteCharge,
  deleteLink,
  updateCharge,
} from '../charges/charge-service';
import { addEvent, deleteEvent, updateEvent } from '../charges/events';
import {
  customTemplateIds,
  deleteTemplate,
  exportTemplate,
  importTemplate,
  vaultTemplates,
} from '../charges/template-store';

const actor = 'app';
const done = { ok: true as const };

export const chargeHandlers = {
  'charge:templates': (_input, ctx) => Promise.resolve(vaultTemplates(ctx.session.require())),
  'charge:custom-templates': (_input, ctx) =>
    Promise.resolve(customTemplateIds(ctx.session.require())),
  'charge:template-import': ({ json }, ctx) => importTemplate(ctx.session.require(), json),
  'charge:template-export': ({ id }, ctx) =>
    Promise.resolve(exportTemplate(ctx.session.require(), id)),
  'charge:template-delete': async ({ id }, ctx) => {
    await deleteTemplate(ctx.session.require(), id);
    return done;
  },
  'charge:add': ({ caseId, ...input }, ctx) =>
    addCharge(ctx.session.require(), caseId, input, actor),
  'charge:update': ({ caseId, id, ...change }, ctx) =>
    updateCharge(ctx.session.require(), caseId, id, change, actor),
  'charge:delete': async ({ caseId, id }, ctx) => {
    await deleteCharge(ctx.session.require(), caseId, id, actor);
    return done;
  },
  'link:add': ({ caseId, ...input }, ctx) => addLink(ctx.session.require(), caseId, input, actor),
  'link:delete': async ({ caseId, id }, ctx) => {
    await deleteLink(ctx.session.require(), caseId, id, actor);
    return done;
  },
  'event:add': ({ caseId, ...fields }, ctx) =>
    addEvent(ctx.session.require(), caseId, fields, actor),
  'event:update': ({ caseId, id, ...fields }, ctx) =>
    updateEvent(ctx.session.require(), caseId, id, fields, actor),
  'event:delete': async ({ caseId, id }, ctx) => {
    await deleteEvent(ctx.session.require(), caseId, id, actor);
    return done;
  },
  'analysis:show': async ({ caseId }, ctx) => {
    const data = await readCase(ctx.session.require(), caseId);
    return {
      charges: data.charges,
      links: data.links,
      events: sortedEvents(data.events),
      board: board(data),
      corroboration: corroboration(data),
      conflicts: conflicts(data.events),
    };
  },
} satisfies Partial<Handlers>;
