import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { DossierView } from '../../../shared/dossier';
import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import { dispatch } from '../../../electron/core/api';
import type { AppCore } from '../../../electron/core/app-core';
import { writeDossierFile } from '../../../electron/core/dossier/dossier-service';
import { intakeFile } from '../../../electron/core/evidence/intake';
import { makeImageFixtures } from '../../fixtures/image-fixtures';
import { makePdfFixtures } from '../../fixtures/pdf-fixtures';
import { facts } from '../../fixtures/fixture-facts';
import { readPdf } from './pdf-read';
import { makeTempDir } from '../../support/temp-dir';
import { makeTestCore } from '../../support/test-core';

const run = promisify(execFile);
const results = join(import.meta.dirname, '..', '..', '..', 'test-results', 'dossier');
const fontsDir = join(import.meta.dirname, '..', '..', '..', 'assets', 'fonts');
const passphrase = 'correct horse battery staple';
let core: AppCore;
let dir: string;
let cleanup: () => Promise<void>;
let caseId: string;
const ids: Record<string, string> = {};

async function call<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K>> {
  const result = await dispatch(channel, input, core.ctx);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as ChannelOutput<K>;
}

async function add(
  path: string,
  mimeType: string,
  kind: 'document' | 'image' | 'video' | 'audio' | 'other' | 'statement',
  title: string,
) {
  const outcome = await intakeFile(
    core.ctx.session.require(),
    caseId,
    { stream: createReadStream(path), fileName: basename(path), declaredMimeType: mimeType },
    { kind, title, ...(kind === 'statement' ? { witness: 'Мария Соколова' } : {}) },
    'test',
  );
  if (outcome.status !== 'added') throw new Error('not added');
  return outcome.item.id;
}

/** A statement as a PDF, signed by the protected witness: in Cyrillic, in a real font. */
async function signedStatementPdf(path: string): Promise<string> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(join(fontsDir, 'DejaVuSerif.ttf')), {
    customName: 'StatementFont',
  });
  doc.addPage().drawText('Показания. Подпись: Мария Соколова', { x: 50, y: 700, size: 14, font });
  await writeFile(path, await doc.save());
  return path;
}

