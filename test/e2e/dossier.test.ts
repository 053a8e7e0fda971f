import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdfFixtures } from '../fixtures/pdf-fixtures';
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

const run = promisify(execFile);
const executablePath = findChromium();
const screenshots = join(repoRoot, 'test-results', 'e2e');
const passphrase = 'copper kettle orbit meadow';
const habeas = habeasCli(passphrase);

/**
 * The dossier screen in the real app: a case with a charge, a protocol PDF, a password-protected
 * PDF and the wife's statement (taken in with the CLI); the live preview of the dossier's own
 * pages; a build with progress; the file saved from the browser, then read by poppler and qpdf.
 */
describe.skipIf(executablePath === undefined)('the dossier in real Chromium', () => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let root: string;
  let cleanup: () => Promise<void>;

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    const vault = join(root, 'vault');
    await mkdir(screenshots, { recursive: true });
    const pdfs = await makePdfFixtures(root);
    const statement = join(root, 'statement.txt');
    await writeFile(
      statement,
      'Мой муж, Иван Дегтярёв, не получил ни формы, ни обучения, ни оружия.',
    );
    habeas(['vault', 'init'], vault);
    const { id } = habeas(
      ['case', 'create', '--title', 'Дело Дегтярёва', '--court', 'Гарнизонный военный суд'],
      vault,
    ) as { id: string };
    habeas(
      [
        'evidence',
        'add',
        id,
        pdfs.cyrillic,
        '--kind',
        'document',
        '--title',
        'Протокол задержания',
      ],
      vault,
    );
    habeas(
      [
        'evidence',
        'add',
        id,
        pdfs.userPassword,
        '--kind',
        'document',
        '--title',
        'Locked protocol',
      ],
      vault,
    );
    habeas(
      ['evidence', 'add', id, statement, '--kind', 'statement', '--title', 'Показания жены'],
      vault,
    );
    habeas(['charge', 'add', id, '--template', 'ru-cc-332', '--language', 'ru'], vault);
    app = await startBrowserMode(vault, join(root, 'data'));
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    await unlockAndOpenCase(page, app.url, passphrase, 'Дело Дегтярёва');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) await interrupt(app.child);
    await cleanup?.();
  });

  it('previews the dossier’s own pages while the options are filled in', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Dossier' }).click();
    await page
      .getByRole('textbox', { name: /^Title of the filing/ })
      .fill('Application for release on bail');
    await page.getByRole('textbox', { name: /^Bates prefix/ }).fill('DEG');
    await expect
      .poll(() => page.getByTestId('preview-pages').textContent(), { timeout: 30_000 })
      .toMatch(/\d+ pages without the exhibits/);
    await page.getByTestId('pdf-viewer').locator('canvas').first().waitFor({ timeout: 30_000 });
    await shot('dossier-preview');
  });

  it('builds the dossier with progress, lists its file and the slip sheet, and saves it', async () => {
    await page.getByRole('button', { name: 'Build dossier' }).click();
    const files = page.getByTestId('dossier-files').first();
    await files.waitFor({ timeout: 60_000 });
    // In the build's result and in the list of the case's dossiers.
    await page
      .getByText('Exhibit 2 (Locked protocol): the PDF needs a password to open.')
      .first()
      .waitFor();
    await shot('dossier-built');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      files
        .getByRole('button', { name: /^Save / })
        .first()
        .click(),
    ]);
    const saved = join(root, 'saved.pdf');
    await download.saveAs(saved);
    const text = (await run('pdftotext', [saved, '-'])).stdout;
    expect(text).toContain('Application for release on bail');
    expect(text).toContain('Гарнизонный военный суд');
    expect(text).toContain('DEG000001');
    expect(text).toContain('Дегтярёв отказался');
    expect((await run('qpdf', ['--check', saved])).stdout).toContain(
      'No syntax or stream encoding errors',
    );
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [saved])).stdout)?.[1]);
    expect(text).toContain(`DEG${String(pages).padStart(6, '0')}`);
  });
});
