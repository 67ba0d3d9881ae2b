// The map as a planner meets it: a click names the feature under the pointer (stepping through
// the ones that overlap), each feature is labelled once, the controls speak the page's language.
// Screenshots at three screen sizes in both languages go to test/output/browser/map-*.png.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { layerBounds } from '../../src/map/map-view.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import {
  clearSelection,
  mapIdle,
  openApp,
  OUTPUT_DIR,
  resizePage,
  setLang,
  startHarness,
  type Harness,
} from './harness.ts';

interface Target {
  layer: string;
  index: number;
  name: string;
  centre: [number, number];
  under: { layer: string; index: number; name: string; area_m2: number }[];
}
// Click points and what lies under them, from shapely/pyproj (test/fixtures/pick/make-centres.py).
const { targets, towns } = JSON.parse(readFileSync('test/fixtures/pick/luoshan-centres.json', 'utf8')) as {
  targets: Target[];
  towns: { name: string; centre: [number, number] }[];
};

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1400, height: 900 },
  { width: 1024, height: 768 },
];

type Camera = { center: [number, number]; zoom: number; bearing: number; pitch: number };
type Hook = {
  labels(): { layer: string; featureIndex: number; name: string }[];
  project(l: [number, number]): { x: number; y: number };
  unproject(p: { x: number; y: number }): [number, number];
  jumpTo(o: { center: [number, number]; zoom?: number; bearing?: number; pitch?: number }): void;
  camera(): Camera & { moving: boolean };
};
type TestWindow = { __zonemapTest: Hook };

async function project(page: Page, at: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((at) => (window as unknown as TestWindow).__zonemapTest.project(at), at);
}

async function jumpTo(page: Page, center: [number, number], zoom?: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      (window as unknown as TestWindow).__zonemapTest.jumpTo(zoom ? { center, zoom } : { center }),
    { center, zoom },
  );
  await mapIdle(page);
}

/** Label names placed more than once on the current screen, with their counts. */
async function repeatedLabels(page: Page): Promise<{ all: number; repeated: Record<string, number> }> {
  const labels = await page.evaluate(() => (window as unknown as TestWindow).__zonemapTest.labels());
  const counts: Record<string, number> = {};
  for (const l of labels) counts[`${l.layer} ${l.name}`] = (counts[`${l.layer} ${l.name}`] ?? 0) + 1;
  return {
    all: labels.length,
    repeated: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 1)),
  };
}

