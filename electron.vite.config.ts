import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    // One node build for the node entries: the Electron main process, the CLI (the
    // package's bin), browser mode, and the thread that parses evidence files at intake.
    // They share core through common chunks.
    build: {
      outDir: 'out/main',
      target: 'node20',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          habeas: resolve(root, 'electron/cli/index.ts'),
          'browser-mode': resolve(root, 'electron/web/main.ts'),
          // Found at run time by electron/core/evidence/metadata/worker-path.ts.
          'extract-worker': resolve(root, 'electron/core/evidence/metadata/extract-worker.ts'),
          // Found at run time by electron/core/dossier/dossier-thread.ts.
          'dossier-worker': resolve(root, 'electron/core/dossier/dossier-worker.ts'),
        },
        output: {
          banner: (chunk) => (chunk.name === 'habeas' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // The sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
