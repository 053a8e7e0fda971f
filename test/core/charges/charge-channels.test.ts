import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { dispatch } from '../../../electron/core/api';
import type { AppCore } from '../../../electron/core/app-core';
import { makeTempDir } from '../../support/temp-dir';
import { makeTestCore } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let core: AppCore;
let cleanup: () => Promise<void>;
let caseId: string;

async function call<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K>> {
  const result = await dispatch(channel, input, core.ctx);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as ChannelOutput<K>;
}

const item = async (title: string, text: string) =>
  (await call('intake:text', { caseId, kind: 'article', title, text })).id;

beforeEach(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  core = await makeTestCore(temp.dir, 'browser');
  await call('vault:create', { dir: core.ctx.session.dir, passphrase });
  await call('vault:unlock', { passphrase });
  caseId = (await call('case:create', { title: 'Art. 332', clients: [] })).id;
});
afterEach(async () => {
  await core.shutdown();
  await cleanup();
});

describe('the charge board', () => {
  it('computes each element’s status from its links, and takes an override with a reason', async () => {
    const charge = await call('charge:add', {
      caseId,
      statute: 'Criminal Code of the Russian Federation',
      article: '332',
      part: '2.1',
      title: 'Failure to obey an order',
      elements: ['An order was given', 'The order was lawful', 'It was not executed'],
    });
    const [given, lawful] = charge.elements;
    const video = await item('Video of the arrest', 'The commander shouts an order.');
    const report = await item('Report', 'No training, no equipment.');
    const status = async () =>
      (await call('analysis:show', { caseId })).board[0]?.elements.map((e) => [e.status, e.gap]);

    expect(await status()).toEqual([
      ['unaddressed', true],
      ['unaddressed', true],
      ['unaddressed', true],
    ]);
    await call('link:add', {
      caseId,
      evidenceId: video,
      elementId: given?.id ?? '',
      stance: 'prosecution',
    });
    await call('link:add', {
      caseId,
      evidenceId: report,
      elementId: lawful?.id ?? '',
      stance: 'contradicts',
      pinpoint: { quote: 'No training, no equipment.' },
    });
    expect(await status()).toEqual([
      ['supported', true],
      ['refuted', false],
      ['unaddressed', true],
    ]);
    const defence = await call('link:add', {
      caseId,
      evidenceId: report,
      elementId: given?.id ?? '',
      stance: 'defence',
      note: 'The order came from an officer outside the chain of command',
    });
    expect((await status())?.[0]).toEqual(['contested', false]);

    await expect(
      call('charge:update', {
        caseId,
        id: charge.id,
        override: { elementId: given?.id ?? '', status: 'refuted' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await call('charge:update', {
      caseId,
      id: charge.id,
      override: { elementId: given?.id ?? '', status: 'refuted', reason: 'Witness confirms' },
    });
    const board = (await call('analysis:show', { caseId })).board[0]?.elements[0];
    expect(board).toMatchObject({ computed: 'contested', status: 'refuted' });

    await call('link:delete', { caseId, id: defence.id });
    await expect(
      call('link:add', { caseId, evidenceId: video, elementId: caseId, stance: 'context' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call('evidence:delete', { caseId, id: report });
    const after = await call('analysis:show', { caseId });
    expect(after.links.map((l) => l.evidenceId)).toEqual([video]);
    await call('charge:delete', { caseId, id: charge.id });
    expect((await call('analysis:show', { caseId })).links).toEqual([]);
  });
});

describe('the chronology', () => {
  it('sorts events, flags differing dates, and counts only independent sources', async () => {
    const video = await item('Telegram video', 'The arrest, filmed on 17 November.');
    const repeat = await item('News repeating the video', 'As the video shows…');
    const wife = await item('The wife’s account', 'They took him on the 16th.');
    await call('evidence:update', { caseId, id: repeat, fields: { derivedFrom: [video] } });
    const arrest = await call('event:add', {
      caseId,
      date: '2026-11-17',
      text: 'Arrested at the unit gates',
      evidenceIds: [video, repeat],
    });
    await call('event:add', { caseId, date: '2026-09-22', precision: 'day', text: 'Mobilised' });
    await call('event:update', {
      caseId,
      id: arrest.id,
      datings: [{ evidenceId: wife, date: '2026-11-16', precision: 'day' }],
    });
    const analysis = await call('analysis:show', { caseId });
    expect(analysis.events.map((e) => e.text)).toEqual(['Mobilised', 'Arrested at the unit gates']);
    expect(analysis.conflicts).toEqual([
      {
        eventId: arrest.id,
        dates: [{ date: '2026-11-17' }, { date: '2026-11-16', evidenceId: wife }],
      },
    ]);
    const row = analysis.corroboration.find((c) => c.eventId === arrest.id);
    // The video and the report that repeats it count once; the wife's account is independent.
    expect(row?.sources).toHaveLength(3);
    expect(row?.independent).toBe(2);
    await expect(
      call('event:add', { caseId, date: '2026-11-17', text: 'x', evidenceIds: [caseId] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('charge templates a lawyer edits, imports and exports', () => {
  it('replaces a shipped template with an edited one, and brings it back on delete', async () => {
    const shipped = await call('charge:template-export', { id: 'ru-cc-332' });
    expect(shipped.fileName).toBe('ru-cc-332.json');
    const edited = JSON.parse(shipped.json) as { elements: { id: string; text: object }[] };
    edited.elements.push({ id: 'own-element', text: { en: 'Our own element', ru: 'Наш элемент' } });
    const imported = await call('charge:template-import', { json: JSON.stringify(edited) });
    expect(imported.replaced).toBe(true);
    expect(await call('charge:custom-templates', {})).toEqual(['ru-cc-332']);
    const charge = await call('charge:add', { caseId, templateId: 'ru-cc-332' });
    expect(charge.elements.at(-1)?.text).toBe('Our own element');
    const all = await call('charge:templates', {});
    expect(all.filter((t) => t.id === 'ru-cc-332')).toHaveLength(1);

    await expect(call('charge:template-import', { json: '{"id": "x"' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(call('charge:template-delete', { id: 'echr-9' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await call('charge:template-delete', { id: 'ru-cc-332' });
    const back = (await call('charge:templates', {})).find((t) => t.id === 'ru-cc-332');
    expect(back?.elements.some((e) => e.id === 'own-element')).toBe(false);

    // Imported templates live in the encrypted index: they survive a lock.
    await call('charge:template-import', {
      json: JSON.stringify({ ...edited, id: 'our-332', elements: edited.elements }),
    });
    await call('vault:lock', {});
    await call('vault:unlock', { passphrase });
    expect(await call('charge:custom-templates', {})).toEqual(['our-332']);
  });

  it('corrects a charge’s statute, title and part after it was added, and logs it', async () => {
    const charge = await call('charge:add', {
      caseId,
      statute: 'Criminal Code',
      article: '332',
      part: '1',
      title: 'Failure to obey',
      elements: ['An order was given'],
    });
    const updated = await call('charge:update', {
      caseId,
      id: charge.id,
      statute: 'Criminal Code of the Russian Federation',
      title: 'Failure to obey an order',
      part: '2.1',
    });
    expect(updated).toMatchObject({
      statute: 'Criminal Code of the Russian Federation',
      title: 'Failure to obey an order',
      part: '2.1',
    });
    const cleared = await call('charge:update', { caseId, id: charge.id, part: null });
    expect(cleared.part).toBeUndefined();
    await expect(
      call('charge:update', { caseId, id: charge.id, title: '  ' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const log = await call('custody:list', { caseId, subjectId: charge.id });
    expect(log.entries.filter((e) => e.action === 'edit')).toHaveLength(2);
  });
});