async function build(input: Omit<ChannelInput<'dossier:build'>, 'caseId'>) {
  const { jobId } = await call('dossier:build', { caseId, ...input });
  for (;;) {
    const progress = await call('dossier:progress', { jobId });
    if (progress.state === 'done' && progress.dossier !== undefined) return progress.dossier;
    if (progress.state !== 'running') throw Object.assign(new Error('build failed'), progress);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function save(dossier: DossierView, file = 0): Promise<string> {
  const out = join(dir, `${dossier.id}-${String(file)}.pdf`);
  await writeDossierFile(core.ctx.session.require(), caseId, dossier.id, file, out);
  return out;
}

beforeAll(async () => {
  const temp = await makeTempDir();
  dir = temp.dir;
  cleanup = temp.cleanup;
  const pdfs = await makePdfFixtures(dir);
  const images = await makeImageFixtures(dir);
  core = await makeTestCore(dir, 'browser');
  await call('vault:create', { dir: core.ctx.session.dir, passphrase });
  await call('vault:unlock', { passphrase });
  caseId = (
    await call('case:create', {
      title: 'Дело Дегтярёва (ст. 332)',
      clients: ['Дегтярёв Иван', 'Ivan Degtyaryov'],
      court: 'Гарнизонный военный суд',
      caseNumber: '1-332/2026',
    })
  ).id;
  ids.protocol = await add(pdfs.cyrillic, 'application/pdf', 'document', 'Протокол задержания');
  ids.owner = await add(pdfs.ownerOnly, 'application/pdf', 'document', 'Protocol, owner password');
  ids.user = await add(pdfs.userPassword, 'application/pdf', 'document', 'Protocol, user password');
  ids.truncated = await add(pdfs.truncated, 'application/pdf', 'document', 'Protocol, cut short');
  ids.photo = await add(images.jpegExif, 'image/jpeg', 'image', 'Photo at the gates');
  ids.png = await add(images.png, 'image/png', 'image', 'Map of the unit');
  await call('person:add', {
    caseId,
    person: {
      name: 'Мария Соколова',
      variants: ['Maria Sokolova'],
      role: 'witness',
      protected: true,
      pseudonym: 'Witness A',
    },
  });
  ids.statement = (
    await call('intake:text', {
      caseId,
      kind: 'statement',
      title: 'Показания Соколовой',
      text: 'Я, Мария Соколова, видела, как Дегтярёва задержали у ворот части. Соколову никто не спросил.',
    })
  ).id;
  await call('evidence:update', {
    caseId,
    id: ids.statement,
    translation: {
      language: 'en',
      text: 'I saw them detain him at the gates.',
      translator: 'J. Smith',
      method: 'human',
    },
  });
  await writeFile(join(dir, 'arrest.webm'), 'a recording, kept as received');
  ids.video = await add(join(dir, 'arrest.webm'), 'video/webm', 'video', 'Arrest video');
  await call('moment:add', {
    caseId,
    evidenceId: ids.video,
    at: 65,
    note: 'No rifles are handed out',
  });
  const png = (await readFile(images.png)).toString('base64');
  await call('still:add', { caseId, evidenceId: ids.video, at: 65, png });
  ids.article = (
    await call('intake:text', {
      caseId,
      kind: 'article',
      title: 'Двух мобилизованных арестовали',
      text: 'Военнослужащих Дегтярёва и Кузнецова задержали у ворот части 17 ноября.',
      fields: { url: 'https://example.org/news/degtyaryov', sourceName: 'Медиазона' },
    })
  ).id;
  await writeFile(join(dir, 'interrogation.ogg'), 'a recording of the interrogation');
  ids.audio = await add(
    join(dir, 'interrogation.ogg'),
    'audio/ogg',
    'audio',
    'Interrogation audio',
  );
  await writeFile(join(dir, 'export.bin'), Buffer.from([0, 1, 2, 3, 254, 255]));
  ids.other = await add(
    join(dir, 'export.bin'),
    'application/octet-stream',
    'other',
    'Phone export',
  );
  ids.signed = await add(
    await signedStatementPdf(join(dir, 'signed-statement.pdf')),
    'application/pdf',
    'statement',
    'Signed statement',
  );
  const charge = await call('charge:add', { caseId, templateId: 'ru-cc-332', language: 'ru' });
  await call('link:add', {
    caseId,
    evidenceId: ids.statement,
    elementId: charge.elements[0]?.id ?? '',
    stance: 'defence',
    pinpoint: { quote: 'Соколова видела, как его задержали у ворот' },
    note: 'Соколова видела задержание',
  });
  await call('event:add', {
    caseId,
    date: '2026-11-17',
    precision: 'day',
    text: 'Задержание у ворот части; видела Соко\u200bлова (Sokolovoy).',
    evidenceIds: [ids.statement, ids.photo],
    personIds: [],
  });
}, 120_000);

afterAll(async () => {
  await core.shutdown();
  await cleanup();
});

describe('the dossier', () => {
  let dossier: DossierView;
  let file: string;
  let read: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    dossier = await build({
      filingTitle: 'Ходатайство об освобождении',
      language: 'ru',
      batesPrefix: 'DEG',
    });
    file = await save(dossier);
    read = await readPdf(file);
    // Kept for a person to look at (pdftoppm), like the E2E screenshots.
    await mkdir(results, { recursive: true });
    await copyFile(file, join(results, 'dossier-ru.pdf'));
  }, 120_000);

  it('stamps every page with a unique Bates number in page order and its own page number', () => {
    expect(read.pages.length).toBe(dossier.files[0]?.pages);
    read.pages.forEach((page, i) => {
      expect(page.text).toContain(`DEG${String(i + 1).padStart(6, '0')}`);
      expect(page.items.some((item) => item.str === String(i + 1))).toBe(true);
    });
    expect(read.labels).toEqual(read.pages.map((_, i) => String(i + 1)));
    expect(dossier.files[0]?.firstBates).toBe('DEG000001');
  });

  it('extracts its Russian text and names every exhibit in the bookmarks', () => {
    const all = read.pages.map((p) => p.text).join('\n');
    expect(all).toContain('Ходатайство об освобождении');
    expect(all).toContain('Гарнизонный военный суд');
    expect(all).toContain('Опись приложений');
    expect(all).toContain(facts.pdf.sentence.slice(0, 20));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
      expect(read.outline.join('|')).toContain(`Приложение ${String(n)}:`);
    expect(read.topOutline).toEqual(
      expect.arrayContaining(['Содержание', 'Хронология', 'Опись приложений', 'Приложения']),
    );
    expect(read.info.Title).toBe('Ходатайство об освобождении');
  });

  it('copies a PDF with an owner password, and gives slip sheets for a user password and a damaged file', () => {
    const codes = Object.fromEntries(dossier.problems.map((p) => [p.evidenceId, p.code]));
    expect(codes[ids.user ?? '']).toBe('password-protected');
    expect(codes[ids.truncated ?? '']).toBe('damaged');
    expect(codes[ids.owner ?? '']).toBeUndefined();
    const sentence = facts.pdf.sentence.slice(0, 20);
    expect(read.pages.filter((p) => p.text.includes(sentence)).length).toBeGreaterThanOrEqual(2);
  });

  it('holds every kind of evidence: an article’s text with its source, audio, and a file it cannot place', () => {
    const article = read.pages.find(
      (p) =>
        p.text.includes('Двух мобилизованных арестовали') &&
        p.text.includes('задержали у ворот части 17 ноября'),
    );
    expect(article?.text).toContain('Медиазона');
    const audio = read.pages.find(
      (p) => p.text.includes('Это приложение — запись') && p.text.includes('Interrogation'),
    );
    expect(audio?.text).toContain('Interrogation audio');
    const other = dossier.problems.find((p) => p.evidenceId === ids.other);
    expect(other?.code).toBe('unsupported');
  });

  it('gives a recording a slip sheet with its moments and stills, and a statement its translation', () => {
    const slip = read.pages.find((p) => p.text.includes('Arrest video') && p.text.includes('1:05'));
    expect(slip?.text).toContain('No rifles are handed out');
    expect(slip?.text).toContain('Кадры');
    const statement = read.pages.find((p) =>
      p.text.includes('I saw them detain him at the gates.'),
    );
    expect(statement?.text).toContain('Перевод (en; J. Smith');
    expect(statement?.text).toContain('видела, как Дегтярёва задержали');
  });

  it('passes qpdf --check, and embeds its fonts as tagged subsets', async () => {
    const check = await run('qpdf', ['--check', file]);
    expect(check.stdout).toContain('No syntax or stream encoding errors');
    const { stdout } = await run('pdffonts', [file]);
    const ours = stdout.split('\n').filter((l) => /DejaVu(Serif|SansMono)/.test(l));
    expect(ours.length).toBeGreaterThan(0);
    for (const line of ours) expect(line).toMatch(/^[A-Z]{6}\+DejaVu\S+\s.*\byes\s+yes\s+yes\b/);
    const text = (await run('pdftotext', [file, '-'])).stdout;
    expect(text).toContain('Дегтярёв');
  });

  it('names no protected witness in a disclosure build, and lists the items left out as withheld', async () => {
    const disclosed = await build({
      filingTitle: 'Disclosure of the statement of Maria Sokolova',
      disclosure: true,
      exhibitIds: [ids.statement ?? '', ids.protocol ?? '', ids.signed ?? ''],
    });
    const text = (await run('pdftotext', [await save(disclosed), '-'])).stdout;
    expect(text).toContain('Witness A');
    for (const name of ['Соколов', 'Мария', 'Марии', 'Sokolov', 'Maria'])
      expect(text).not.toContain(name);
    expect(disclosed.problems.find((p) => p.evidenceId === ids.signed)?.code).toBe('redacted');
    const read = await readPdf(await save(disclosed));
    expect(read.outline.join(' ')).not.toMatch(/Sokolov|Соколов/);
    expect(String(read.info.Title)).not.toMatch(/Sokolov/);
    expect(text).toContain('Items withheld from disclosure');
    expect(text).not.toContain('Photo at the gates');
  });

  it('keeps the dossier encrypted in the vault and logs its building', async () => {
    const listed = await call('dossier:list', { caseId });
    expect(listed.map((d) => d.id)).toContain(dossier.id);
    const log = await call('custody:list', { caseId });
    expect(log.entries.some((e) => e.subject.kind === 'dossier' && e.action === 'export')).toBe(
      true,
    );
    const size = (await stat(file)).size;
    expect(size).toBe(dossier.files[0]?.size);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('saves a file through the native dialog where there is one, and says so where there is none', async () => {
    expect(await call('dossier:save', { caseId, id: dossier.id, file: 0 })).toEqual({
      available: false,
      saved: false,
    });
    const chosen = join(dir, 'chosen.pdf');
    const offered: string[] = [];
    const electronLike = {
      ...core.ctx,
      chooseSaveFile: (name: string) => {
        offered.push(name);
        return Promise.resolve(chosen);
      },
    };
    const saved = await dispatch('dossier:save', { caseId, id: dossier.id, file: 0 }, electronLike);
    expect(saved).toEqual({ ok: true, value: { available: true, saved: true } });
    expect(offered).toEqual([dossier.files[0]?.name]);
    expect(await readFile(chosen)).toEqual(await readFile(file));
  });

  it('builds one dossier at a time', async () => {
    const first = await call('dossier:build', { caseId, filingTitle: 'First' });
    await expect(call('dossier:build', { caseId, filingTitle: 'Second' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await call('dossier:cancel', { jobId: first.jobId });
    for (;;) {
      const progress = await call('dossier:progress', { jobId: first.jobId });
      if (progress.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('previews its own pages without the exhibits', async () => {
    const preview = await call('dossier:preview', { caseId, filingTitle: 'Draft' });
    const pages = await readPdf(new Uint8Array(Buffer.from(preview.pdf, 'base64')));
    expect(pages.pages.length).toBe(preview.pages);
    expect(preview.pages).toBeLessThan(read.pages.length);
    // A preview leaves a thread waiting; the next ones are laid out in it, each its own.
    const again = await call('dossier:preview', { caseId, filingTitle: 'Second draft' });
    const third = await call('dossier:preview', { caseId, filingTitle: 'Third draft' });
    expect(again.pages).toBe(preview.pages);
    const thirdPages = (await readPdf(new Uint8Array(Buffer.from(third.pdf, 'base64')))).pages;
    expect(thirdPages[0]?.text).toContain('Third draft');
  });
});
