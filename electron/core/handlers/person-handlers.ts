import type { Handlers } from '../api';
import { changeCase, readCase } from '../cases/case-service';
import { addPerson, deletePerson, mergePersons, updatePerson } from '../cases/person-service';
import { addSource, updateSource } from '../evidence/sources';

const actor = 'app';

export const personHandlers = {
  'person:list': async ({ caseId }, ctx) => (await readCase(ctx.session.require(), caseId)).persons,
  'person:add': ({ caseId, person }, ctx) =>
    addPerson(ctx.session.require(), caseId, person, actor),
  'person:update': ({ caseId, id, ...change }, ctx) =>
    updatePerson(ctx.session.require(), caseId, id, change, actor),
  'person:merge': ({ caseId, keepId, mergeId }, ctx) =>
    mergePersons(ctx.session.require(), caseId, keepId, mergeId, actor),
  'person:delete': async ({ caseId, id }, ctx) => {
    await deletePerson(ctx.session.require(), caseId, id, actor);
    return { ok: true as const };
  },
  'source:list': async ({ caseId }, ctx) => (await readCase(ctx.session.require(), caseId)).sources,
  'source:add': ({ caseId, source }, ctx) =>
    changeCase(ctx.session.require(), caseId, (data, now) => addSource(data, source, now)),
  'source:update': ({ caseId, id, ...change }, ctx) =>
    changeCase(ctx.session.require(), caseId, (data) => updateSource(data, id, change)),
} satisfies Partial<Handlers>;
