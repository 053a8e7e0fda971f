import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Debian's Chromium, or HABEAS_CHROMIUM. Never a browser downloaded by a test tool. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env['HABEAS_CHROMIUM'],
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((c): c is string => c !== undefined && c !== '' && existsSync(c));
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type Started = {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
};

/**
 * Spawns a command in its own process group and waits for `Habeas browser mode: <url>`. A
 * signal to the group stands for Ctrl-C in a terminal.
 */
export function startUntilUrl(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`no browser-mode line in time; stderr: ${stderr}`)),
      60_000,
    );
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /^Habeas browser mode: (\S+)\n/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stdout: () => stdout, stderr: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before serving; stderr: ${stderr}`));
    });
  });
}

/** The built app in browser mode on `vault`, with its own data folder, once it serves. */
export function startBrowserMode(vault: string, dataDir: string): Promise<Started> {
  return startUntilUrl(process.execPath, [join(repoRoot, 'out', 'main', 'browser-mode.js')], {
    HABEAS_NO_OPEN: '1',
    HABEAS_PORT: '0',
    HABEAS_VAULT: vault,
    HABEAS_DATA_DIR: dataDir,
  });
}

/** Opens the app at `url`, unlocks it as a lawyer would, and opens the case called `title`. */
export async function unlockAndOpenCase(
  page: Page,
  url: string,
  passphrase: string,
  title: string,
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('unlock-passphrase').fill(passphrase);
  await page.keyboard.press('Enter');
  await page.getByTestId('case-table').getByText(title).click({ timeout: 30_000 });
}

/** Sends SIGINT to the process group and resolves with the exit code. */
export function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    process.kill(-(child.pid ?? 0), 'SIGINT');
  });
}

/**
 * A runner for the built `habeas` CLI on one vault, with the passphrase in the environment:
 * how E2E tests take evidence in before the app starts. A failure throws with its stderr.
 */
export function habeasCli(passphrase: string): (args: string[], vault: string) => unknown {
  const bin = join(repoRoot, 'out', 'main', 'habeas.js');
  return (args, vault) => {
    const result = spawnSync(process.execPath, [bin, ...args, '--json', '--vault', vault], {
      encoding: 'utf8',
      env: { ...process.env, HABEAS_PASSPHRASE: passphrase },
    });
    if (result.status !== 0) throw new Error(`habeas ${args.join(' ')}: ${result.stderr}`);
    return JSON.parse(result.stdout) as unknown;
  };
}
