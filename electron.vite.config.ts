import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Our layout is electron/{main,preload} + renderer/ instead of electron-vite's src/ default, so every entry is
// named here. The preload must come out as ONE CommonJS file: a sandboxed preload cannot require chunks.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Worker-thread entries are entries of their own: worker_threads load them by path (core/platform/worker-entry.ts).
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'package.worker': resolve('core/documents/package.worker.ts'),
          'duplicates.worker': resolve('core/workflow/duplicates.worker.ts'),
          'order-save.worker': resolve('core/sync/order-save.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified by default; the packaged app parses it on every start.
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
});
