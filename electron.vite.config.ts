import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { compileFirstScreenEagerly, onRendererBuildWarning, preloadEntryImports } from './vite.shared';

// Main and preload live under src/main (the design card's layout), so their entries are explicit.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/transports/shell/main.ts'),
          // Decks render in a worker thread so the window never freezes; the worker is its own bundle.
          'render-worker': resolve(__dirname, 'src/main/render/render-worker.ts'),
          // Portfolio health and the background integrity check run on piscina threads; their entry sits beside index.js.
          'background-worker': resolve(__dirname, 'src/main/services/background/background-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload can only require('electron'), so everything else (zod) is bundled in.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/transports/preload/preload.ts') },
        // Sandboxed preloads cannot require() our own chunks, so the preload is one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), preloadEntryImports(), compileFirstScreenEagerly()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') }, onwarn: onRendererBuildWarning },
    },
  },
});
