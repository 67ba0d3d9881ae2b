// 汇报演示 in the built app: the sample's presentation stepped through with the keys a presenter's
// clicker sends, each slide's figure cards checked against `zonemap report --json` (the expected
// texts computed here from the report's m² and 万元, not by the code that shows them), the camera
// and the layers against the manifest, a screenshot of each slide at 1920×1080; then the slide
// editor; then the tablet layouts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  mapIdle,
  openApp,
  OUTPUT_DIR,
  pageState,
  restorePage,
  saved,
  startHarness,
  type Harness,
  type PageState,
} from './harness.ts';

interface ManifestSlide {
  title: string;
  caption?: string;
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number };
  layers?: string[];
  cards: string[];
  chart?: string;
}
const manifest = JSON.parse(readFileSync('data/luoshan/zonemap.json', 'utf8')) as {
  layers: { id: string }[];
  presentation: { title: string; slides: ManifestSlide[] };
};
const slides = manifest.presentation.slides;

interface CliReport {
  composition: Record<string, number>;
  totals: {
    enterprises: number;
    enterprisesByStatus: Record<string, number>;
    investment_wan: number;
    output_wan: number;
    tax_wan: number;
    employees: number;
    roadLength_m: number;
  };
  quotas: { used_m2: number }[];
  villages: { relocation: string }[];
  constraints: { kind: string; overlap_m2?: number; outside_m2?: number }[];
}

const MU = 2000 / 3;
const grouped = (n: number) => Math.round(n).toLocaleString('en');

/** What each card must show, from the command line's report. */
function expectedCards(r: CliReport): Record<string, string> {
  const c = r.composition;
  const t = r.totals;
  const constraint = (kind: string, key: 'overlap_m2' | 'outside_m2') =>
    r.constraints.filter((x) => x.kind === kind).reduce((s, x) => s + (x[key] ?? 0), 0);
  return {
    planned_km2: (c.planned_m2! / 1e6).toFixed(4),
    built_km2: (c.built_m2! / 1e6).toFixed(4),
    development_km2: (c.development_m2! / 1e6).toFixed(4),
    control_km2: (c.control_m2! / 1e6).toFixed(4),
    enterprises: String(t.enterprises),
    enterprises_producing: String(t.enterprisesByStatus['已投产'] ?? 0),
    enterprises_building: String(t.enterprisesByStatus['在建'] ?? 0),
    investment_yi: (t.investment_wan / 1e4).toFixed(2),
    revenue_yi: (t.output_wan / 1e4).toFixed(2),
    tax_yi: (t.tax_wan / 1e4).toFixed(2),
    employees: grouped(t.employees),
    quota_used: grouped(r.quotas.reduce((s, q) => s + q.used_m2, 0) / MU),
    villages_relocated: String(r.villages.filter((v) => v.relocation === 'done').length),
    road_km: (t.roadLength_m / 1000).toFixed(2),
    farmland_mu: grouped(constraint('basic-farmland', 'overlap_m2') / MU),
    redline_mu: grouped(constraint('ecological-redline', 'overlap_m2') / MU),
    urban_outside_mu: grouped(constraint('urban-boundary', 'outside_m2') / MU),
  };
}

interface MapState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  /** project layer id → whether any of its style layers is drawn */
  shown: Record<string, boolean>;
}

function mapState(page: Page): Promise<MapState> {
  return page.evaluate(() => {
    const t = (window as unknown as { __zonemapTest: import('../../src/map/test-hook.ts').MapTestHook })
      .__zonemapTest;
    const { center, zoom, bearing, pitch } = t.camera();
    return { center, zoom, bearing, pitch, shown: t.shownLayers() };
  });
}

const fontPx = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));

let h: Harness;
let cards: Record<string, string>;
// One page for the presentation and the slide editor (a load of the app is seconds of CPU): each
// test leaves it as it found it (presentation left, the slide it captured removed again, editor
// closed, window size, motion setting, layers and camera back), so they run in any order; its
// errors are checked after each test. The tablet layouts share a touch page of their own.
let page: Page;
let errors: string[];
let start: PageState;
const DESK = { width: 1440, height: 900 };
beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h, '', DESK));
  start = await pageState(page);
  const json = execFileSync(process.execPath, ['bin/zonemap.js', 'report', 'data/luoshan', '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  cards = expectedCards(JSON.parse(json) as CliReport);
});
afterAll(async () => {
  await h?.close();
});

