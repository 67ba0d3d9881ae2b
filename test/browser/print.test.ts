// Issue 12, print: the legend, north arrow and scale bar on the map itself; the view as PNG at 2×
// and 4×; a PDF sheet whose pages poppler (pdftotext, pdftoppm) reads back with the Chinese title,
// the legend and the scale. Needs poppler-utils (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, onlyLayers, OUTPUT_DIR, sharePage } from './harness.ts';

// One page for the file (opening the app is most of a test's time here): each test sets the layers
// it needs, and after it the layers, the legend and the camera are put back as they were, so the
// tests run in any order; the errors the page raised are checked after each test.
let page: Page;
sharePage(
  (s) => {
    ({ page } = s);
  },
  {
    cleanUp: async (page) => {
      if (!(await page.locator('[data-testid="map-legend"] [data-legend-layer]').count()))
        await page.click('.zm-legend-heading');
    },
    checkErrors: true,
  },
);

// GeographicLib (Python: Geodesic(6378137, 1/298.257222101).Inverse(lat, 114, lat, 114.01)), metres:
// the ground length of 0.01° of longitude at each latitude.
const GEODESIC_001_DEG = { 32.17: 943.1837820886248, 45: 788.4683504462863 } as const;

const SHOWN = ['zones', 'parks', 'roads', 'villages', 'farmland', 'redline', 'enterprises'];

async function legendLayers(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="map-legend"] [data-legend-layer]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-legend-layer')!));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [v.getUint32(16), v.getUint32(20)];
}

/** Pixels of a PNG file near each colour, decoded by the browser (RGB distance ≤ tol). */
async function pngColors<K extends string>(
  page: Page,
  file: string,
  colors: Record<K, [number, number, number]>,
  region?: { x0: number; y0: number; x1: number; y1: number },
  tol = 60,
): Promise<Record<K, number> & { width: number; height: number }> {
  const b64 = readFileSync(file).toString('base64');
  return page.evaluate(
    async ({ b64, colors, region, tol }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const r = region ?? { x0: 0, y0: 0, x1: 1, y1: 1 };
      const x0 = Math.floor(r.x0 * c.width);
      const y0 = Math.floor(r.y0 * c.height);
      const w = Math.max(1, Math.floor((r.x1 - r.x0) * c.width));
      const hgt = Math.max(1, Math.floor((r.y1 - r.y0) * c.height));
      const data = ctx.getImageData(x0, y0, w, hgt).data;
      const out: Record<string, number> = { width: img.width, height: img.height };
      for (const k of Object.keys(colors)) out[k] = 0;
      for (let i = 0; i < data.length; i += 4)
        for (const [k, [cr, cg, cb]] of Object.entries(colors))
          if (Math.abs(data[i]! - cr) + Math.abs(data[i + 1]! - cg) + Math.abs(data[i + 2]! - cb) <= tol)
            out[k]!++;
      return out;
    },
    { b64, colors: colors as Record<string, [number, number, number]>, region, tol },
  ) as Promise<Record<K, number> & { width: number; height: number }>;
}

async function runPrint(
  page: Page,
  choose: Record<string, string>,
  file: string,
  timeout = 60_000,
): Promise<Uint8Array> {
  await page.click('[data-testid="print-button"]');
  for (const [testid, value] of Object.entries(choose))
    await page.selectOption(`[data-testid="${testid}"]`, value);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.click('[data-testid="print-run"]'),
  ]);
  await download.saveAs(file);
  await page.waitForSelector('[data-testid="print-dialog"]', { state: 'detached' });
  return new Uint8Array(readFileSync(file));
}

describe('the map’s legend, north arrow and scale bar', () => {
  it('lists only the visible layers, with their symbols, and follows a layer switched off', async () => {
    await onlyLayers(page, SHOWN);
    expect((await legendLayers(page)).sort()).toEqual([...SHOWN].sort());
    // the zone's four categories, control hatched; the text is the catalogue's
    const zone = page.locator('[data-legend-layer="zones"]');
    expect(await zone.locator('.zm-legend-entry').allTextContents()).toEqual([
      '规划区',
      '建成区',
      '发展区',
      '控制区',
    ]);
    expect(await page.locator('[data-testid="north-arrow"]').isVisible()).toBe(true);
    await page.screenshot({ path: `${OUTPUT_DIR}/print-legend-on-map.png` });
    // the legend's control swatch is drawn from the hatch tile: green lines over a pale ground
    const swatch = await zone
      .locator('canvas')
      .nth(3)
      .evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let green = 0;
        let pale = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3]! > 200 && d[i + 1]! > d[i]! + 30) green++;
          else if (d[i + 3]! < 120) pale++;
        }
        return { green, pale };
      });
    expect(swatch.green).toBeGreaterThan(20);
    expect(swatch.pale).toBeGreaterThan(20);

    await page.locator('[data-layer="roads"] input[type="checkbox"]').click();
    await mapIdle(page);
    expect((await legendLayers(page)).sort()).toEqual(SHOWN.filter((l) => l !== 'roads').sort());
    // folded to its heading and back
    await page.click('.zm-legend-heading');
    expect(await legendLayers(page)).toEqual([]);
    await page.click('.zm-legend-heading');
    expect((await legendLayers(page)).length).toBe(SHOWN.length - 1);
  });
});

