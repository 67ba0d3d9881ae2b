import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readLayerFile } from '../../src/io/read.ts';
import { addImport, type Harness, openApp, OUTPUT_DIR, sharePage, type PageState } from './harness.ts';

// One page for the file (a load of the app is seconds of CPU): after each test its dialog is
// closed and the page put back as it was (the reload test reopens the sample, dropping what it
// saved), so the tests run in any order. Only the bundle is opened in a page of its own: a fresh
// profile, so what it shows comes from the bundle alone.
let h: Harness;
let page: Page;
let start: PageState;
sharePage(
  (s) => {
    ({ h, page, start } = s);
  },
  { checkErrors: true },
);

describe('export and persistence', () => {
  it('exports the zone layer as a GBK Shapefile in CGCS2000 GK CM 114° that reads back with its names', async () => {
    await page.click('[data-testid="export-button"]');
    await page.selectOption('[data-testid="export-format"]', 'shapefile');
    await page.selectOption('[data-testid="export-layer"]', 'zones');
    await page.screenshot({ path: `${OUTPUT_DIR}/export-dialog.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-run"]'),
    ]);
    const path = `${OUTPUT_DIR}/zones-export.zip`;
    await download.saveAs(path);
    const bytes = new Uint8Array(readFileSync(path));
    // fflate's own unzipSync: a reader independent of zonemap's.
    const zip = unzipSync(bytes);
    const names = Object.keys(zip);
    const prj = strFromU8(zip[names.find((n) => n.endsWith('.prj'))!]!);
    expect(prj).toContain('114');
    expect(strFromU8(zip[names.find((n) => n.endsWith('.cpg'))!]!)).toMatch(/GBK|936/i);
    const back = await readLayerFile('zones.zip', bytes);
    expect(back.crs).toBe('EPSG:4547');
    expect(back.features.map((f) => f.properties?.['类别']).sort()).toEqual([
      '发展区',
      '建成区',
      '控制区',
      '规划区',
    ]);
  });

  it('exports the statistics as a workbook with a sheet per table', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-stats-xlsx"]'),
    ]);
    const path = `${OUTPUT_DIR}/stats.xlsx`;
    await download.saveAs(path);
    const zip = unzipSync(new Uint8Array(readFileSync(path)));
    const workbook = strFromU8(zip['xl/workbook.xml']!);
    expect(workbook).toContain('规划构成');
    expect(workbook).toContain('用地构成');
    const sheets = await Promise.all(
      Object.keys(zip)
        .filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))
        .map((n) => strFromU8(zip[n]!)),
    );
    // the planned area in m², as the report computes it, is in the composition sheet
    expect(sheets.some((s) => /8513300(\.\d+)?</.test(s))).toBe(true);
  });

  it('exports the whole project as a bundle that opens again with the same layers and figures', async () => {
    await page.click('[data-testid="export-button"]');
    await page.selectOption('[data-testid="export-format"]', 'bundle');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-run"]'),
    ]);
    const path = `${OUTPUT_DIR}/project-bundle.zip`;
    await download.saveAs(path);
    const layers = await page.locator('[data-layer]').count();

    const { page: again, errors: againErrors } = await openApp(h);
    await again.setInputFiles('[data-testid="import-input"]', path);
    await again.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 30_000 });
    await expect.poll(() => again.locator('[data-layer]').count()).toBe(layers);
    await expect.poll(() => again.locator('[data-testid="row-planned"] td.km2').textContent()).toBe('8.5133');
    expect(await again.locator('[data-testid="enterprise-figures"]').textContent()).toContain('63.20 亿元');
    expect(againErrors).toEqual([]);
    await again.close();
  });

  it('keeps an imported layer across a reload', async () => {
    const savedAt = async () => {
      const status = page.locator('[data-testid="save-status"][data-state="saved"]');
      return (await status.count()) ? Number(await status.getAttribute('data-at')) : 0;
    };
    const before = await savedAt();
    await page.setInputFiles('[data-testid="import-input"]', 'test/fixtures/browser/parcels.kml');
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 });
    await addImport(page);
    await page.waitForSelector('[data-layer="parcels"]');
    // the save runs in the analysis worker after the change: wait for the page to say 已保存 anew
    await expect.poll(savedAt, { timeout: 60_000 }).toBeGreaterThan(before);
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-layer="parcels"]', { timeout: 30_000 });
    expect(await page.locator('[data-layer="parcels"]').textContent()).toContain('2');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.click('[data-testid="reset-sample"]');
    await page.waitForSelector('[data-layer="parcels"]', { state: 'detached' });
    expect(asked[0]).toContain('丢弃');
    // the sample is back with its layers, as the other tests expect
    await expect
      .poll(
        () =>
          page
            .locator('[data-layer]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')!).sort()),
        { timeout: 60_000 },
      )
      .toEqual([...start.layers].sort());
  });
});