/** After a test on the shared page: the presentation and the editor closed, the rest as it was. */
async function putBack(): Promise<void> {
  if (await page.locator('[data-testid="presentation"]').count()) {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="presentation"]', { state: 'detached' });
  }
  if (await page.locator('[data-testid="slide-editor"]').count()) {
    await page.click('[data-testid="slide-editor-close"]');
    await page.waitForSelector('[data-testid="slide-editor"]', { state: 'detached' });
  }
  await page.emulateMedia({ reducedMotion: null });
  await page.setViewportSize(DESK);
  await restorePage(page, start);
  expect(errors.splice(0)).toEqual([]);
}

describe('presentation of the sample', () => {
  afterEach(putBack);
  it('steps through every slide with the keyboard: figures as the report, camera and layers as the manifest', async () => {
    expect(slides.length).toBeGreaterThanOrEqual(8);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await mapIdle(page);
    // The first slide flies in; then the system's "reduce motion" makes the steps cuts (the app
    // honours it), so the test spends its time on the slides, not on 2.2 s flights.
    await page.click('[data-testid="present-button"]');
    await page.waitForSelector('[data-testid="presentation"]');
    await page.waitForSelector('body[data-slide-shown="0"]', { timeout: 20_000 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // the clicker's keys and the keyboard's, in turn
    const keys = ['ArrowRight', 'PageDown', 'Space', 'ArrowDown'];
    for (let i = 0; i < slides.length; i++) {
      const s = slides[i]!;
      await page.waitForSelector(`body[data-slide-shown="${i}"]`, { timeout: 20_000 });
      expect(await page.locator('[data-testid="slide-title"]').textContent()).toBe(s.title);
      expect(await page.locator('[data-testid="slide-counter"]').textContent()).toBe(
        `${i + 1} / ${slides.length}`,
      );
      expect(await page.locator('.slide-progress').getAttribute('aria-valuenow')).toBe(String(i + 1));

      // the figure cards: those the manifest names, each with the report's value
      await page.waitForSelector('[data-testid="figure-cards"]', { timeout: 30_000 });
      const shownCards = await page
        .locator('.figure-card')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-card'), e.querySelector('.card-value b')?.textContent]),
        );
      expect(shownCards).toEqual(s.cards.map((id) => [id, cards[id]]));

      // where the camera went, and which layers are drawn
      const m = await mapState(page);
      expect(m.center[0]).toBeCloseTo(s.camera.center[0], 4);
      expect(m.center[1]).toBeCloseTo(s.camera.center[1], 4);
      expect(m.zoom).toBeCloseTo(s.camera.zoom, 3);
      expect(m.bearing).toBeCloseTo(s.camera.bearing, 2);
      expect(m.pitch).toBeCloseTo(s.camera.pitch, 2);
      if (s.layers)
        for (const l of manifest.layers)
          expect(m.shown[l.id] ?? false, `${s.title}: ${l.id}`).toBe(s.layers.includes(l.id));

      // projector type: figures and words at 18 px and more, panels out of the way, map full screen
      for (const sel of [
        '.card-label',
        '.card-value b',
        '.card-note',
        '.slide-caption',
        '[data-testid="slide-title"]',
      ])
        for (const px of await fontPx(page, sel)) expect(px, sel).toBeGreaterThanOrEqual(18);
      expect(await page.locator('aside.left').isVisible()).toBe(false);
      expect(await page.locator('aside.right').isVisible()).toBe(false);
      expect(await page.locator('[data-testid="map"]').evaluate((e) => e.getBoundingClientRect().width)).toBe(
        1920,
      );

      if (s.chart)
        await page.waitForSelector(`.slide-chart [data-testid="chart-${s.chart}"] [data-chart-ready]`);
      await mapIdle(page);
      await page.screenshot({ path: `${OUTPUT_DIR}/present-${i + 1}.png` });
      if (i < slides.length - 1) await page.keyboard.press(keys[i % keys.length]!);
    }
    // past the last slide nothing moves; PageUp goes back, Home to the first
    await page.keyboard.press('PageDown');
    expect(await page.locator('[data-testid="presentation"]').getAttribute('data-slide')).toBe(
      String(slides.length - 1),
    );
    await page.keyboard.press('PageUp');
    expect(await page.locator('[data-testid="presentation"]').getAttribute('data-slide')).toBe(
      String(slides.length - 2),
    );
    await page.keyboard.press('Home');
    expect(await page.locator('[data-testid="presentation"]').getAttribute('data-slide')).toBe('0');
    // Esc leaves: the panels and the layers as they were
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="presentation"]', { state: 'detached' });
    expect(await page.locator('aside.right').isVisible()).toBe(true);
    const after = await mapState(page);
    expect(after.shown['landuse']).toBe(false);
    expect(after.shown['villages']).toBe(true);
  }, 240_000);
});