describe('print-quality export', () => {
  it('saves the view as PNG at 2× and 4× the map’s CSS size, with the legend drawn on it', async () => {
    await onlyLayers(page, SHOWN);
    const css = await page.evaluate(() => {
      const c = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      return [c.clientWidth, c.clientHeight];
    });
    for (const ratio of [2, 4]) {
      const file = `${OUTPUT_DIR}/print-view@${ratio}x.png`;
      const bytes = await runPrint(page, { 'print-format': `png${ratio}` }, file);
      expect(pngSize(bytes)).toEqual([css[0]! * ratio, css[1]! * ratio]);
      // the planned boundary's red on the map, and the legend's white box in the bottom right
      const c = await pngColors(
        page,
        file,
        { red: [215, 25, 28], white: [255, 255, 255] },
        {
          x0: 0.8,
          y0: 0.6,
          x1: 1,
          y1: 1,
        },
      );
      expect(c.white).toBeGreaterThan(1000 * ratio * ratio);
      const all = await pngColors(page, file, { red: [215, 25, 28] });
      expect(all.red).toBeGreaterThan(200 * ratio * ratio);
    }
    // the screen's own canvas went back to its pixel ratio
    expect(
      await page.evaluate(() => (document.querySelector('.maplibregl-canvas') as HTMLCanvasElement).width),
    ).toBe(css[0]);
  });

  it('makes a PDF drawing with the Chinese title, the legend and the scale, A4 landscape and A3 portrait', async () => {
    await onlyLayers(page, SHOWN);
    const title = await page.evaluate(() => document.querySelector('.project-name')!.textContent!);
    for (const [paper, orientation, size] of [
      ['A4', 'landscape', [842, 595]],
      ['A3', 'portrait', [842, 1191]],
    ] as const) {
      const file = `${OUTPUT_DIR}/print-${paper}-${orientation}.pdf`;
      const bytes = await runPrint(
        page,
        { 'print-format': 'pdf', 'print-paper': paper, 'print-orientation': orientation },
        file,
      );
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pageSize = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect([Math.round(Number(pageSize[1])), Math.round(Number(pageSize[2]))]).toEqual(size);
      // the font is embedded (a subset), so the words are text a reader can find
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSansCJKsc\S*\s+CID TrueType\s+Identity-H\s+yes/);
      // only the glyphs used: the bundled font is 2 MB; the sheet less its map image is far less
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
      const imageKB = [...images.matchAll(/\s(\d+)K\s+[\d.]+%/g)].reduce((n, m) => n + Number(m[1]), 0);
      expect(imageKB).toBeGreaterThan(100);
      expect(bytes.length - imageKB * 1024).toBeLessThan(400_000);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain(`${title}规划图`);
      for (const word of [
        '图例',
        '比例尺',
        '出图日期',
        '数据来源',
        '面积算法',
        '椭球面积',
        '规划区',
        '控制区',
        '基本农田',
      ])
        expect(text, word).toContain(word);
      expect(text).toMatch(/比例尺 1:[\d ]+/);
      expect(text).not.toContain('\uFFFD');
      // the page as pixels: the map's red boundary, and ink in the panel where the scale bar is
      const png = `${OUTPUT_DIR}/print-${paper}-${orientation}`;
      execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', file, png]);
      const c = await pngColors(page, `${png}.png`, { red: [215, 25, 28], black: [26, 26, 26] });
      expect(c.red).toBeGreaterThan(300);
      expect(c.black).toBeGreaterThan(3000);
    }
  });
});

const SLIDES_TIMEOUT = 240_000;

