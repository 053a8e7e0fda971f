import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from './build-freshness';

/**
 * `npm start`: builds when the sources are newer than out/, then launches Electron. Where the
 * Electron runtime is missing or cannot be downloaded (or HABEAS_BROWSER_MODE=1), it says so
 * in one line on stderr and starts browser mode, whose only stdout line is its address.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const electronStartGraceMs = 5000;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function build(): void {
  log('Habeas: building…');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: process.env,
  });
  // The build's own output goes to stderr so that stdout carries only the browser-mode line.
  if (result.status !== 0) {
    log('Habeas: the build failed.');
    process.exit(result.status ?? 1);
  }
}

/** Electron 42+ downloads its runtime on first use; this answers with its path or why there is none. */
function electronBinary(): { path: string } | { reason: string } {
  if (process.env['HABEAS_BROWSER_MODE'] === '1') return { reason: 'HABEAS_BROWSER_MODE=1' };
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0 && result.stdout !== '') return { path: result.stdout };
  return { reason: 'the Electron runtime is missing and could not be downloaded' };
}

function startBrowserMode(reason: string): void {
  log(`Habeas: Electron is not available (${reason}); starting browser mode instead.`);
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'browser-mode.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  forwardExit(child);
}

function forwardExit(child: ReturnType<typeof spawn>): void {
  // Ctrl-C reaches the child too when both share the terminal's process group; it is
  // forwarded anyway for a parent that signals only us. The child shuts down and we follow it.
  process.on('SIGINT', () => child.kill('SIGINT'));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
}

function startElectron(binary: string): void {
  const startedAt = Date.now();
  let fellBack = false;
  const fallBack = (reason: string): void => {
    if (fellBack) return;
    fellBack = true;
    startBrowserMode(reason);
  };
  const child = spawn(binary, [root], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('error', () => fallBack('the Electron runtime could not be started'));
  child.once('exit', (code) => {
    if (fellBack) return;
    if (code !== 0 && Date.now() - startedAt < electronStartGraceMs) {
      fallBack(`the Electron runtime exited with code ${String(code)} at start`);
    } else {
      process.exit(code ?? 0);
    }
  });
  process.on('SIGINT', () => {
    if (!fellBack) child.kill('SIGINT');
  });
}

if (isBuildStale(root)) build();
const electron = electronBinary();
if ('path' in electron) startElectron(electron.path);
else startBrowserMode(electron.reason);
