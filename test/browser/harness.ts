// Serves dist/ with `vite preview` and drives Debian's Chromium through playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const OUTPUT_DIR = 'test/output/browser';

/**
 * Every uncaught error of every page a test opens, collected here whichever way the page was
 * opened; test/browser/setup.ts fails the test in its teardown when any was seen.
 */
const pageErrors: string[] = [];
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}
export function watchPage(page: Page): void {
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${String(e)}`));
}
export function watchContext(context: BrowserContext): BrowserContext {
  context.on('page', watchPage);
  for (const p of context.pages()) watchPage(p);
  return context;
}
/**
 * Contexts (and pages, which open one each) start with service workers blocked unless a test asks
 * for them (offline.test.ts): the app's worker precaches the whole 9 MB build into every new
 * context, seconds of CPU per test that only the offline test needs.
 */
function watchBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) =>
    watchContext(await newContext({ serviceWorkers: 'block', ...options }));
  return browser;
}

export interface Harness {
  server: PreviewServer;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The flags Debian's Chromium needs here (headless WebGL through SwiftShader). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function startHarness(): Promise<Harness> {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does)');
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  const browser = watchBrowser(await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }));
  return {
    server,
    browser,
    baseUrl: `http://127.0.0.1:${port}/`,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** Opens the app and waits until the sample project is drawn and its statistics computed. */
export async function openApp(
  h: Harness,
  query = '',
  viewport = { width: 1440, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await h.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(h.baseUrl + query);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="row-planned"]', { state: 'attached', timeout: 60_000 });
  return { page, errors };
}

/** Counts canvas pixels near each colour (RGB distance ≤ tol). */
export async function countColors<K extends string>(
  page: Page,
  colors: Record<K, [number, number, number]>,
  tol = 40,
): Promise<Record<K, number>> {
  return page.evaluate(
    ({ colors, tol }) => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      const out: Record<string, number> = {};
      for (const k of Object.keys(colors)) out[k] = 0;
      for (let i = 0; i < data.length; i += 4) {
        for (const [k, [r, g, b]] of Object.entries(colors)) {
          if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) <= tol)
            out[k]!++;
        }
      }
      return out;
    },
    { colors: colors as Record<string, [number, number, number]>, tol },
  ) as Promise<Record<K, number>>;
}

/** The map canvas's pixels (RGB) at coordinates, each at its screen point now. */
export async function mapPixelsAt(
  page: Page,
  lonLats: [number, number][],
): Promise<[number, number, number][]> {
  return page.evaluate((lonLats) => {
    const t = (
      window as unknown as { __zonemapTest: { project(l: [number, number]): { x: number; y: number } } }
    ).__zonemapTest;
    const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const k = canvas.width / canvas.clientWidth;
    return lonLats.map((l) => {
      const p = t.project(l);
      const d = ctx.getImageData(Math.round(p.x * k), Math.round(p.y * k), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    });
  }, lonLats);
}

/** Waits for the map to finish rendering after a change. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { __zonemapTest: { idle(): Promise<void> } }).__zonemapTest.idle(),
  );
}

/**
 * Waits until some of a layer's features are drawn and no display data is still asked of the
 * worker, then for the map to be idle (mapIdle alone gives up on the worker after 20 s).
 */
export async function layerDrawn(page: Page, layerId: string, timeout = 300_000): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const t = (
        window as unknown as {
          __zonemapTest?: { drawnFeatures(id: string): number; waitingData(): number };
        }
      ).__zonemapTest;
      return !!t && t.waitingData() === 0 && t.drawnFeatures(id) > 0;
    },
    layerId,
    { timeout, polling: 100 },
  );
  await mapIdle(page);
}

/** Switches every layer off but the given ones, through the layer panel, and waits for the map. */
export async function onlyLayers(page: Page, keep: string[]): Promise<void> {
  const ids = await page
    .locator('[data-layer]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')!));
  await setLayers(page, Object.fromEntries(ids.map((id) => [id, keep.includes(id)])));
}

/**
 * Resizes a page and waits until the map has taken the new size (MapLibre follows the window), for
 * tests sharing one page across screen sizes.
 */
