import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocumentFixtures } from '../fixtures/document-fixtures';
import { makeImageFixtures } from '../fixtures/image-fixtures';
import { makePdfFixtures } from '../fixtures/pdf-fixtures';
import { ffmpeg } from '../fixtures/run-tool';
import { makeTempDir } from '../support/temp-dir';
import {
  chromiumArgs,
  findChromium,
  interrupt,
  repoRoot,
  startBrowserMode,
  type Started,
} from './processes';

const executablePath = findChromium();
const screenshots = join(repoRoot, 'test-results', 'e2e');
const passphrase = 'copper kettle orbit meadow';
const habeasBin = join(repoRoot, 'out', 'main', 'habeas.js');

function habeas(args: string[], vault: string) {
  const result = spawnSync(process.execPath, [habeasBin, ...args, '--json', '--vault', vault], {
    encoding: 'utf8',
    env: { ...process.env, HABEAS_PASSPHRASE: passphrase },
  });
  return {
    code: result.status,
    json: JSON.parse(result.stdout || 'null') as unknown,
    stderr: result.stderr,
  };
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

/**
 * A lawyer builds a case of every kind of evidence in the real app (browser mode, Debian's
 * Chromium): drops in a video, a saved article, a PDF and a photo, types a statement, plays the
 * video from the vault and seeks, marks a moment, captures a still, reads the metadata, and
 * then proves with the CLI that every original comes out unaltered.
 */
describe.skipIf(executablePath === undefined)('evidence in real Chromium', () => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let root: string;
  let vault: string;
  let cleanup: () => Promise<void>;
  const files: Record<string, string> = {};

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });
  const row = (text: string) => page.getByTestId('library-row').filter({ hasText: text });
  const openItem = async (text: string) => {
    const back = page.getByTestId('back-to-library');
    if (await back.isVisible()) await back.click();
    await row(text).first().click();
    await page.getByTestId('item-page').waitFor();
  };

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    vault = join(root, 'vault');
    await mkdir(screenshots, { recursive: true });
    const fixtures = join(root, 'fixtures');
    await mkdir(fixtures);
    // Eight seconds of video a browser plays (VP8 + Vorbis in WebM), to seek in.
    files['video'] = join(fixtures, 'Задержание у части.webm');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=320x240:rate=25',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-t',
      '8',
      '-c:v',
      'libvpx',
      '-b:v',
      '300k',
      '-c:a',
      'libvorbis',
      '-metadata',
      'creation_time=2026-11-17T09:30:00Z',
      files['video'],
    ]);
    const documents = await makeDocumentFixtures(fixtures);
    const pdfs = await makePdfFixtures(fixtures);
    const images = await makeImageFixtures(fixtures);
    files['article'] = documents.htmlRu;
    files['pdf'] = pdfs.cyrillic;
    files['photo'] = images.jpegExif;

    expect(habeas(['vault', 'init'], vault).code).toBe(0);
    app = await startBrowserMode(vault, join(root, 'data'));
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) await interrupt(app.child);
    await cleanup?.();
  });

  it('unlocks and opens a case', async () => {
    await page.goto(app.url);
    await page.getByTestId('unlock-passphrase').fill(passphrase);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('status-vault').textContent(), { timeout: 30_000 })
      .toBe('Vault: Unlocked');
    await page.getByTestId('new-case-button').click();
    await page.getByTestId('case-title').fill('Art. 332: Degtyaryov and Kuznetsov');
    await page.getByTestId('new-case-form').getByRole('button', { name: 'Open the case' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('case-table').getByText('Art. 332: Degtyaryov and Kuznetsov').click();
    await page.getByRole('navigation').getByRole('button', { name: 'Evidence' }).click();
    await page.getByTestId('evidence-drop-zone').waitFor();
  });

  it('takes in a video, an article, a PDF and a photo, with progress, then lists them', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles([
        files['video'] ?? '',
        files['article'] ?? '',
        files['pdf'] ?? '',
        files['photo'] ?? '',
      ]);
    const submit = page.getByTestId('intake-submit');
    await submit.waitFor();
    await page.waitForTimeout(300);
    await shot('evidence-intake');
    await submit.click();
    try {
      await expect.poll(() => page.getByTestId('library-row').count(), { timeout: 60_000 }).toBe(4);
    } finally {
      await shot('evidence-intake-queue');
    }
    await shot('evidence-library');
  });

  it('plays the video from the vault, seeks, marks a moment and captures a still', async () => {
    await openItem('Задержание у части');
    const video = page.locator('video');
    await video.waitFor();
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeCloseTo(8, 0);
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 5.5;
    });
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.seeking || v.readyState < 2))
      .toBe(false);
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(5.5, 0);
    await page
      .getByTestId('media-viewer')
      .getByRole('button', { name: /moment/i })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('moments-list').textContent()).toContain('0:05');
    await page.getByTestId('media-viewer').getByRole('button', { name: /still/i }).first().click();
    await expect
      .poll(() => page.getByTestId('stills-strip').locator('img').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.getByTestId('item-metadata').textContent()).toContain('320');
    await shot('evidence-video');
  });

  it('shows the photo with its EXIF: capture time, place and camera', async () => {
    await openItem(
      files['photo']
        ?.split('/')
        .pop()
        ?.replace(/\.jpe?g$/, '') ?? 'photo',
    );
    await page.getByTestId('image-viewer').waitFor();
    const exif = await page.getByTestId('exif-panel').textContent();
    expect(exif).toMatch(/\d+\.\d+/);
    await shot('evidence-image');
  });

  it('reads the PDF with pdf.js, its pages and its Cyrillic text', async () => {
    // Its title comes from the PDF's own metadata.
    await openItem('Протокол задержания');
    await page.getByTestId('pdf-viewer').waitFor();
    await expect
      .poll(() => page.getByTestId('pdf-page-count').textContent(), { timeout: 30_000 })
      .toContain('2');
    await shot('evidence-pdf');
  });

  it('shows the article in reader view beside the original', async () => {
    // Its title, outlet and date come from the saved page, through Readability.
    await page.getByTestId('back-to-library').click();
    expect(await row('Двух мобилизованных').textContent()).toContain('Медиазона');
    await openItem('Двух мобилизованных');
    await page.getByTestId('article-viewer').waitFor();
    await expect
      .poll(() => page.getByTestId('text-reader').textContent(), { timeout: 30_000 })
      .toContain('статье 332');
    await shot('evidence-article');
  });

  it('takes a typed statement and keeps its text and translation', async () => {
    await page.getByTestId('back-to-library').click();
    await page.getByRole('button', { name: 'New statement' }).click();
    await page.waitForTimeout(300);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Показания жены');
    await dialog.getByLabel('Witness').fill('Дегтярёва Е. А.');
    await dialog
      .getByRole('textbox', { name: /^Text/ })
      .fill('Мой муж не получил ни формы, ни обучения.');
    await dialog.getByRole('button', { name: 'Add the statement' }).click();
    try {
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await shot('evidence-statement-dialog');
    }
    await openItem('Показания жены');
    await page.getByTestId('statement-editor').waitFor();
    const translation = page.getByTestId('translation-pane');
    await translation.getByRole('textbox', { name: 'Language' }).fill('en');
    await translation.getByRole('textbox', { name: 'Translator' }).fill('J. Smith');
    await translation
      .getByRole('textbox', { name: 'Text of the translation' })
      .fill('My husband received neither uniform nor training.');
    // Autosave: the translation reaches core without a save button.
    await expect.poll(() => translation.textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    await shot('evidence-statement');
  });

  it('adds a person with generated spellings', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Persons and sources' }).click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Дегтярёв Андрей');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Degtyarev Andrey').count()).toBeGreaterThan(0);
    await shot('evidence-persons');
  });

  it('proves every original unaltered with the CLI once the app is closed', async () => {
    expect(await interrupt(app.child)).toBe(0);
    const cases = habeas(['case', 'list'], vault).json as { id: string }[];
    const caseId = cases[0]?.id ?? '';
    const shown = habeas(['case', 'show', caseId], vault).json as {
      evidence: { id: string; file?: { name: string; sha256: string } }[];
    };
    for (const key of ['video', 'article', 'pdf', 'photo']) {
      const path = files[key] ?? '';
      const item = shown.evidence.find((e) => e.file?.name === path.split('/').pop());
      expect(item?.file?.sha256, key).toBe(await sha256(path));
      const out = join(root, `exported-${key}`);
      expect(habeas(['evidence', 'export', caseId, item?.id ?? '', '--out', out], vault).code).toBe(
        0,
      );
      expect(await sha256(out)).toBe(await sha256(path));
    }
    const statement = (
      shown.evidence as { title?: string; translation?: { text: string; translator?: string } }[]
    ).find((e) => e.title === 'Показания жены');
    expect(statement?.translation).toMatchObject({
      text: 'My husband received neither uniform nor training.',
      translator: 'J. Smith',
    });
    const custody = habeas(['custody', caseId, '--verify'], vault);
    expect(custody.code).toBe(0);
    expect(custody.json).toMatchObject({ ok: true });
  });
});
