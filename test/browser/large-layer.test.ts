// A county-sized land-use layer (more than 20 000 parcels) is drawn from the tile worker: an image
// below zoom 13, vector tiles from 13 on. The two must show the same parcels in the same colours,
// a click must open the parcel under it in the inspector at either zoom, and reloads must draw it
// again (issue 13: 300 000 parcels drawn in seconds, not MapLibre's half a minute of tiling).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CODES, generate, NAMES, parcelCentre } from '../../bench/large-geojson.ts';
import { landUseColor } from '../../src/map/landuse-colors.ts';
import {
  addImport,
  clearSelection,
  layerDrawn,
  mapPixelsAt,
  mapIdle,
  onlyLayers,
  OUTPUT_DIR,
  saved,
  sharePage,
} from './harness.ts';

const N = 25_000;
const SIDE = Math.ceil(Math.sqrt(N));
const ID = 'county-parcels';
const centre = (i: number) => parcelCentre(i, N);

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

let page: Page;
let errors: string[];
sharePage(
  (s) => {
    ({ page, errors } = s);
  },
  { checkErrors: true },
);

type Hook = import('../../src/map/test-hook.ts').MapTestHook;

/** Moves the camera; waits for the layer's parcels unless the view is off them. */
async function jump(center: [number, number], zoom: number, offLayer = false): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      (window as unknown as { __zonemapTest: Hook }).__zonemapTest.jumpTo({ center, zoom }),
    { center, zoom },
  );
  if (offLayer) await mapIdle(page);
  else await layerDrawn(page, ID, 60_000);
}

/** The pixel colours in a small square around a coordinate, read from the map's canvas. */
/** The map's pixel at a coordinate. */
async function pixelAt(lonLat: [number, number]): Promise<[number, number, number]> {
  return (await mapPixelsAt(page, [lonLat]))[0]!;
}

/**
 * For the parcels of a block around parcel `i`, whether the pixel at each centre is nearest to its
 * own class colour (of the eight, blended at the layer's 0.85 over the background): the share that is.
 */
async function centresRight(i: number, half: number, background: [number, number, number]): Promise<number> {
  const parcels: { at: [number, number]; cls: number }[] = [];
  for (let dy = -half; dy <= half; dy++)
    for (let dx = -half; dx <= half; dx++) {
      const k = i + dy * SIDE + dx;
      parcels.push({ at: centre(k), cls: k % 8 });
    }
  const colors = CODES.map((c, k) =>
    rgb(landUseColor(c, NAMES[k], 'sandiao')).map((v, j) => 0.85 * v + 0.15 * background[j]!),
  );
  const pixels = await mapPixelsAt(
    page,
    parcels.map((p) => p.at),
  );
  let right = 0;
  pixels.forEach((d, n) => {
    let best = -1;
    let bestD = Infinity;
    colors.forEach((c, j) => {
      const dist = Math.abs(d[0] - c[0]!) + Math.abs(d[1] - c[1]!) + Math.abs(d[2] - c[2]!);
      if (dist < bestD) [best, bestD] = [j, dist];
    });
    if (best === parcels[n]!.cls) right++;
  });
  return right / parcels.length;
}

/** Clicks the map at a coordinate; resolves to the inspector's text once it shows a feature. */
async function clickAt(lonLat: [number, number]): Promise<void> {
  const pt = await page.evaluate(
    (l) => (window as unknown as { __zonemapTest: Hook }).__zonemapTest.project(l),
    lonLat,
  );
  await page.locator('.maplibregl-canvas').click({ position: { x: pt.x, y: pt.y } });
}

const selectedText = () =>
  page
    .locator('[data-testid="inspector"][data-selected]')
    .textContent({ timeout: 500 })
    .catch(() => '');

/** Imports the generated parcels as land use through the file input. */
async function importParcels(): Promise<void> {
  const file = join(tmpdir(), `${ID}.geojson`);
  writeFileSync(file, generate(N));
  await page.setInputFiles('[data-testid="import-input"]', file);
  await page.waitForSelector('[data-testid="import-summary"]', { timeout: 60_000 });
  await page.selectOption('[data-testid="import-role"]', 'landuse');
  await addImport(page);
  await page.waitForSelector(`[data-layer="${ID}"]`, { timeout: 60_000 });
}

const bsm = (i: number) => `4115212${String(i).padStart(9, '0')}`;