async function selected(page: Page, previous: string | null): Promise<string | null> {
  const inspector = page.locator('[data-testid="inspector"]');
  // wait for the click to land (the selection changes), then read it
  await page
    .waitForFunction(
      (prev) => document.querySelector('[data-testid="inspector"]')?.getAttribute('data-selected') !== prev,
      previous,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return inspector.getAttribute('data-selected');
}

let h: Harness;
// One page for the file (a load costs seconds of CPU): each test sets the screen size, language and
// view it needs and puts back what else it changed (the selection, the farmland layer), so the tests
// run in any order.
let page: Page;
let errors: string[];
let zoneBounds: [number, number, number, number];
const DESK = { width: 1440, height: 900 };
beforeAll(async () => {
  h = await startHarness();
  const { project: sample } = await loadProjectFromPath('data/luoshan');
  zoneBounds = layerBounds(sample!.layers.find((l) => l.role === 'zone')!)!;
  ({ page, errors } = await openApp(h, '', DESK));
  // the view the app opens with is the zone fitted to the map; fitZone must find the same one, as it
  // stands in for a fresh load at the other screen sizes
  const opened = await camera(page);
  await fitZone(page);
  const fitted = await camera(page);
  expect(Math.abs(fitted.zoom - opened.zoom)).toBeLessThan(0.01);
  const a = await project(page, opened.center);
  const b = await project(page, fitted.center);
  expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeLessThan(2);
});
afterAll(async () => {
  await h?.close();
});

async function camera(page: Page): Promise<Camera & { moving: boolean }> {
  return page.evaluate(() => (window as unknown as TestWindow).__zonemapTest.camera());
}

/**
 * Shows the sample zone as the app does when a project opens (MapPane: fitBounds with 40 px of
 * padding), for the map's size now: the zoom that fits the zone's projected box into the canvas.
 */
async function fitZone(page: Page): Promise<void> {
  await page.evaluate((b) => {
    const t = (window as unknown as TestWindow).__zonemapTest;
    t.jumpTo({ center: t.camera().center, bearing: 0, pitch: 0 });
    const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
    const sw = t.project([b[0], b[1]]);
    const ne = t.project([b[2], b[3]]);
    const scale = Math.min(
      (canvas.clientWidth - 80) / Math.abs(ne.x - sw.x),
      (canvas.clientHeight - 80) / Math.abs(sw.y - ne.y),
    );
    const center = t.unproject({ x: (sw.x + ne.x) / 2, y: (sw.y + ne.y) / 2 });
    t.jumpTo({ center, zoom: t.camera().zoom + Math.log2(scale) });
  }, zoneBounds);
  await mapIdle(page);
}

/**
 * The desk-size page in Chinese with the zone in view and nothing selected, as the app opens. Each
 * test sets the size, language and view it needs at its start (fewer redraws than putting them back
 * at its end as well) and puts back what else it changed (the selection, the farmland layer).
 */
async function restore(page: Page): Promise<void> {
  await clearSelection(page);
  await resizePage(page, DESK);
  await setLang(page, 'zh');
  await fitZone(page);
}

describe('picking on the sample', () => {
  it('a click at the centre of every enterprise plot and village opens the smallest feature there, and stepping reaches the plot or village', async () => {
    await restore(page);
    const canvas = page.locator('.maplibregl-canvas');
    const box = await canvas.boundingBox();
    const size = page.viewportSize()!;
    const wrong: string[] = [];
    let previous: string | null = null;
    let stepped = 0;
    for (const t of targets) {
      let pt = await project(page, t.centre);
      if (pt.x < 60 || pt.y < 120 || pt.x > box!.width - 60 || pt.y > box!.height - 40) {
        await jumpTo(page, t.centre);
        pt = await project(page, t.centre);
      }
      await page.mouse.click(box!.x + pt.x, box!.y + pt.y);
      const first = await selected(page, previous);
      const expected = t.under.map((u) => `${u.layer}#${u.index}`);
      if (first !== expected[0]) wrong.push(`${t.name}: first ${first}, expected ${expected[0]}`);
      // step with ▸ until the target itself is shown: as many steps as smaller features lie over it
      let now = first;
      const want = `${t.layer}#${t.index}`;
      let steps = 0;
      while (now !== want && steps < expected.length) {
        await page.click('[data-testid="pick-next"]');
        now = await selected(page, now);
        steps++;
      }
      stepped += steps;
      if (now !== want || steps !== expected.indexOf(want))
        wrong.push(`${t.name}: reached ${now} after ${steps} steps, expected ${expected.indexOf(want)}`);
      else if (!(await page.locator('[data-testid="inspector"]').textContent())!.includes(t.name))
        wrong.push(`${t.name}: the inspector does not name it`);
      previous = now;
    }
    expect(wrong).toEqual([]);
    // three villages have an enterprise plot over their centre (the fixture says which)
    expect(stepped).toBeGreaterThanOrEqual(3);
    expect(size.width).toBe(1440);
    expect(errors).toEqual([]);
    await clearSelection(page);
  }, 600_000);

  it('clicking the same place again steps to the next feature under it, and ] / [ step too', async () => {
    await restore(page);
    const t = targets.find((x) => x.name === '周楼村')!;
    expect(t.under.length).toBeGreaterThanOrEqual(3);
    // the enterprise plots' display data comes from the worker: on CI a first click came before it
    // was drawn and picked the park under the plot
    await mapIdle(page);
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const pt = await project(page, t.centre);
    const order = t.under.map((u) => `${u.layer}#${u.index}`);
    const seen: (string | null)[] = [];
    let prev: string | null = null;
    for (let i = 0; i < order.length + 1; i++) {
      await page.mouse.click(box.x + pt.x, box.y + pt.y);
      prev = await selected(page, prev);
      seen.push(prev);
    }
    expect(seen).toEqual([...order, order[0]]);
    expect(await page.locator('[data-testid="pick-position"]').textContent()).toBe(`1/${order.length}`);
    await page.keyboard.press(']');
    expect(await selected(page, order[0]!)).toBe(order[1]);
    await page.keyboard.press('[');
    expect(await selected(page, order[1]!)).toBe(order[0]);
    await page.screenshot({ path: `${OUTPUT_DIR}/map-pick-cycler.png` });
    await clearSelection(page);
  });
});

describe('labels and controls', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const size of SIZES)
      it(`${lang} ${size.width}×${size.height}: every label appears once, also at zoom 15`, async () => {
        await clearSelection(page);
        // the page as a fresh load at this size and language shows it: resized, in the language,
        // the zone fitted to the map
        await resizePage(page, size);
        await setLang(page, lang);
        await fitZone(page);
        // basic farmland starts hidden: shown here to see it over the zone's control part (on a
        // tablet-width page the layer list is a drawer, opened for this and closed again)
        const farmland = page.locator('[data-layer="farmland"] input[type="checkbox"]');
        expect(await farmland.isChecked()).toBe(false);
        const drawer = !(await page.locator('aside.left').isVisible());
        if (drawer) await page.click('[data-testid="toggle-left"]');
        await farmland.check();
        if (drawer) {
          await page.click('[data-testid="drawer-scrim"]', {
            position: { x: size.width - 20, y: size.height / 2 },
          });
          await expect.poll(() => page.locator('aside.left').isVisible()).toBe(false);
        }
        await mapIdle(page);
        await page.screenshot({ path: `${OUTPUT_DIR}/map-${lang}-${size.width}x${size.height}.png` });
        const overview = await repeatedLabels(page);
        expect(overview.repeated).toEqual({});
        expect(overview.all).toBeGreaterThan(8);
        // the names the issue saw two or three times at zoom 15
        for (const name of ['陈店村', '朱堰村', '宝城街道']) {
          const t = [...targets, ...towns].find((x) => x.name === name)!;
          await jumpTo(page, t.centre, 15);
          if (name === '陈店村')
            await page.screenshot({ path: `${OUTPUT_DIR}/map-${lang}-${size.width}x${size.height}-z15.png` });
          const r = await repeatedLabels(page);
          expect(r.repeated).toEqual({});
          const labels = await page.evaluate(() => (window as unknown as TestWindow).__zonemapTest.labels());
          expect(labels.filter((l) => l.name === name)).toHaveLength(1);
        }
        expect(errors).toEqual([]);
        // the farmland hidden again (through the drawer on a tablet-width page); the size, language
        // and view are set by each test for itself
        if (drawer) await page.click('[data-testid="toggle-left"]');
        await farmland.uncheck();
        if (drawer) {
          await page.click('[data-testid="drawer-scrim"]', {
            position: { x: size.width - 20, y: size.height / 2 },
          });
          await expect.poll(() => page.locator('aside.left').isVisible()).toBe(false);
        }
        await mapIdle(page);
      });

  it('the zoom and compass buttons speak the page language and switch with it', async () => {
    await setLang(page, 'zh');
    const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
    expect(await zoomIn.getAttribute('title')).toBe('放大');
    expect(await page.locator('.maplibregl-ctrl-compass').getAttribute('title')).toContain('正北');
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom in');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('Zoom out');
    expect(await page.locator('.maplibregl-ctrl-zoom-in')).toBeTruthy();
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('放大');
  });

  it('raised no error in the page through all of the above', () => {
    expect(errors).toEqual([]);
  });
});
