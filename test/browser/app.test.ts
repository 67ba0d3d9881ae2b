import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  countColors,
  mapIdle,
  openApp,
  OUTPUT_DIR,
  startHarness,
  withOnly,
  type Harness,
} from './harness.ts';

// Expected screen colours: the style's fills composited over the plain background by hand
// (alpha · fill + (1 − alpha) · background), so a blank or wrongly styled canvas fails.
const BACKGROUND: [number, number, number] = [0xf4, 0xf1, 0xea];
const blend = (hex: string, alpha: number): [number, number, number] => {
  const n = parseInt(hex.slice(1), 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return c.map((v, i) => Math.round(alpha * v + (1 - alpha) * BACKGROUND[i]!)) as [number, number, number];
};
const ZONE_PIXELS = {
  plannedLine: [0xd7, 0x19, 0x1c] as [number, number, number],
  built: blend('#e8665a', 0.55),
  development: blend('#f3b443', 0.55),
};

async function setLayer(page: Page, layerId: string, on: boolean): Promise<void> {
  const box = page.locator(`[data-layer="${layerId}"] input[type="checkbox"]`);
  if ((await box.isChecked()) !== on) await box.click();
}

let h: Harness;
// One page for the file: each test leaves the page as it found it (withOnly puts the layers back),
// so the tests run in any order but load the app once (a load is seconds of CPU).
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h));
});
afterAll(async () => {
  await h?.close();
});

describe('the app on the sample project', () => {
  it('the statistics panel reads the planned area 8.5133 km² with the ellipsoidal method named', async () => {
    const row = page.locator('[data-testid="row-planned"]');
    await expect.poll(() => row.locator('td.km2').textContent()).toBe('8.5133');
    expect(await page.locator('[data-testid="row-built"] td.km2').textContent()).toBe('3.7000');
    expect(await page.locator('[data-testid="row-development"] td.km2').textContent()).toBe('1.8133');
    expect(await page.locator('[data-testid="row-control"] td.km2').textContent()).toBe('3.0000');
    // 8 513 300 m² ÷ (2000/3 m²/亩) = 12 769.95 亩
    expect(await row.locator('td').nth(1).textContent()).toBe('12,770');
    expect(await page.locator('[data-testid="method-note"]').textContent()).toContain('椭球面积');
  });

  it('asks WebGL for multisampling only on a GPU: this Chromium draws with SwiftShader, so not here', async () => {
    const gl = await page.evaluate(() => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      const ctx = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const info = ctx.getExtension('WEBGL_debug_renderer_info');
      return {
        renderer: String(ctx.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : ctx.RENDERER)),
        antialias: ctx.getContextAttributes()?.antialias,
        preserve: ctx.getContextAttributes()?.preserveDrawingBuffer,
      };
    });
    expect(gl.renderer).toMatch(/SwiftShader/i);
    expect(gl.antialias).toBe(false);
    // kept: the exports read the canvas between frames
    expect(gl.preserve).toBe(true);
  });

  it('draws the zone: its colours are on the canvas and the screenshot is saved', async () => {
    await page.screenshot({ path: `${OUTPUT_DIR}/app-zh.png` });
    await withOnly(page, ['zones'], async () => {
      const px = await countColors(page, ZONE_PIXELS, 24);
      await page.screenshot({ path: `${OUTPUT_DIR}/zones-only.png` });
      expect(px.plannedLine).toBeGreaterThan(500);
      expect(px.built).toBeGreaterThan(5000);
      expect(px.development).toBeGreaterThan(2000);
    });
  });

  it('switching the zone layer off removes its pixels', async () => {
    await withOnly(page, ['zones'], async () => {
      const before = await countColors(page, ZONE_PIXELS, 24);
      await setLayer(page, 'zones', false);
      await mapIdle(page);
      const after = await countColors(page, ZONE_PIXELS, 24);
      expect(before.built).toBeGreaterThan(5000);
      expect(after.built).toBeLessThan(before.built / 20);
      expect(after.plannedLine).toBeLessThan(before.plannedLine / 20);
    });
  });

  it('clicking a village opens its properties in the inspector', async () => {
    const villages = JSON.parse(readFileSync('data/luoshan/villages.geojson', 'utf8')) as {
      features: {
        properties: Record<string, unknown>;
        geometry: { type: string; coordinates: number[][][] | number[][][][] };
      }[];
    };
    const first = villages.features[0]!;
    const ring = (
      first.geometry.type === 'MultiPolygon'
        ? (first.geometry.coordinates as number[][][][])[0]![0]!
        : (first.geometry.coordinates as number[][][])[0]!
    ) as number[][];
    // vertex average of the ring: the sample's villages are compact blobs, so it lies inside
    const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    await withOnly(page, ['villages'], async () => {
      const pt = await page.evaluate(
        ([lon, lat]) =>
          (
            window as unknown as {
              __zonemapTest: { project(l: [number, number]): { x: number; y: number } };
            }
          ).__zonemapTest.project([lon!, lat!]),
        [lon, lat],
      );
      await page.locator('.maplibregl-canvas').click({ position: { x: pt.x, y: pt.y } });
      const inspector = page.locator('[data-testid="inspector"]');
      await expect.poll(() => inspector.textContent()).toContain(String(first.properties['名称']));
      // its ellipsoidal area, by GeographicLib (Python) on the CGCS2000 ellipsoid: 1 450 286.06 m² = 2 175 亩
      expect(first.properties['名称']).toBe('胡湾村');
      // measured in the analysis worker: it arrives a moment after the properties
      await expect
        .poll(() => page.locator('[data-testid="feature-measure"]').textContent())
        .toContain('2,175 亩 · 1.4503');
      await page.screenshot({ path: `${OUTPUT_DIR}/village-inspector.png` });
      await page.keyboard.press('Escape');
    });
  });

  it('switches to English and back', async () => {
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.locator('.app-name').textContent()).toBe('Industrial Cluster Zone Map');
    expect(await page.locator('[data-testid="method-note"]').textContent()).toContain('Ellipsoidal');
    await page.screenshot({ path: `${OUTPUT_DIR}/app-en.png` });
    await page.click('[data-testid="lang-switch"]');
    await expect.poll(() => page.locator('.app-name').textContent()).toBe('产业集聚区一张图');
  });

  it('raised no error in the page through all of the above', () => {
    expect(errors).toEqual([]);
  });
});