describe('printing the presentation', () => {
  const slides = (
    JSON.parse(readFileSync('data/luoshan/zonemap.json', 'utf8')) as {
      presentation: { slides: { title: string; camera: { center: [number, number]; zoom: number } }[] };
    }
  ).presentation.slides;

  it(
    'prints every slide of the sample: one PDF sheet per slide titled as the slide, and one PNG each',
    async () => {
      expect(slides.length).toBeGreaterThanOrEqual(8);
      const before = await page.evaluate(() =>
        (
          window as unknown as { __zonemapTest: { camera(): { center: [number, number] } } }
        ).__zonemapTest.camera(),
      );
      const file = `${OUTPUT_DIR}/print-slides-A4.pdf`;
      // Eight sheets, each drawn at the paper's density by software WebGL: 25–40 s alone, 135 s seen
      // with two browser files and two other jobs on the two cores (the 60 s of one view failed).
      await runPrint(
        page,
        { 'print-pages': 'slides', 'print-format': 'pdf', 'print-paper': 'A4' },
        file,
        SLIDES_TIMEOUT,
      );
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(slides.length);
      for (const [i, s] of slides.entries()) {
        const text = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
          encoding: 'utf8',
        });
        expect(text.replace(/\s+/g, ''), `sheet ${i + 1}`).toContain(s.title.replace(/\s+/g, ''));
      }
      // the third sheet as pixels, to look at
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '3',
        '-l',
        '3',
        '-singlefile',
        file,
        `${OUTPUT_DIR}/print-slide-3`,
      ]);

      const zipFile = `${OUTPUT_DIR}/print-slides@2x.zip`;
      const zip = await runPrint(
        page,
        { 'print-pages': 'slides', 'print-format': 'png2' },
        zipFile,
        SLIDES_TIMEOUT,
      );
      const { unzipSync } = await import('fflate');
      const entries = Object.entries(unzipSync(zip)).sort(([a], [b]) => a.localeCompare(b));
      expect(entries.map(([name]) => name.replace(/@2x\.png$/, ''))).toEqual(
        slides.map((s, i) => `${String(i + 1).padStart(2, '0')}-${s.title.replace(/[\\/:*?"<>|]/g, '_')}`),
      );
      const canvas = await page.locator('.maplibregl-canvas').boundingBox();
      for (const [, png] of entries) {
        // PNG header: width and height at bytes 16–23
        const view = new DataView(png.buffer, png.byteOffset);
        expect(view.getUint32(16)).toBe(Math.round(canvas!.width) * 2);
        expect(view.getUint32(20)).toBe(Math.round(canvas!.height) * 2);
      }
      // the map is back where it was
      const after = await page.evaluate(() =>
        (
          window as unknown as { __zonemapTest: { camera(): { center: [number, number] } } }
        ).__zonemapTest.camera(),
      );
      expect(after.center[0]).toBeCloseTo(before.center[0], 6);
      expect(after.center[1]).toBeCloseTo(before.center[1], 6);
    },
    2 * SLIDES_TIMEOUT + 60_000,
  );
});

describe('the scale bar', () => {
  it('has a bar whose length agrees with the geodesic scale at 32.17° and at 45°', async () => {
    for (const [lat, metres001] of Object.entries(GEODESIC_001_DEG)) {
      for (const zoom of [11.3, 14]) {
        await page.evaluate(
          ([lat, zoom]) =>
            (window as unknown as { __zonemapTest: { jumpTo(o: object): void } }).__zonemapTest.jumpTo({
              center: [114, lat],
              zoom,
              bearing: 0,
              pitch: 0,
            }),
          [Number(lat), zoom],
        );
        await mapIdle(page);
        const { width, label } = await page.evaluate(() => {
          const bar = document.querySelector('.zm-scale-bar')!;
          return {
            width: bar.getBoundingClientRect().width,
            label: document.querySelector('.zm-scale-label')!.textContent!,
          };
        });
        const m = /^([\d.]+) (m|km)$/.exec(label);
        expect(m, label).not.toBeNull();
        const shown = Number(m![1]) * (m![2] === 'km' ? 1000 : 1);
        // a 512·2^z px world: 0.01° of longitude is this many CSS pixels
        const px001 = (0.01 / 360) * 512 * 2 ** zoom;
        const expected = (width * metres001) / px001;
        expect(
          Math.abs(shown - expected) / expected,
          `${lat}° z${zoom}: ${label} over ${width} px`,
        ).toBeLessThan(0.002);
        expect(width).toBeGreaterThan(40);
        expect(width).toBeLessThanOrEqual(120);
      }
    }
    await page.screenshot({ path: `${OUTPUT_DIR}/print-scale-45.png` });
  });
});
