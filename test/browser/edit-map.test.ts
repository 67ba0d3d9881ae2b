// Editing a zone boundary on the map with real pointer events (page.mouse down/move/up at the
// screen positions of vertices, from the map's own projection): a shared vertex dragged onto a
// village boundary vertex snaps exactly onto it and moves in every part that holds it, the
// statistics panel shows the areas GeographicLib gives for the new polygons
// (test/fixtures/edit/browser/make-expected.py), one Ctrl+Z restores everything exactly, Alt
// turns snapping off, and a drag that makes the outline cross itself is refused with the reason.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openApp, OUTPUT_DIR, startHarness, type Harness } from './harness.ts';

interface Expected {
  vertex: [number, number];
  target: [number, number];
  village: string;
  moved_parts: string[];
  before_km2: Record<string, string>;
  after_km2: Record<string, string>;
}
const E = JSON.parse(readFileSync('test/fixtures/edit/browser/expected.json', 'utf8')) as Expected;

type Geometry = { type: 'Polygon'; coordinates: number[][][] };
type Hook = {
  project(l: [number, number]): { x: number; y: number };
  jumpTo(o: { center: [number, number]; zoom?: number }): void;
  geometry(layer: string, id: string | number): Geometry | null;
};
const hook = (page: Page) => page.evaluate.bind(page);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// the sample's zone layer: features 0–3 are the planned, built, development and control parts
const PARTS: Record<string, number> = { planned: 0, built: 1, development: 2, control: 3 };

