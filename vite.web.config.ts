import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compileFirstScreenEagerly, onRendererBuildWarning, preloadEntryImports } from './vite.shared';

// The same renderer as the desktop app, built for the loopback browser harness (npm run web, e2e tests).
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: '/',
  plugins: [react(), preloadEntryImports(), compileFirstScreenEagerly()],
  build: {
    outDir: resolve(__dirname, 'dist-web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { onwarn: onRendererBuildWarning },
  },
});