describe('slide editor', () => {
  afterEach(putBack);
  it('captures the view as a slide, retitles it, drags it first; undo puts it back; the slides are saved', async () => {
    const items = page.locator('[data-testid="slide-item"]');
    const titles = () =>
      items
        .locator('[data-testid="slide-title-input"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await page.click('[data-testid="slides-button"]');
    await page.waitForSelector('[data-testid="slide-editor"]');
    expect(await items.count()).toBe(slides.length);
    // the statistics panel's charts are drawn meanwhile
    for (const id of ['landuse-shares', 'investment-by-park', 'village-land', 'quota-used'])
      await page.waitForSelector(
        `[data-testid="report-charts"] [data-testid="chart-${id}"] [data-chart-ready]`,
      );

    await page.click('[data-testid="capture-slide"]');
    expect(await items.count()).toBe(slides.length + 1);
    expect((await titles()).at(-1)).toBe(`第 ${slides.length + 1} 页`);
    const last = items.nth(slides.length);
    await last.locator('[data-testid="slide-title-input"]').fill('招商地块');
    await last.locator('[data-testid="slide-title-input"]').press('Enter');
    await expect.poll(async () => (await titles()).at(-1)).toBe('招商地块');
    await last.locator('summary').click();
    await last.locator('[data-card-pick="investment_yi"]').check();

    // by hand, so the drag starts on the last slide before the list scrolls up to the first
    await items.nth(slides.length).locator('.drag-handle').hover();
    await page.mouse.down();
    const from = (await items.nth(slides.length).locator('.drag-handle').boundingBox())!;
    await page.mouse.move(from.x + 4, from.y + 8);
    await items.nth(0).locator('.slide-no').hover();
    await page.mouse.up();
    await expect.poll(async () => (await titles())[0]).toBe('招商地块');
    expect((await titles()).slice(1)).toEqual(slides.map((s) => s.title));

    // Ctrl+Z outside a text field undoes the move, then the card, then the title
    await page.locator('.slide-editor h2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await titles()).at(-1)).toBe('招商地块');
    expect((await titles())[0]).toBe(slides[0]!.title);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await titles()).at(-1)).toBe(`第 ${slides.length + 1} 页`);
    await page.keyboard.press('Control+y');
    await expect.poll(async () => (await titles()).at(-1)).toBe('招商地块');

    // saved with the project: a reload shows the nine slides
    await saved(page);
    await page.evaluate(() => document.body.removeAttribute('data-map-ready'));
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.click('[data-testid="slides-button"]');
    await expect.poll(async () => (await titles()).at(-1)).toBe('招商地块');
    expect(await items.count()).toBe(slides.length + 1);
    await page.screenshot({ path: `${OUTPUT_DIR}/present-editor.png` });
    // the captured slide removed again: the sample's slides as they were, for the other tests
    const added = items.nth(slides.length);
    if (!(await added.locator('[data-testid="slide-remove"]').isVisible()))
      await added.locator('summary').click();
    await added.locator('[data-testid="slide-remove"]').click();
    await expect.poll(titles).toEqual(slides.map((s) => s.title));
  }, 120_000);
});

