import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
