import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Offline after one visit: a generated service worker precaches every built file (the app, the
    // workers, the PDF font, the sample projects); src/main.tsx registers it in builds only, so the
    // dev server (`npm start`) has none.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: '产业集聚区一张图 zonemap',
        short_name: 'zonemap',
        lang: 'zh-CN',
        start_url: './',
        display: 'standalone',
        background_color: '#f4f1ea',
        theme_color: '#b71c1c',
        icons: [],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,ttf,json,geojson,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  // @maplibre/maplibre-gl-compare (the review's swipe) requires Node's "events": a small stand-in
  resolve: { alias: { events: fileURLToPath(new URL('./src/map/events-shim.ts', import.meta.url)) } },
  base: './',
  build: {
    target: 'es2022',
    modulePreload: {
      // Every browser of the es2022 target but Safari 16 and Firefox < 115 preloads modules itself;
      // there the entry's imports still load, only fetched as they are met (−0.3 KB at start).
      polyfill: false,
      // The first page (index.html) preloads all it imports. A chunk loaded later (a dialog, a panel)
      // fetches its own imports when it arrives instead of the entry carrying a list of them for each
      // of its dynamic imports (−1.0 KB gzip at start, issue 13, item 5); their CSS is still listed,
      // so it arrives before they draw. Once the service worker has cached the build it costs nothing.
      resolveDependencies: (_file, deps, ctx) =>
        ctx.hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css')),
    },
    chunkSizeWarningLimit: 2000,
    // the sample projects under data/ are fetched when opened: never inlined into the first page's JS
    assetsInlineLimit: (file: string) => (/[\\/]data[\\/]/.test(file) ? false : undefined),
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The first page in two files: MapLibre (kept apart, it changes only with its version) and
          // everything else the entry imports statically. Left to itself, the bundler made ~20 small
          // chunks of modules that lazy chunks share with the entry; each gzipped on its own costs
          // ≈ 6 KB more than one file (`npm run size`).
          groups: [
            { name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 2 },
            { name: 'start', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
