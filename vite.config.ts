import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  // @maplibre/maplibre-gl-compare (the review's swipe) requires Node's "events": a small stand-in
  resolve: { alias: { events: fileURLToPath(new URL('./src/map/events-shim.ts', import.meta.url)) } },
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // the sample projects under data/ are fetched when opened: never inlined into the first page's JS
    assetsInlineLimit: (file: string) => (/[\\/]data[\\/]/.test(file) ? false : undefined),
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
