import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { makeTempDir } from '../support/temp-dir';
import {
  chromiumArgs,
  findChromium,
  interrupt,
  repoRoot,
  startUntilUrl,
  type Started,
} from './processes';

const executablePath = findChromium();
const screenshots = join(repoRoot, 'test-results', 'e2e');

if (executablePath === undefined) {
  if (process.env['CI']) {
    it('has Chromium to run the end-to-end tests (CI installs it)', () => {
      expect.fail(
        'No Chromium at /usr/bin/chromium or $HABEAS_CHROMIUM: the E2E suite is required in CI.',
      );
    });
  } else {
    console.warn(
      '\n\n*** E2E SKIPPED: no Chromium found (apt-get install chromium, or set HABEAS_CHROMIUM). ***\n\n',
    );
  }
}

describe.skipIf(executablePath === undefined)('browser mode in real Chromium', () => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    await mkdir(screenshots, { recursive: true });
    app = await startUntilUrl(
      process.execPath,
      [join(repoRoot, 'out', 'main', 'browser-mode.js')],
      {
        HABEAS_NO_OPEN: '1',
        HABEAS_PORT: '0',
        HABEAS_VAULT: join(temp.dir, 'vault'),
      },
    );
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (app) await interrupt(app.child);
    await cleanup?.();
  });

  it('prints exactly one line on stdout: the address with its token', () => {
    expect(app.stdout()).toMatch(
      /^Habeas browser mode: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}\n$/,
    );
  });

  it('loads the app and shows app:info in the status bar', async () => {
    await page.goto(app.url);
    const status = page.getByTestId('status-bar');
    await expect.poll(() => status.textContent()).toContain('Vault: No vault');
    expect(await status.textContent()).toContain('Browser mode');
    expect(await status.textContent()).toContain(`Version ${version}`);
    expect(new URL(page.url()).hash).toBe('');
    await page.screenshot({ path: join(screenshots, 'frame-en.png') });
  });

  it('refuses the API to a request from the page without the token', async () => {
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/app:info', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      return response.status;
    });
    expect(status).toBe(401);
  });

  it('switches to Russian and back', async () => {
    await page.getByText('Русский', { exact: true }).click();
    const status = page.getByTestId('status-bar');
    await expect.poll(() => status.textContent()).toContain('Хранилище: Нет хранилища');
    expect(await page.getByRole('navigation').innerText()).toContain('Доказательства');
    await page.screenshot({ path: join(screenshots, 'frame-ru.png') });

    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => status.textContent()).toContain('Vault: No vault');
  });

  it('keeps the language and the session across a reload', async () => {
    await page.getByText('Русский', { exact: true }).click();
    await page.reload();
    await expect
      .poll(() => page.getByTestId('status-bar').textContent())
      .toContain('Хранилище: Нет хранилища');
    await page.getByText('English', { exact: true }).click();
  });

  it('is usable by keyboard alone, with a visible focus', async () => {
    const nav = page.getByRole('navigation');
    await nav.getByRole('button', { name: 'Cases' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Charges');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.screenshot({ path: join(screenshots, 'frame-keyboard.png') });
  });

  it('follows a dark system theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect
      .poll(() =>
        page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')),
      )
      .toBe('dark');
    await page.screenshot({ path: join(screenshots, 'frame-dark.png') });
  });

  it('stops cleanly on Ctrl-C', async () => {
    expect(await interrupt(app.child)).toBe(0);
  });
});