describe('a county-wide land-use layer drawn as tiles', () => {
  it('shows the same parcels in the same colours as an image below zoom 13 and as features from 13; a click opens the parcel at either', async () => {
    await importParcels();
    await onlyLayers(page, [ID]);
    // the background, outside the parcels
    await jump([114.2, 31.9], 12.6, true);
    const background = await pixelAt([114.2, 31.9]);

    // parcel 80 rows up and 80 across: 80·159 + 80 = 12 800, class 12 800 mod 8 = 0 (0101 水田)
    const i = 80 * SIDE + 80;
    const c = i % 8;
    const want = rgb(landUseColor(CODES[c], NAMES[c], 'sandiao')).map(
      (v, k) => 0.85 * v + 0.15 * background[k]!,
    );
    const near = (px: [number, number, number]) => px.reduce((d, v, k) => d + Math.abs(v - want[k]!), 0);

    await jump(centre(i), 12.95);
    const hook = () =>
      page.evaluate(() => {
        const t = (window as unknown as { __zonemapTest: Hook }).__zonemapTest;
        return { drawn: t.drawnFeatures('county-parcels'), as: t.drawnAs('county-parcels') };
      });
    // an image (MapLibre holds no parcel feature below zoom 13), of more than a thousand parcels
    expect((await hook()).as).toBe('image');
    expect((await hook()).drawn).toBeGreaterThan(1000);
    expect(near(await pixelAt(centre(i)))).toBeLessThan(30);
    expect(await centresRight(i, 5, background)).toBeGreaterThan(0.95);
    await page.screenshot({ path: `${OUTPUT_DIR}/large-layer-image.png` });

    await jump(centre(i), 13.05);
    expect((await hook()).as).toBe('features');
    expect(near(await pixelAt(centre(i)))).toBeLessThan(30);
    expect(await centresRight(i, 5, background)).toBeGreaterThan(0.95);
    await page.screenshot({ path: `${OUTPUT_DIR}/large-layer-features.png` });
    // a click opens the parcel under it: from the features at 13.05, from the tile worker at 12.6
    await clickAt(centre(i));
    await expect.poll(selectedText).toContain(bsm(i));
    await clearSelection(page);
    await jump(centre(i + 1), 12.6);
    await clickAt(centre(i + 1));
    await expect.poll(selectedText).toContain(bsm(i + 1));
    await clearSelection(page);
    // outside the parcels nothing is picked (the tile worker's answer has come when the map is idle again)
    const off: [number, number] = [centre(0)[0] - 0.01, centre(0)[1] - 0.01];
    await jump(off, 12.6, true);
    await clickAt(off);
    await page.waitForTimeout(1000);
    await mapIdle(page);
    expect(await page.locator('[data-testid="inspector"][data-selected]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('comes back drawn after a reload, and Ctrl+Z then takes the import back (its undo entry was saved by reference)', async () => {
    await importParcels();
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector(`[data-layer="${ID}"]`, { timeout: 60_000 });
    // land use opens hidden, as the sample's does; shown with its box (an undo step of its own)
    await page.locator(`[data-layer="${ID}"] input[type="checkbox"]`).check();
    await jump(centre(100), 12);
    expect(
      await page.evaluate(
        (id) => (window as unknown as { __zonemapTest: Hook }).__zonemapTest.drawnAs(id),
        ID,
      ),
    ).toBe('image');
    // the undo history read back: the entry that added the layer is there, with the layer in it
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator(`[data-layer="${ID}"] input[type="checkbox"]`).isChecked())
      .toBe(false);
    await page.keyboard.press('Control+z');
    await page.waitForSelector(`[data-layer="${ID}"]`, { state: 'detached', timeout: 30_000 });
    await page.keyboard.press('Control+y');
    await page.waitForSelector(`[data-layer="${ID}"]`, { timeout: 30_000 });
    await page.keyboard.press('Control+y');
    await expect
      .poll(() => page.locator(`[data-layer="${ID}"] input[type="checkbox"]`).isChecked())
      .toBe(true);
    await jump(centre(101), 12);
    expect(
      await page.evaluate(
        (id) => (window as unknown as { __zonemapTest: Hook }).__zonemapTest.drawnAs(id),
        ID,
      ),
    ).toBe('image');
    await saved(page);
    expect(errors).toEqual([]);
  });
});
