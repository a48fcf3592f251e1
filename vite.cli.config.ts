import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The headless CLI (and the browser-mode server it starts) runs under plain Node: an SSR build that keeps
// node_modules external, so better-sqlite3 loads its own prebuilt binary.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      input: {
        claque: resolve(import.meta.dirname, 'src/main/cli/index.ts'),
        worker: resolve(import.meta.dirname, 'src/main/jobs/worker.ts'),
        'parse-worker': resolve(import.meta.dirname, 'src/main/import/parse-worker.ts'),
        'stage-worker': resolve(import.meta.dirname, 'src/main/analysis/stage-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