export async function resizePage(page: Page, size: { width: number; height: number }): Promise<void> {
  const now = page.viewportSize();
  if (now?.width === size.width && now.height === size.height) return;
  await page.setViewportSize(size);
  await page.waitForFunction(
    () => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement | null;
      const box = canvas?.closest('.maplibregl-map');
      return (
        !!canvas &&
        !!box &&
        canvas.clientWidth === box.clientWidth &&
        canvas.clientHeight === box.clientHeight &&
        canvas.width > 0
      );
    },
    null,
    { timeout: 60_000 },
  );
  await mapIdle(page);
}

/** Switches the page to a language with the top bar's button, if it is not in it, and waits. */
export async function setLang(page: Page, lang: 'zh' | 'en'): Promise<void> {
  const want = lang === 'en' ? 'en' : 'zh-CN';
  if ((await page.evaluate(() => document.documentElement.lang)) !== want)
    await page.click('[data-testid="lang-switch"]');
  await page.waitForFunction((want) => document.documentElement.lang === want, want, { timeout: 30_000 });
  await mapIdle(page);
}

/** Closes the inspector's feature, if one is shown. */
export async function clearSelection(page: Page): Promise<void> {
  const inspector = page.locator('[data-testid="inspector"]');
  if ((await inspector.getAttribute('data-selected')) === null) return;
  await inspector.locator('h2 > button.link', { hasText: /^(关闭|Close)$/ }).click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="inspector"]')?.hasAttribute('data-selected'),
    null,
    { timeout: 30_000 },
  );
}

/**
 * Sets the layer panel's checkboxes as `want` says (layer id → shown), all in one go: a real click
 * on each box that differs, dispatched in the page (one round trip and one redraw, not one a box),
 * then checks they took and waits for the map.
 */
async function setLayers(page: Page, want: Record<string, boolean>): Promise<void> {
  await page.evaluate((want) => {
    for (const el of document.querySelectorAll('[data-layer]')) {
      const box = el.querySelector('input[type="checkbox"]') as HTMLInputElement | null;
      const on = want[el.getAttribute('data-layer')!];
      if (box && on !== undefined && box.checked !== on) box.click();
    }
  }, want);
  for (const [id, on] of Object.entries(want))
    await page.waitForFunction(
      ({ id, on }) =>
        (document.querySelector(`[data-layer="${id}"] input[type="checkbox"]`) as HTMLInputElement | null)
          ?.checked === on,
      { id, on },
      { timeout: 30_000 },
    );
  await mapIdle(page);
}

/**
 * Runs `body` with only `keep` shown (through the layer panel), then puts every layer's checkbox
 * back as it was before (hidden ones stay hidden) and waits for the map: for tests sharing a page.
 */
export async function withOnly(page: Page, keep: string[], body: () => Promise<void>): Promise<void> {
  const before = Object.fromEntries(
    await page
      .locator('[data-layer]')
      .evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-layer')!,
          (e.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked ?? false,
        ]),
      ),
  ) as Record<string, boolean>;
  await setLayers(page, Object.fromEntries(Object.keys(before).map((id) => [id, keep.includes(id)])));
  try {
    await body();
  } finally {
    await setLayers(page, before);
  }
}

/**
 * Adds the layer the import dialog has read. A file of a role the project has a layer of already
 * is asked about first (replace, add or scenario, ImportDialog.tsx); these tests add it beside.
 */
export async function addImport(page: Page): Promise<void> {
  if (await page.locator('[data-testid="import-same-role"]').count())
    await page.check('[data-testid="import-same-add"]');
  await page.click('[data-testid="import-add"]');
}

/**
 * Waits until the change just made is saved: the status says 已保存 (the save runs in the analysis
 * worker, so up to 60 s on a loaded machine) and no new layer is still being drawn (a reload while
 * the map still draws opens the safe mode by design, docs/durability.md). The second's pause first
 * lets the save begin, so an earlier 已保存 is not taken for this one.
 */
