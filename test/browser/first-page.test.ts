// The first page stays small (issue 13, item 5): the JavaScript the built app loads at start (its
// entry and every chunk index.html preloads) carries no CRS, ellipsoid or polygon-clipping library;
// they run in the analysis worker or load with the dialogs that need them; nor the code of what is
// closed at start (the review's map layers, the scenario comparison's overlay, the presenter, the
// checks of a saved project), nor the English words (zh-CN is the default), nor the zh-CN
// words of dialogs and panels closed at start. Reads dist/ as built.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist');

function initialChunks(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const re = /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g;
  return [...html.matchAll(re)].map((m) => m[1]!);
}

// strings each library keeps through minification (checked in the lazy chunks and workers)
const MARKERS: Record<string, string> = {
  proj4: 'Transverse_Mercator',
  'geographiclib-geodesic': 'GeographicLib',
  'polyclip-ts': 'Unable to complete output ring',
};

it('loads no CRS, geodesic or clipping library at start', () => {
  const chunks = initialChunks();
  expect(chunks.length).toBeGreaterThan(0);
  const found = chunks.flatMap((c) => {
    const text = readFileSync(path.join(DIST, c), 'utf8');
    return Object.entries(MARKERS)
      .filter(([, marker]) => text.includes(marker))
      .map(([lib]) => `${lib} in ${c}`);
  });
  expect(found).toEqual([]);
});

it('still ships those libraries in the analysis worker (the markers are real)', () => {
  const starter = initialChunks()
    .map((c) => readFileSync(path.join(DIST, c), 'utf8'))
    .join('\n');
  const workerFile = /analysis\.worker-[\w-]+\.js/.exec(starter)?.[0];
  expect(workerFile).toBeDefined();
  const text = readFileSync(path.join(DIST, 'assets', workerFile!), 'utf8');
  for (const marker of Object.values(MARKERS)) expect(text).toContain(marker);
});

// strings of modules that load when first needed, each kept through minification
const ON_DEMAND: Record<string, string> = {
  'the review on the map (review-map-layers.ts)': 'zm-review-conflicts',
  'the scenario comparison overlay (compare-overlay.ts)': 'zm-compare-labels',
  'the presenter (map/present.ts)': 'zm-present-glow',
  'the saved project checks (validate-saved.ts)': 'a layer is not a scenario layer',
  'the lines of damaged saved records (saved-issue-words.ts)': 'more than this page can draw',
  // zh-CN is the default: English loads when chosen or at idle (english.ts)
  'the English UI words (i18n-en.ts)': 'Industrial Cluster Zone Map',
  'the English words of saving and safe mode (durable-words-en.ts)': 'Nothing could be recovered.',
  'the English words of the presenter (present/words-en.ts)': 'Show the slides full screen',
  'the English half of core’s catalogue (core/labels-en.ts)': 'Construction land on basic farmland',
  'the review’s half of core’s Chinese catalogue (core/labels-zh-review.ts)': '建设用地占永久基本农田',
  // the zh-CN words of dialogs and panels closed at start load with them (words-*.ts)
  'the review panel’s zh-CN words (words-review.ts)': '保存处理意见',
  'the print dialog’s zh-CN words (words-print.ts)': '正在出图',
  'the import/export dialogs’ zh-CN words (words-data.ts)': '交换 X/Y',
  'the statistics’ zh-CN words (words-figures.ts)': '平均投资强度',
  'the presenter’s and slide editor’s zh-CN words (present/words-show.ts)': '退出演示',
  'safe mode’s and long texts’ zh-CN words (durable-words-later.ts)': '安全模式：项目未绘制',
  'the failed-save and read-only banners (SaveTrouble.tsx)':
    'the storage this browser allows the site is full',
  'the boundary editing tools and their words (EditTools.tsx, words-edit.ts)': '按住 Alt 暂停吸附',
  'the checks of the saved problem list (saved-problems.ts)': '问题列表无法读取',
  'the view link: the URL’s feature and mode, copying a link (link-view.ts)': 'no clipboard',
};

it('loads the review, the comparison, the presenter, the saved-project checks and English on demand', () => {
  const initial = initialChunks();
  const starter = initial.map((c) => readFileSync(path.join(DIST, c), 'utf8')).join('\n');
  expect(Object.entries(ON_DEMAND).filter(([, marker]) => starter.includes(marker))).toEqual([]);
  // each marker is in a chunk of the build (not a marker that is nowhere)
  const lazy = readdirSync(path.join(DIST, 'assets'))
    .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
    .map((f) => readFileSync(path.join(DIST, 'assets', f), 'utf8'))
    .join('\n');
  for (const marker of Object.values(ON_DEMAND)) expect(lazy).toContain(marker);
});