/** Interactive elements on screen smaller than a finger (44 px), described. */
function smallTargets(page: Page, within: string): Promise<string[]> {
  return page.evaluate((within) => {
    const sel =
      'button, select, summary, input[type="text"], input[type="number"], input[type="range"], label:has(> input[type="checkbox"])';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(`${within} :is(${sel})`)) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[hidden]'))
        continue;
      // off screen (a closed drawer) is not a target
      if (r.right <= 0 || r.left >= innerWidth || r.bottom <= 0 || r.top >= innerHeight) continue;
      const tooSmall = r.height < 44 || (el.tagName === 'BUTTON' && r.width < 44);
      if (tooSmall)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
        );
    }
    return out;
  }, within);
}

/** Waits until the drawer's slide-in (a CSS transition) has ended, so what is measured is where it stays. */
const settled = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluate((e) =>
      Promise.all(e.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined),
    );

describe('tablet layout', () => {
  // one touch page for both sizes, resized between them; each test closes the drawers it opened
  let tablet: Page;
  let tabletErrors: string[];
  beforeAll(async () => {
    tablet = await h.browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    tabletErrors = [];
    tablet.on('pageerror', (e) => tabletErrors.push(String(e)));
    tablet.on('console', (m) => {
      if (m.type() === 'error') tabletErrors.push(m.text());
    });
    await tablet.goto(h.baseUrl);
    await tablet.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await tablet.waitForSelector('[data-testid="row-planned"]', { state: 'attached', timeout: 60_000 });
  });
  afterEach(async () => {
    for (const side of ['left', 'right'])
      if (await tablet.locator(`aside.${side}`).isVisible()) {
        // on the scrim beside the drawer, not on the drawer over it
        const { width, height } = tablet.viewportSize()!;
        await tablet.click('[data-testid="drawer-scrim"]', {
          position: { x: side === 'left' ? width - 20 : 20, y: height / 2 },
        });
        await expect.poll(() => tablet.locator(`aside.${side}`).isVisible()).toBe(false);
      }
    expect(tabletErrors.splice(0)).toEqual([]);
  });
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    const size = `${viewport.width}x${viewport.height}`;
    it(`${size}: the map takes the full width, the panels are drawers, every target is 44 px`, async () => {
      const page = tablet;
      await page.setViewportSize(viewport);
      await mapIdle(page);
      const box = await page.locator('[data-testid="map"]').boundingBox();
      expect(box!.x).toBe(0);
      expect(box!.width).toBe(viewport.width);
      expect(await page.locator('aside.left').isVisible()).toBe(false);
      expect(await page.locator('aside.right').isVisible()).toBe(false);
      expect(await smallTargets(page, '.topbar')).toEqual([]);
      expect(await smallTargets(page, '.maplibregl-control-container')).toEqual([]);
      await page.screenshot({ path: `${OUTPUT_DIR}/tablet-${size}.png` });

      await page.click('[data-testid="toggle-left"]');
      await expect.poll(() => page.locator('aside.left').isVisible()).toBe(true);
      await settled(page, 'aside.left');
      expect(await smallTargets(page, 'aside.left')).toEqual([]);
      await page.screenshot({ path: `${OUTPUT_DIR}/tablet-${size}-layers.png` });
      await page.click('[data-testid="drawer-scrim"]', {
        position: { x: viewport.width - 20, y: viewport.height / 2 },
      });
      await expect.poll(() => page.locator('aside.left').isVisible()).toBe(false);

      await page.click('[data-testid="toggle-right"]');
      await expect.poll(() => page.locator('aside.right').isVisible()).toBe(true);
      await settled(page, 'aside.right');
      expect(await smallTargets(page, 'aside.right')).toEqual([]);
      await page.screenshot({ path: `${OUTPUT_DIR}/tablet-${size}-stats.png` });
    }, 120_000);
  }
});
