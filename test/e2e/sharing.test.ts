import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function habeas(args: string[], vault: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [habeasBin, ...args, '--json', '--vault', vault], {
    encoding: 'utf8',
    env: { ...process.env, HABEAS_PASSPHRASE: passphrase, ...env },
  });
  return {
    code: result.status,
    json: result.stdout === '' ? undefined : (JSON.parse(result.stdout) as unknown),
    stderr: result.stderr,
  };
}

function habeasOk(args: string[], vault: string): unknown {
  const result = habeas(args, vault);
  if (result.code !== 0) throw new Error(`habeas ${args.join(' ')}: ${result.stderr}`);
  return result.json;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A case handed from one lawyer to another in the real app: Ivan adds Maria's key to his
 * contacts and exports the case to her; Maria, in her own vault, checks what the archive holds
 * and adds it. Both run browser mode in real Chromium; the vaults are prepared with the CLI.
 */
describe.skipIf(executablePath === undefined)('sharing a case in real Chromium', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let browser: Browser;
  const apps: Started[] = [];
  let ivanVault: string;
  let mariaVault: string;
  let mariaRecipient: string;
  let ivanRecipient: string;
  let archive: string;
  const video = randomBytes(300_000);

  async function openApp(vault: string, name: string): Promise<Page> {
    const app = await startBrowserMode(vault, join(root, `${name}-data`));
    apps.push(app);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(app.url);
    await page.getByTestId('unlock-passphrase').fill(passphrase);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation').waitFor({ timeout: 30_000 });
    return page;
  }

  async function closeApps(): Promise<void> {
    for (const app of apps.splice(0)) await interrupt(app.child);
  }

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    await mkdir(screenshots, { recursive: true });
    ivanVault = join(root, 'ivan');
    mariaVault = join(root, 'maria');
    habeasOk(['vault', 'init'], ivanVault);
    habeasOk(['vault', 'init'], mariaVault);
    ivanRecipient = (habeasOk(['identity'], ivanVault) as { recipient: string }).recipient;
    mariaRecipient = (habeasOk(['identity'], mariaVault) as { recipient: string }).recipient;
    const { id } = habeasOk(['case', 'create', '--title', 'Art. 332: Degtyaryov'], ivanVault) as {
      id: string;
    };
    const file = join(root, 'Видео задержания.mp4');
    await writeFile(file, video);
    habeasOk(
      ['evidence', 'add', id, file, '--kind', 'video', '--title', 'Arrest video'],
      ivanVault,
    );
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await closeApps();
    await cleanup?.();
  });

  it('Ivan adds Maria as a contact and exports the case to her; the download is the archive', async () => {
    const page = await openApp(ivanVault, 'ivan');
    await page.getByTestId('case-table').getByText('Art. 332: Degtyaryov').click();
    await page.getByRole('navigation').getByRole('button', { name: 'Sharing' }).click();
    await expect
      .poll(() => page.getByTestId('identity-recipient').textContent())
      .toBe(ivanRecipient);

    await page.getByRole('button', { name: 'Add contact' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a contact' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Maria Eismont');
    await dialog.getByRole('textbox', { name: /^Key/ }).fill(mariaRecipient);
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('contact-row').textContent())
      .toContain('Maria Eismont');

    await page.getByRole('button', { name: 'Export case…' }).click();
    dialog = page.getByRole('dialog', { name: 'Export the case as an encrypted archive' });
    await dialog.getByRole('checkbox', { name: 'Maria Eismont' }).check();
    await page.screenshot({ path: join(screenshots, 'sharing-export.png') });
    const downloaded = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^habeas-case-\d{4}-\d{2}-\d{2}\.habeas$/);
    archive = join(root, download.suggestedFilename());
    await download.saveAs(archive);
    const shown = await dialog.getByTestId('export-sha').getAttribute('data-sha256');
    expect(shown).toBe(sha256(await readFile(archive)));
    await page.screenshot({ path: join(screenshots, 'sharing-exported.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await closeApps();
  });

  it('Maria checks what the archive holds, from whom, and adds the case to her vault', async () => {
    const page = await openApp(mariaVault, 'maria');
    await page.getByRole('navigation').getByRole('button', { name: 'Sharing' }).click();
    await page.getByRole('button', { name: 'Add contact' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a contact' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Ivan Pavlov');
    await dialog.getByRole('textbox', { name: /^Key/ }).fill(ivanRecipient);
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Import archive…' }).click();
    dialog = page.getByRole('dialog', { name: 'Import a case archive' });
    await dialog.locator('input[type="file"]').setInputFiles(archive);
    await dialog.getByRole('button', { name: 'Check archive' }).click();
    const summary = dialog.getByTestId('import-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain('Art. 332: Degtyaryov');
    expect(await summary.textContent()).toContain('Ivan Pavlov, from your contacts');
    expect(await dialog.getByTestId('import-sha').getAttribute('data-sha256')).toBe(
      sha256(await readFile(archive)),
    );
    await page.screenshot({ path: join(screenshots, 'sharing-import-summary.png') });
    await dialog.getByRole('button', { name: 'Add to the vault' }).click();
    await dialog.getByTestId('import-done').waitFor();
    await dialog.getByRole('button', { name: 'Open the case' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Evidence' }).click();
    await expect
      .poll(() => page.getByTestId('library-row').first().textContent())
      .toContain('Arrest video');
    await closeApps();

    const cases = habeasOk(['case', 'list'], mariaVault) as { id: string; title: string }[];
    expect(cases.map((c) => c.title)).toEqual(['Art. 332: Degtyaryov']);
    const [imported] = cases;
    const shown = habeasOk(['case', 'show', imported?.id ?? ''], mariaVault) as {
      evidence: { id: string }[];
    };
    const out = join(root, 'original.mp4');
    habeasOk(
      ['evidence', 'export', imported?.id ?? '', shown.evidence[0]?.id ?? '', '--out', out],
      mariaVault,
    );
    expect((await readFile(out)).equals(video)).toBe(true);
  });

  it('hands the case back with the CLI: archive export to a passphrase, archive import', async () => {
    const [imported] = habeasOk(['case', 'list'], mariaVault) as { id: string }[];
    const secret = join(root, 'archive-passphrase.txt');
    await writeFile(secret, 'тройка семёрка туз\n');
    const back = join(root, 'back.habeas');
    const exported = habeasOk(
      ['archive', 'export', imported?.id ?? '', '--out', back, '--passphrase-file', secret],
      mariaVault,
    ) as { sha256: string; files: number };
    expect(exported).toEqual({ sha256: sha256(await readFile(back)), files: 1 });
    // Ivan's vault has the case already: it comes back as a copy, and a wrong passphrase changes nothing.
    const wrong = join(root, 'wrong.txt');
    await writeFile(wrong, 'тройка семёрка дама\n');
    const refused = habeas(['archive', 'import', back, '--passphrase-file', wrong], ivanVault);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('WRONG_PASSPHRASE');
    const { caseId } = habeasOk(
      ['archive', 'import', back, '--passphrase-file', secret],
      ivanVault,
    ) as {
      caseId: string;
    };
    const titles = (habeasOk(['case', 'list'], ivanVault) as { id: string; title: string }[]).map(
      (c) => [c.id === caseId, c.title],
    );
    expect(titles).toEqual([
      [true, 'Art. 332: Degtyaryov'],
      [false, 'Art. 332: Degtyaryov'],
    ]);
  });
});
