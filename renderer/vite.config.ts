import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths relative to this file (the config runs in Node; plain URL pathname avoids a node: import,
// which the renderer lint boundary forbids).
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

// Built output must run under a strict CSP (no inline scripts, no eval) and from file:// or
// the loopback server alike, hence relative base and no module-preload polyfill.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: decodeURIComponent(new URL('../dist/renderer', import.meta.url).pathname),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