async function screen(page: Page, at: [number, number]): Promise<{ x: number; y: number }> {
  const p = await hook(page)(
    (at) => (window as unknown as { __zonemapTest: Hook }).__zonemapTest.project(at),
    at,
  );
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

async function geometries(page: Page): Promise<Record<string, Geometry>> {
  return hook(page)((parts) => {
    const t = (window as unknown as { __zonemapTest: Hook }).__zonemapTest;
    return Object.fromEntries(Object.entries(parts).map(([k, id]) => [k, t.geometry('zones', id)!]));
  }, PARTS);
}

const km2 = (page: Page, part: string) => page.locator(`[data-testid="row-${part}"] td.km2`).textContent();

async function figures(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const k of Object.keys(PARTS)) out[k] = await km2(page, k);
  return out;
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, shot?: string) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 8;
  for (let i = 1; i <= steps; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  if (shot) {
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUTPUT_DIR}/${shot}` });
  }
  await page.mouse.up();
}

const hasVertex = (g: Geometry, p: [number, number]) =>
  g.coordinates[0]!.some((q) => q[0] === p[0] && q[1] === p[1]);

// One page for the steps below, in order (opening the app is most of a test's time here); each
// step leaves the project as it found it, checked exactly.
let page: Page;
let errors: string[];
let original: Record<string, Geometry>;
let v: { x: number; y: number };
let t: { x: number; y: number };

describe('editing a zone boundary on the map', () => {
  beforeAll(async () => {
    ({ page, errors } = await openApp(h));
    original = await geometries(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('a shared vertex dragged onto a village vertex snaps onto it, moves in every part, and the panel shows the new areas; one Ctrl+Z restores', async () => {
    expect(await figures(page)).toEqual(E.before_km2);
    for (const k of E.moved_parts) expect(hasVertex(original[k]!, E.vertex)).toBe(true);

    await page.click('[data-testid="edit-toggle"]');
    await page.waitForSelector('[data-testid="edit-tools"]');
    await hook(page)(
      (c) => (window as unknown as { __zonemapTest: Hook }).__zonemapTest.jumpTo({ center: c, zoom: 17 }),
      E.vertex,
    );
    await mapIdle(page);

    // select a part that holds the vertex by clicking just inside it, then drag the vertex
    v = await screen(page, E.vertex);
    t = await screen(page, E.target);
    await page.mouse.click(v.x + (t.x - v.x) * 0.05 - 3, v.y + 6);
    await page.waitForTimeout(300);
    await drag(page, v, { x: t.x + 2, y: t.y + 1 }, 'edit-snapping.png');

    await expect.poll(() => figures(page), { timeout: 30_000 }).toEqual(E.after_km2);
    const moved = await geometries(page);
    for (const k of E.moved_parts) {
      // exactly the village's vertex, in every part that shared the dragged one
      expect(hasVertex(moved[k]!, E.target)).toBe(true);
      expect(hasVertex(moved[k]!, E.vertex)).toBe(false);
    }
    expect(moved.development).toEqual(original.development);
    expect(E.moved_parts.length).toBeGreaterThanOrEqual(2);

    // one drag is one history entry: one Ctrl+Z gives back every part exactly
    await page.keyboard.press('Control+z');
    await expect.poll(() => figures(page), { timeout: 30_000 }).toEqual(E.before_km2);
    expect(await geometries(page)).toEqual(original);
    await page.keyboard.press('Control+y');
    await expect.poll(() => figures(page), { timeout: 30_000 }).toEqual(E.after_km2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => figures(page), { timeout: 30_000 }).toEqual(E.before_km2);
    await mapIdle(page);
  });

  it('with Alt held the vertex lands where the pointer let go', async () => {
    // with Alt held the vertex lands where the pointer let go, not on the village vertex
    const mid = { x: (v.x + t.x) / 2 + 2, y: (v.y + t.y) / 2 + 1 };
    const midLonLat = await hook(page)(
      (p) =>
        (
          window as unknown as { __zonemapTest: { unproject(p: object): [number, number] } }
        ).__zonemapTest.unproject(p),
      {
        x: mid.x - (await page.locator('.maplibregl-canvas').boundingBox())!.x,
        y: mid.y - (await page.locator('.maplibregl-canvas').boundingBox())!.y,
      },
    );
    await page.keyboard.down('Alt');
    await drag(page, v, mid);
    await page.keyboard.up('Alt');
    await expect
      .poll(async () => (await geometries(page)).built, { timeout: 30_000 })
      .not.toEqual(original.built);
    const free = await geometries(page);
    const landed = free.built!.coordinates[0]!.find(
      (q) => !original.built!.coordinates[0]!.some((o) => o[0] === q[0] && o[1] === q[1]),
    )!;
    expect(Math.abs(landed[0]! - midLonLat[0])).toBeLessThan(1e-7);
    expect(Math.abs(landed[1]! - midLonLat[1])).toBeLessThan(1e-7);
    for (const k of E.moved_parts) expect(hasVertex(free[k]!, landed as [number, number])).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => geometries(page), { timeout: 30_000 }).toEqual(original);
    await mapIdle(page);
  });

  it('a drag that makes the outline cross itself is refused with the reason shown', async () => {
    // a drag across the whole zone makes the outline cross itself: refused, with the reason shown
    await hook(page)(
      (c) => (window as unknown as { __zonemapTest: Hook }).__zonemapTest.jumpTo({ center: c, zoom: 13 }),
      [114.5306, 32.1794] as [number, number],
    );
    await mapIdle(page);
    const far = await screen(page, E.vertex);
    // outside the planned area on its far (south-west) side: the new edges must cross the outline
    const west = await screen(page, [114.509, 32.163]);
    await page.keyboard.down('Alt');
    await drag(page, far, west);
    await page.keyboard.up('Alt');
    const message = page.locator('[data-testid="edit-message"][data-kind="refused"]');
    await message.waitFor({ timeout: 30_000 });
    expect(await message.getAttribute('data-code')).toBe('self-intersection');
    expect(await message.textContent()).toContain('自相交');
    await page.screenshot({ path: `${OUTPUT_DIR}/edit-refused.png` });
    expect(await geometries(page)).toEqual(original);
    expect(await figures(page)).toEqual(E.before_km2);

    // Esc leaves the tool; the toggle leaves the edit mode
    await page.keyboard.press('Escape');
    await page.click('[data-testid="edit-toggle"]');
    await expect.poll(() => page.locator('[data-testid="edit-tools"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
