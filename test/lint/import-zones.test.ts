import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints text as if it stood at an existing file's path, and returns the import-zone errors. */
async function zoneErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import zones', () => {
  it.each([
    ['electron/core/api.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'electron/core/api.ts',
      "import type { IpcMain } from 'electron';\nexport type X = IpcMain;\n",
    ],
    ['electron/core/api.ts', "import { bindIpc } from '../main/ipc';\nexport const x = bindIpc;\n"],
    [
      'electron/core/vault/vault-lock.ts',
      "import { runBrowserMode } from '../../web/browser-mode';\nexport const x = runBrowserMode;\n",
    ],
    [
      'renderer/lib/api-client.ts',
      "import { dispatch } from '../../electron/core/api';\nexport const x = dispatch;\n",
    ],
    [
      'renderer/lib/api-client.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    ],
    [
      'renderer/lib/api-client.ts',
      "import { readFile } from 'node:fs';\nexport const x = readFile;\n",
    ],
    [
      'shared/contract.ts',
      "import { dispatch } from '../electron/core/api';\nexport const x = dispatch;\n",
    ],
    ['shared/contract.ts', "import { App } from '../renderer/app/App';\nexport const x = App;\n"],
    ['shared/contract.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
  ])('refuses in %s: %s', async (file, code) => {
    expect((await zoneErrors(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'electron/core/api.ts',
      "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
    ],
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    [
      'renderer/lib/api-client.ts',
      "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
    ],
  ])('allows in %s: %s', async (file, code) => {
    expect(await zoneErrors(file, code)).toEqual([]);
  });
});
