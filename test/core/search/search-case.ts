import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { expect } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { dispatch, dispatchUploadPiece } from '../../../electron/core/api';
import type { AppCore } from '../../../electron/core/app-core';
import { makeTempDir } from '../../support/temp-dir';
import { makeTestCore } from '../../support/test-core';

/**
 * The case of issue 8, taken in through the channels as the app does: two news reports that
 * spell the defendant Degtyaryov and Degtyarev and the expert Grebenyuk and Grebenuk, the
 * wife's statement in Russian (Дегтярёв, Дегтярёва, Дегтярёвой), a report from Kyiv that
 * writes the expert the Ukrainian way (Hrebeniuk), an unrelated statement, a video with a moment, and a
 * three-page PDF that names the defendant on its last page only.
 */

export const passphrase = 'correct horse battery staple';

export type SearchCase = {
  readonly core: AppCore;
  readonly root: string;
  readonly caseId: string;
  readonly ids: {
    readonly meduza: string;
    readonly moscowTimes: string;
    readonly statement: string;
    readonly ukrainian: string;
    readonly unrelated: string;
    readonly video: string;
    readonly protocol: string;
  };
  readonly sources: { readonly meduza: string };
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  /** Takes a file in through intake:begin, a piece and intake:finish; the new item's id. */
  upload(
    bytes: Buffer,
    fileName: string,
    kind: 'video' | 'document' | 'statement',
  ): Promise<string>;
  /** The ids of the hits of a query in the case, best first. */
  find(query: string, more?: Partial<ChannelInput<'search:query'>>): Promise<string[]>;
  cleanup(): Promise<void>;
};

export const texts = {
  meduza:
    'Two conscripts were detained outside their unit on 17 November. Ivan Degtyaryov, 24, ' +
    'refused to return to the front. The military expert Alexei Grebenyuk said the men had ' +
    'received no training.',
  moscowTimes:
    'A court in Moscow region charged Ivan Degtyarev under Article 332. According to expert ' +
    'Alexei Grebenuk, the unit lacked equipment.',
  statement:
    'Мой муж, Иван Дегтярёв, был мобилизован 22 сентября. Он не получил ни обучения, ни формы. ' +
    'Меня, Марию Дегтярёву, никто не известил. Следователь говорил с Дегтярёвой только по телефону.',
  ukrainian:
    'The military expert Oleksii Hrebeniuk told us that the mobilised men were sent to the ' +
    'front untrained.',
  unrelated: 'Сосед Кузнецов видел, как у части остановилась машина.',
};

async function threePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    'Protocol of the hearing. Page one.',
    'Procedural matters. Page two.',
    'The defendant Degtyarev was present with counsel.',
  ];
  for (const line of pages)
    doc.addPage([400, 300]).drawText(line, { x: 20, y: 250, size: 10, font });
  return Buffer.from(await doc.save());
}

export async function seedSearchCase(): Promise<SearchCase> {
  const { dir: root, cleanup: removeDir } = await makeTempDir();
  const core = await makeTestCore(root, 'browser');
  const call = async <K extends ChannelName>(
    channel: K,
    input: ChannelInput<K>,
  ): Promise<ChannelOutput<K>> => {
    const result = await dispatch(channel, input, core.ctx);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as ChannelOutput<K>;
  };
  await call('vault:create', { dir: core.ctx.session.dir, passphrase });
  await call('vault:unlock', { passphrase });
  const caseId = (await call('case:create', { title: 'Art. 332: Degtyaryov', clients: [] })).id;
  const meduzaSource = await call('source:add', {
    caseId,
    source: { name: 'Meduza', reliability: 'B' },
  });
  const text = async (
    kind: 'article' | 'statement',
    title: string,
    body: string,
    fields: ChannelInput<'intake:text'>['fields'] = {},
  ) => (await call('intake:text', { caseId, kind, title, text: body, fields })).id;
  const upload = async (
    bytes: Buffer,
    fileName: string,
    kind: 'video' | 'document' | 'statement',
  ) => {
    const begun = await call('intake:begin', {
      caseId,
      fileName,
      size: bytes.length,
      mimeType: '',
      fields: { kind },
    });
    const reply = await dispatchUploadPiece(begun.uploadId, 0, bytes, core.ctx);
    expect(reply.ok).toBe(true);
    const finished = await call('intake:finish', { uploadId: begun.uploadId });
    if (finished.status !== 'added') throw new Error(`${fileName} was not added`);
    return finished.item.id;
  };
  const ids = {
    meduza: await text('article', 'Conscripts detained at their unit', texts.meduza, {
      sourceId: meduzaSource.id,
      published: '2026-11-20',
    }),
    moscowTimes: await text('article', 'Court charges a mobilised soldier', texts.moscowTimes, {
      sourceName: 'The Moscow Times',
      published: '2026-11-21',
    }),
    statement: await text('statement', 'Statement of the wife', texts.statement, {
      taken: '2026-11-22',
    }),
    ukrainian: await text('article', 'An expert on the mobilised', texts.ukrainian),
    unrelated: await text('statement', 'Statement of a neighbour', texts.unrelated),
    video: await upload(Buffer.from('not really a video, kept as received'), 'arrest.mp4', 'video'),
    protocol: await upload(await threePagePdf(), 'protocol.pdf', 'document'),
  };
  const find: SearchCase['find'] = async (query, more = {}) =>
    (await call('search:query', { query, caseId, ...more })).hits.map((h) => h.id);
  return {
    core,
    root,
    caseId,
    ids,
    sources: { meduza: meduzaSource.id },
    call,
    upload,
    find,
    cleanup: async () => {
      await core.shutdown();
      await removeDir();
    },
  };
}
