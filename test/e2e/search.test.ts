import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import {
  chromiumArgs,
  findChromium,
  habeasCli,
  interrupt,
  repoRoot,
  startBrowserMode,
  unlockAndOpenCase,
  type Started,
} from './processes';

const executablePath = findChromium();
const screenshots = join(repoRoot, 'test-results', 'e2e');
const passphrase = 'copper kettle orbit meadow';
const habeas = habeasCli(passphrase);

/** A hearing protocol that names the defendant on its third page only. */
async function protocolPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of [
    'Protocol of the hearing.',
    'Procedural matters.',
    'The defendant Degtyarev was present with counsel.',
  ])
    doc.addPage([400, 300]).drawText(line, { x: 20, y: 250, size: 12, font });
  return doc.save();
}

/**
 * Issue 8 in the real app: two news reports spell the defendant Degtyaryov and Degtyarev, his
 * wife's statement Дегтярёв, Дегтярёва and Дегтярёвой; the expert is Grebenyuk, Grebenuk, and
 * Hrebeniuk in a report from Kyiv (registered as his variant). Taken in with the CLI, then
 * searched from the palette (Ctrl+K), a hit opened at its page.
 */
describe.skipIf(executablePath === undefined)('search in real Chromium', () => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let cleanup: () => Promise<void>;

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });

  beforeAll(async () => {
    let root: string;
    ({ dir: root, cleanup } = await makeTempDir());
    const vault = join(root, 'vault');
    await mkdir(screenshots, { recursive: true });
    const files = {
      meduza:
        'Two conscripts were detained outside their unit. Ivan Degtyaryov refused to return to the front. The expert Alexei Grebenyuk said they had no training.',
      moscowTimes:
        'A court charged Ivan Degtyarev under Article 332. According to expert Alexei Grebenuk, the unit lacked equipment.',
      wife: 'Мой муж, Иван Дегтярёв, не получил ни формы, ни обучения. Меня, Марию Дегтярёву, никто не известил. Следователь говорил с Дегтярёвой по телефону.',
      neighbour: 'Сосед Кузнецов видел, как у части остановилась машина.',
      kyiv: 'The military expert Oleksii Hrebeniuk said the mobilised men were sent to the front untrained.',
    };
    for (const [name, text] of Object.entries(files))
      await writeFile(join(root, `${name}.txt`), text);
    await writeFile(join(root, 'protocol.pdf'), await protocolPdf());
    habeas(['vault', 'init'], vault);
    const { id } = habeas(['case', 'create', '--title', 'Art. 332: two conscripts'], vault) as {
      id: string;
    };
    const add = (file: string, kind: string, title: string, source?: string) =>
      habeas(
        [
          'evidence',
          'add',
          id,
          join(root, file),
          '--kind',
          kind,
          '--title',
          title,
          ...(source === undefined ? [] : ['--source', source]),
        ],
        vault,
      );
    add('meduza.txt', 'article', 'Meduza: conscripts detained', 'Meduza');
    add(
      'moscowTimes.txt',
      'article',
      'The Moscow Times: court charges a soldier',
      'The Moscow Times',
    );
    add('wife.txt', 'statement', 'Wife’s statement');
    add('neighbour.txt', 'statement', 'Neighbour’s statement');
    add('kyiv.txt', 'article', 'Kyiv report on the mobilised');
    add('protocol.pdf', 'document', 'Protocol of the hearing');
    habeas(
      ['person', 'add', id, '--name', 'Алексей Гребенюк', '--variant', 'Oleksii Hrebeniuk'],
      vault,
    );
    app = await startBrowserMode(vault, join(root, 'data'));
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await unlockAndOpenCase(page, app.url, passphrase, 'Art. 332: two conscripts');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) await interrupt(app.child);
    await cleanup?.();
  });

  const palette = () => page.getByRole('dialog', { name: 'Search' });
  const titles = () => palette().getByTestId('search-hit-title').allTextContents();

  async function search(query: string): Promise<void> {
    await page.keyboard.press('Control+KeyK');
    const input = palette().getByRole('combobox', { name: /Names in any spelling/ });
    await input.fill(query);
    await expect.poll(() => palette().getByTestId('search-status').textContent()).toMatch(/Found/);
  }

  it('finds the Cyrillic statement and both reports by "Degtyarev", the names marked', async () => {
    await search('Degtyarev');
    await expect
      .poll(titles)
      .toEqual(
        expect.arrayContaining([
          'Wife’s statement',
          'Meduza: conscripts detained',
          'The Moscow Times: court charges a soldier',
          'Protocol of the hearing',
        ]),
      );
    expect(await titles()).not.toContain('Neighbour’s statement');
    const statement = palette().getByRole('option').filter({ hasText: 'Wife’s statement' });
    expect(await statement.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['Дегтярёв']),
    );
    const meduza = palette().getByRole('option').filter({ hasText: 'Meduza' });
    expect(await meduza.locator('mark').allTextContents()).toContain('Degtyaryov');
    await shot('search-palette');
  });

  it('opens the protocol at the page that names him', async () => {
    await palette().getByRole('option').filter({ hasText: 'Protocol of the hearing' }).click();
    await palette().waitFor({ state: 'detached' });
    await page.getByTestId('pdf-viewer').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('pdf-page').getAttribute('data-page'), { timeout: 30_000 })
      .toBe('3');
    await shot('search-opened-page');
  });

  it('finds the report from Kyiv by the expert’s registered variant, in Russian too', async () => {
    await search('Гребенюк');
    await expect
      .poll(titles)
      .toEqual(
        expect.arrayContaining([
          'Meduza: conscripts detained',
          'The Moscow Times: court charges a soldier',
          'Kyiv report on the mobilised',
        ]),
      );
    expect(await titles()).not.toContain('Wife’s statement');
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
  });
});
