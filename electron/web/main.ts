import { runBrowserMode } from './browser-mode';

runBrowserMode().catch((error: unknown) => {
  process.stderr.write(
    `Habeas could not start browser mode: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