export async function saved(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
  await expect
    .poll(() => page.locator('[data-testid="save-status"]').getAttribute('data-state'), { timeout: 60_000 })
    .toBe('saved');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('zonemap.opening.v1')), { timeout: 60_000 })
    .toBeNull();
}

/** The layers of the project, those shown, and the camera: what a test on a shared page restores. */
export interface PageState {
  layers: string[];
  shown: string[];
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

export async function pageState(page: Page): Promise<PageState> {
  const rows = await page
    .locator('[data-layer]')
    .evaluateAll((els) =>
      els.map(
        (e) =>
          [
            e.getAttribute('data-layer')!,
            !!e.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked,
          ] as const,
      ),
    );
  const { center, zoom, bearing, pitch } = await page.evaluate(() =>
    (
      window as unknown as { __zonemapTest: import('../../src/map/test-hook.ts').MapTestHook }
    ).__zonemapTest.camera(),
  );
  return {
    layers: rows.map(([id]) => id),
    shown: rows.filter(([, on]) => on).map(([id]) => id),
    camera: { center, zoom, bearing, pitch },
  };
}

/**
 * Puts a shared page back as `state` found it: an open import or export dialog closed, the
 * inspector closed, layers added since removed with their × button, the others shown or hidden as
 * they were, the camera where it was.
 */
export async function restorePage(page: Page, state: PageState): Promise<void> {
  for (const dialog of ['import-dialog', 'export-dialog']) {
    const open = page.locator(`[data-testid="${dialog}"]`);
    if (await open.count()) {
      await open.locator('.modal-actions button').first().click();
      await open.waitFor({ state: 'detached', timeout: 30_000 });
    }
  }
  await page.keyboard.press('Escape');
  const now = await page
    .locator('[data-layer]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')!));
  for (const id of now.filter((l) => !state.layers.includes(l))) {
    await page.locator(`[data-layer="${id}"] [data-testid="layer-remove"]`).click();
    await page.locator(`[data-layer="${id}"]`).waitFor({ state: 'detached', timeout: 30_000 });
  }
  await setLayers(page, Object.fromEntries(state.layers.map((id) => [id, state.shown.includes(id)])));
  await page.evaluate(
    (camera) =>
      (
        window as unknown as { __zonemapTest: import('../../src/map/test-hook.ts').MapTestHook }
      ).__zonemapTest.jumpTo(camera),
    state.camera,
  );
  await mapIdle(page);
}

/**
 * A Chromium of its own on a profile folder, connected over CDP, that a test can kill (SIGKILL
 * `proc`) to see what survives a crash; the profile keeps IndexedDB for the next launch.
 */
export async function launchKillable(
  profile: string,
): Promise<{ proc: ChildProcess; context: BrowserContext; page: Page }> {
  const proc = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', () => reject(new Error(`chromium exited: ${err}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = watchContext(browser.contexts()[0]!);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  return { proc, context, page };
}

export interface SharedPage {
  h: Harness;
  page: Page;
  /** what the page raised (uncaught errors and console errors), from openApp */
  errors: string[];
  /** the page as it was opened, which restorePage puts back after each test */
  start: PageState;
}

/**
 * One page of the app for a whole test file (a load costs seconds of CPU), handed to `use` when it
 * is open. After each test, `cleanUp` runs (what restorePage cannot know of), the page is put back
 * as it was opened (restorePage) and, with `checkErrors`, the errors it raised meanwhile must be
 * none. The browser closes after the last test.
 */
export function sharePage(
  use: (shared: SharedPage) => void,
  opts: { cleanUp?: (page: Page) => Promise<void>; checkErrors?: boolean } = {},
): void {
  let shared: SharedPage | null = null;
  beforeAll(async () => {
    const h = await startHarness();
    const { page, errors } = await openApp(h);
    shared = { h, page, errors, start: await pageState(page) };
    use(shared);
  });
  afterEach(async () => {
    if (!shared) return;
    await opts.cleanUp?.(shared.page);
    await restorePage(shared.page, shared.start);
    if (opts.checkErrors) expect(shared.errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await shared?.h.close();
  });
}
