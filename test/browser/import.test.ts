import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addImport, onlyLayers, OUTPUT_DIR, sharePage } from './harness.ts';

const FIXTURES = 'test/fixtures/browser';

// One page for the file (a load of the app is seconds of CPU): after each test the layer it
// imported is removed again, the dialog closed, the other layers and the camera put back, so the
// tests run in any order; the errors the page raised are checked in the last test.
let page: Page;
let errors: string[];
sharePage((s) => {
  ({ page, errors } = s);
});

async function importFile(page: Page, path: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', path);
  await page.waitForSelector('[data-testid="import-dialog"]');
}

/** Clicks the map at a longitude/latitude and returns the inspector's text. */
async function inspectAt(page: Page, lon: number, lat: number): Promise<string> {
  const pt = await page.evaluate(
    ([lon, lat]) =>
      (
        window as unknown as { __zonemapTest: { project(l: [number, number]): { x: number; y: number } } }
      ).__zonemapTest.project([lon!, lat!]),
    [lon, lat],
  );
  await page.locator('.maplibregl-canvas').click({ position: { x: pt.x, y: pt.y } });
  return (await page.locator('[data-testid="inspector"]').textContent()) ?? '';
}

describe('importing through the real file input', () => {
  it('a zipped Shapefile in CGCS2000 Gauss-Kruger (EPSG:4547, GBK names) lands at the right place', async () => {
    await importFile(page, `${FIXTURES}/parcels-4547.zip`);
    const summary = page.locator('[data-testid="import-summary"]');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('EPSG:4547');
    expect(await summary.textContent()).toMatch(/^2 /);
    await page.screenshot({ path: `${OUTPUT_DIR}/import-shapefile-dialog.png` });
    await addImport(page);
    await page.waitForSelector('[data-layer="parcels-4547"]');
    await onlyLayers(page, ['parcels-4547']);
    // The fixture was made by ogr2ogr from lon/lat squares; the centre of the first is 114.524, 32.178.
    await expect.poll(() => inspectAt(page, 114.524, 32.178)).toContain('新征地块一');
    expect(await inspectAt(page, 114.534, 32.178)).toContain('新征地块二');
    await page.screenshot({ path: `${OUTPUT_DIR}/import-shapefile-map.png` });
  });

  it('metre coordinates without a CRS are recognised, the zone proposed, and one click places them', async () => {
    await importFile(page, `${FIXTURES}/parcels-4526-nocrs.geojson`);
    const problems = page.locator('[data-testid="import-problems"]');
    await expect.poll(() => problems.textContent(), { timeout: 30_000 }).toContain('projected-without-crs');
    // an 8-digit easting 38 549 043 carries zone 38: CGCS2000 3-degree zone 38 with prefix is EPSG:4526
    expect(await problems.textContent()).toContain('EPSG:4526');
    expect(await page.locator('[data-testid="import-add"]').isDisabled()).toBe(true);
    await page.click('[data-testid="crs-use-likely"]');
    await expect
      .poll(() => page.locator('[data-testid="import-summary"]').textContent(), { timeout: 30_000 })
      .toContain('EPSG:4526');
    await addImport(page);
    await page.waitForSelector('[data-layer="parcels-4526-nocrs"]');
    await onlyLayers(page, ['parcels-4526-nocrs']);
    await expect.poll(() => inspectAt(page, 114.524, 32.178)).toContain('新征地块一');
  });

  it('loose Shapefile parts chosen together import as one layer, with one import worker', async () => {
    const before = page.workers().length;
    const started: string[] = [];
    const onWorker = (w: { url(): string }) => started.push(w.url());
    page.on('worker', onWorker);
    try {
      const parts = ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => `${FIXTURES}/loose/地块.${e}`);
      await page.setInputFiles('[data-testid="import-input"]', parts);
      const summary = page.locator('[data-testid="import-summary"]');
      await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('EPSG:4547');
      await addImport(page);
      await page.waitForSelector('[data-layer="地块"]');
      await onlyLayers(page, ['地块']);
      await expect.poll(() => inspectAt(page, 114.524, 32.178)).toContain('新征地块一');
      // the import worker ends when the file is read; nothing keeps starting new ones, all the
      // while from the choice of the files to the layer drawn and clicked (seconds)
      expect(page.workers().length).toBeLessThanOrEqual(before + 1);
      expect(
        started.filter((u) => u.includes('import.worker')),
        JSON.stringify(started),
      ).toHaveLength(1);
    } finally {
      page.off('worker', onWorker);
    }
  });

  it('a KML file shows its placemarks with their Chinese fields', async () => {
    await importFile(page, `${FIXTURES}/parcels.kml`);
    const summary = page.locator('[data-testid="import-summary"]');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('EPSG:4326');
    await addImport(page);
    await page.waitForSelector('[data-layer="parcels"]');
    await onlyLayers(page, ['parcels']);
    await expect.poll(() => inspectAt(page, 114.534, 32.178)).toContain('物流仓储用地');
  });

  it('a truncated GeoJSON gets a clear message naming where it breaks, and cannot be added', async () => {
    await importFile(page, `${FIXTURES}/truncated.geojson`);
    const problems = page.locator('[data-testid="import-problems"]');
    await expect.poll(() => problems.textContent(), { timeout: 30_000 }).toContain('invalid-json');
    expect(await problems.textContent()).toContain('truncated.geojson');
    expect(await problems.textContent()).toMatch(/第 ?\d+ ?行/);
    expect(await page.locator('[data-testid="import-add"]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${OUTPUT_DIR}/import-broken.png` });
  });

  it('a self-intersecting parcel is listed with its name, and the repair says what it changed', async () => {
    await importFile(page, `${FIXTURES}/bowtie.geojson`);
    const problems = page.locator('[data-testid="import-problems"]');
    await expect.poll(() => problems.textContent(), { timeout: 30_000 }).toContain('self-intersection');
    expect(await problems.textContent()).toContain('自相交地块');
    await addImport(page);
    const listed = page.locator('[data-testid="problems"] li[data-code="self-intersection"]');
    await listed.waitFor();
    await listed.locator('[data-testid="problem-zoom"]').click();
    await listed.locator('[data-testid="problem-repair"]').click();
    await expect.poll(() => page.locator('[data-testid="notices"]').textContent()).toContain('bowtie');
    expect(await page.locator('[data-testid="problems"] li[data-code="self-intersection"]').count()).toBe(0);
    await page.screenshot({ path: `${OUTPUT_DIR}/import-repaired.png` });
  });

  it('property text with HTML or script is shown as text and never runs', async () => {
    await importFile(page, `${FIXTURES}/hostile.geojson`);
    await expect
      .poll(() => page.locator('[data-testid="import-summary"]').textContent(), { timeout: 30_000 })
      .toContain('1');
    await addImport(page);
    await page.waitForSelector('[data-layer="hostile"]');
    await onlyLayers(page, ['hostile']);
    await expect.poll(() => inspectAt(page, 114.524, 32.178)).toContain('<img src=x onerror=');
    const text = await page.locator('[data-testid="inspector"]').textContent();
    expect(text).toContain('<script>window.__pwned=2</script>');
    expect(text).toContain('__proto__');
    expect(
      await page.locator('[data-testid="inspector"] img, [data-testid="inspector"] script').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await page.screenshot({ path: `${OUTPUT_DIR}/import-hostile.png` });
  });

  it('raised no error in the page through all of the above', () => {
    expect(errors).toEqual([]);
  });
});
