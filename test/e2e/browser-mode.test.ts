import { spawnSync } from 'node:child_process';
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
  startBrowserMode,
  type Started,
} from './processes';

const executablePath = findChromium();
const screenshots = join(repoRoot, 'test-results', 'e2e');
const passphrase = 'copper kettle orbit meadow';
const recovered = 'lantern pebble ochre tundra';

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

/**
 * The real app in browser mode, in Debian's Chromium, as a lawyer meets it on a new machine:
 * create the vault, keep the recovery key, work in the frame, lock, unlock, recover. The tests
 * run in order and share the page.
 */
describe.skipIf(executablePath === undefined)('Habeas in real Chromium', () => {
  let app: Started;
  let browser: Browser;
  let page: Page;
  let root: string;
  let cleanup: () => Promise<void>;
  let recoveryKey = '';

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`) });
  const vaultStatus = () => page.getByTestId('status-vault').textContent();

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    await mkdir(screenshots, { recursive: true });
    app = await startBrowserMode(join(root, 'vault'), join(root, 'data'));
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

  it('opens on the first-run screen, with the vault folder filled in', async () => {
    await page.goto(app.url);
    const form = page.getByTestId('create-vault-form');
    await form.waitFor();
    expect(await page.getByTestId('create-folder').inputValue()).toBe(join(root, 'vault'));
    expect(new URL(page.url()).hash).toBe('');
    await shot('vault-create');
  });

  it('will not create a vault with a weak passphrase', async () => {
    await page.getByTestId('create-passphrase').fill('password12');
    await page.getByTestId('create-passphrase-confirm').fill('password12');
    expect(await page.getByRole('button', { name: 'Create vault' }).isDisabled()).toBe(true);
    await shot('vault-create-weak');
  });

  it('creates the vault and shows the recovery key once, until the lawyer says it is written down', async () => {
    await page.getByTestId('create-passphrase').fill(passphrase);
    await page.getByTestId('create-passphrase-confirm').fill(passphrase);
    await page.getByRole('button', { name: 'Create vault' }).click();
    const key = page.getByTestId('recovery-key');
    await key.waitFor({ timeout: 30_000 });
    recoveryKey = ((await key.textContent()) ?? '').trim();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    const proceed = page.getByRole('button', { name: 'Continue' });
    expect(await proceed.isDisabled()).toBe(true);
    await shot('vault-recovery-key');
    await page.getByTestId('recovery-key-saved').check();
    await proceed.click();
    await expect.poll(vaultStatus, { timeout: 30_000 }).toBe('Vault: Unlocked');
  });

  it('shows the frame with app:info in the status bar', async () => {
    const status = page.getByTestId('status-bar');
    expect(await status.textContent()).toContain('Browser mode');
    expect(await status.textContent()).toContain(`Version ${version}`);
    await shot('frame-en');
  });

  it('opens a case, lists it, and shows its verified custody log', async () => {
    await page.getByTestId('new-case-button').click();
    const form = page.getByTestId('new-case-form');
    await form.waitFor();
    await page.getByTestId('case-title').fill('Art. 332: Degtyarev and Kuznetsov');
    const clients = page.getByTestId('case-clients');
    await clients.fill('Дегтярёв А. В.');
    await clients.press('Enter');
    await clients.fill('Кузнецов И. С.');
    await clients.press('Enter');
    await form.getByRole('button', { name: 'Open the case' }).click();
    const table = page.getByTestId('case-table');
    await expect.poll(() => table.textContent()).toContain('Дегтярёв А. В., Кузнецов И. С.');
    await expect
      .poll(() => page.getByTestId('case-custody').textContent())
      .toMatch(/^Custody log verified: 1 entries, head [0-9a-f]{16}…$/);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await shot('cases');
    await page.getByTestId('toggle-case-status').click();
    await expect.poll(() => table.textContent()).toContain('Closed');
    await expect.poll(() => page.getByTestId('case-custody').textContent()).toContain('2 entries');
    await page.getByTestId('toggle-case-status').click();
    await expect.poll(() => table.textContent()).toContain('Open');
  });

  it("holds the media cookie, out of reach of the page's scripts", async () => {
    const cookies = await page.context().cookies();
    const media = cookies.find((c) => c.name.startsWith('habeas-media-'));
    expect(media).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/media/' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('refuses the API to a request from the page without the token', async () => {
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/vault:status', {
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
    await expect.poll(vaultStatus).toBe('Хранилище: Разблокировано');
    expect(await page.getByRole('navigation').innerText()).toContain('Доказательства');
    await shot('frame-ru');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(vaultStatus).toBe('Vault: Unlocked');
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
    await shot('frame-keyboard');
  });

  it('follows a dark system theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() =>
        page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme')),
      )
      .toBe('dark');
    await shot('frame-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('sets the auto-lock time in the settings, and core keeps it', async () => {
    await page.getByTestId('settings-button').click();
    await page.getByRole('dialog').waitFor();
    await page.getByTestId('auto-lock-select').click();
    await page.getByRole('option', { name: '5 min', exact: true }).click();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const token = sessionStorage.getItem('habeas.token') ?? '';
          const response = await fetch('/api/vault:status', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: '{}',
          });
          return ((await response.json()) as { value: { autoLockMinutes: number } }).value
            .autoLockMinutes;
        }),
      )
      .toBe(5);
    await shot('settings');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('locks from the header; a wrong passphrase is refused clearly; the right one unlocks', async () => {
    await page.getByTestId('lock-button').click();
    await page.getByTestId('unlock-form').waitFor();
    await shot('vault-unlock');
    await page.getByTestId('unlock-passphrase').fill('not the passphrase at all');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('unlock-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('The passphrase is wrong.');
    await shot('vault-wrong-passphrase');
    await page.getByTestId('unlock-passphrase').fill(passphrase);
    await page.keyboard.press('Enter');
    await expect.poll(vaultStatus, { timeout: 30_000 }).toBe('Vault: Unlocked');
  });

  it('locks with Ctrl+L', async () => {
    await page.keyboard.press('Control+L');
    await page.getByTestId('unlock-form').waitFor();
  });

  it('recovers with the recovery key and a new passphrase', async () => {
    await page.getByText('Use the recovery key').click();
    await page.getByTestId('recover-key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await page.getByTestId('recover-passphrase').fill(recovered);
    await page.getByTestId('recover-passphrase-confirm').fill(recovered);
    await shot('vault-recover');
    await page.getByRole('button', { name: 'Open and set the new passphrase' }).click();
    await expect.poll(vaultStatus, { timeout: 30_000 }).toBe('Vault: Unlocked');
    await page.getByTestId('lock-button').click();
    await page.getByTestId('unlock-form').waitFor();
  });

  it('left a real vault on disk that the CLI opens with the new passphrase', () => {
    const result = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'out', 'main', 'habeas.js'),
        'vault',
        'check',
        '--json',
        '--vault',
        join(root, 'vault'),
      ],
      { encoding: 'utf8', env: { ...process.env, HABEAS_PASSPHRASE: recovered } },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ ok: true });
  });

  it('stops cleanly on Ctrl-C', async () => {
    expect(await interrupt(app.child)).toBe(0);
  });
});
