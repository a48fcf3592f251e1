import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles: main (Electron process + analysis worker), preload (contextBridge only), renderer (React UI).
// The CLI and browser-mode server are built separately by vite.cli.config.ts so they never touch Electron.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/app/index.ts'),
          worker: resolve(import.meta.dirname, 'src/main/jobs/worker.ts'),
          'parse-worker': resolve(import.meta.dirname, 'src/main/import/parse-worker.ts'),
          'stage-worker': resolve(import.meta.dirname, 'src/main/analysis/stage-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
