import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg } from '../fixtures/run-tool';
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

/**
 * The analysis of a case in the real app: an Art. 332 charge from its template, a moment of the
 * arrest video and the wife's statement linked to an element, the board and the chronology
 * changing as they do. The evidence is taken in with the CLI first.
 */
describe.skipIf(executablePath === undefined)('charges and chronology in real Chromium', () => {
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
    const video = join(root, 'arrest.webm');
    await ffmpeg([
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=160x120:rate=10',
      '-t',
      '4',
      '-c:v',
      'libvpx',
      video,
    ]);
    const statement = join(root, 'statement.txt');
    await writeFile(statement, 'Мой муж не получил ни формы, ни обучения, ни оружия.');
    habeas(['vault', 'init'], vault);
    const { id } = habeas(['case', 'create', '--title', 'Art. 332: Degtyaryov'], vault) as {
      id: string;
    };
    habeas(['evidence', 'add', id, video, '--kind', 'video', '--title', 'Arrest video'], vault);
    habeas(
      ['evidence', 'add', id, statement, '--kind', 'statement', '--title', 'Wife’s statement'],
      vault,
    );
    app = await startBrowserMode(vault, join(root, 'data'));
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await unlockAndOpenCase(page, app.url, passphrase, 'Art. 332: Degtyaryov');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) await interrupt(app.child);
    await cleanup?.();
  });

  it('adds the Art. 332 charge from its template, every element unaddressed', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Charges' }).click();
    await page.getByRole('button', { name: 'Add charge' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a charge' });
    await dialog.waitFor();
    await dialog.getByLabel('Template', { exact: true }).selectOption('ru-cc-332');
    await dialog.getByRole('button', { name: 'Add charge' }).click();
    await dialog.waitFor({ state: 'detached' });
    const statuses = page.getByTestId('element-status');
    await expect.poll(() => statuses.count()).toBeGreaterThan(2);
    expect(await statuses.first().textContent()).toContain('Unaddressed');
    expect(await page.getByTestId('element-gap').count()).toBe(await statuses.count());
  });

  it('links a moment of the video and the statement to an element, and the board changes', async () => {
    const link = page.getByRole('button', { name: /^Link evidence to:/ });
    const element =
      (await link.nth(2).getAttribute('aria-label'))?.replace('Link evidence to: ', '') ?? '';
    await link.nth(2).click();
    let dialog = page.getByRole('dialog', { name: 'Link evidence to an element' });
    await dialog.getByLabel('Evidence item').selectOption({ label: 'Arrest video' });
    await dialog.getByLabel('Stance', { exact: true }).selectOption('defence');
    await dialog.getByLabel('From', { exact: true }).fill('0:01');
    await dialog.getByLabel('To', { exact: true }).fill('0:03');
    await dialog.getByLabel('Note', { exact: true }).fill('No rifles are handed out');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const region = page.getByRole('region', { name: element });
    await expect.poll(() => region.getByTestId('element-status').textContent()).toMatch(/Refuted/);
    expect(await region.textContent()).toContain('0:01–0:03');

    await link.nth(2).click();
    dialog = page.getByRole('dialog', { name: 'Link evidence to an element' });
    await dialog.getByLabel('Evidence item').selectOption({ label: 'Wife’s statement' });
    await dialog.getByLabel('Stance', { exact: true }).selectOption('prosecution');
    await dialog.getByLabel('Quote', { exact: true }).fill('ни оружия');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => region.getByTestId('element-status').textContent())
      .toMatch(/Contested/);
    await shot('charges-board');
  });

  it('links the video at the current time from inside the viewer, and the board shows it', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Evidence' }).click();
    await page.getByTestId('library-row').filter({ hasText: 'Arrest video' }).first().click();
    await page.getByTestId('item-page').waitFor();
    await page.getByRole('button', { name: 'Link current time to element…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link to a charge element' });
    const element = dialog.getByRole('combobox', { name: /^Element/ });
    await expect.poll(() => element.locator('option').count()).toBeGreaterThan(1);
    const first = await element.locator('option').nth(1).getAttribute('value');
    await element.selectOption(first ?? '');
    await dialog.getByLabel('Stance', { exact: true }).selectOption('context');
    await dialog.getByLabel('To', { exact: true }).fill('0:02');
    await dialog.getByLabel('Note', { exact: true }).fill('Seen from the viewer');
    await shot('viewer-link');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('navigation').getByRole('button', { name: 'Charges' }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Seen from the viewer');
    expect(await page.getByRole('main').textContent()).toContain('0:00–0:02');
  });

  it('dates the arrest in the chronology, with its sources', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Chronology' }).click();
    await page.getByRole('button', { name: 'Add event' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add an event' });
    await dialog.getByRole('textbox', { name: /^Date/ }).fill('2026-11-17');
    await dialog
      .getByRole('textbox', { name: /^What happened/ })
      .fill('Arrested at the gates of the unit');
    await dialog.getByLabel('Arrest video').check();
    await dialog.getByLabel('Wife’s statement').check();
    await dialog.getByRole('button', { name: 'Save event' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByRole('table', { name: 'Events' }).textContent())
      .toContain('Arrested at the gates of the unit');
    expect(await page.getByTestId('independent-count').first().textContent()).toContain('2');
    await shot('chronology');
  });

  it('edits the Art. 332 charge: dropped, and the card says so', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Charges' }).click();
    const card = page.getByTestId('charge').first();
    await card.getByRole('button', { name: 'Edit charge: Art. 332' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the charge' });
    await dialog.getByLabel('Status', { exact: true }).selectOption('dropped');
    await dialog.getByLabel(/Date charged/).fill('2026-11-16');
    await dialog.getByRole('button', { name: 'Save charge' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => card.textContent()).toContain('Dropped');
    expect(await card.textContent()).toContain('Charged Nov 16, 2026');
    // The links made earlier survive the edit.
    expect(await card.textContent()).toContain('No rifles are handed out');
    await shot('charge-edited');
  });

  it('links by dragging an item from the palette onto an element’s column', async () => {
    const element = page.getByTestId('element').nth(1);
    const defence = element.getByRole('group', { name: 'For the defence' });
    await page.getByTestId('palette-item').filter({ hasText: 'Wife’s statement' }).dragTo(defence);
    const dialog = page.getByRole('dialog', { name: 'Link evidence to an element' });
    await expect.poll(() => dialog.getByLabel('Evidence item').inputValue()).not.toBe('');
    expect(await dialog.getByLabel('Stance', { exact: true }).inputValue()).toBe('defence');
    await dialog.getByLabel('Note', { exact: true }).fill('Dragged in');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => defence.textContent()).toContain('Wife’s statement');
    expect(await defence.textContent()).toContain('Dragged in');
  });
});
