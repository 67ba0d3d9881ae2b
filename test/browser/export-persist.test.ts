import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayerFile } from '../../src/io/read.ts';
import { openApp, OUTPUT_DIR, startHarness, type Harness } from './harness.ts';
import { addImport } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('export and persistence', () => {
  it('exports the zone layer as a GBK Shapefile in CGCS2000 GK CM 114° that reads back with its names', async () => {
    const { page } = await openApp(h);
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
    await page.close();
  });

  it('exports the statistics as a workbook with a sheet per table', async () => {
    const { page } = await openApp(h);
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
    await page.close();
  });

  it('exports the whole project as a bundle that opens again with the same layers and figures', async () => {
    const { page } = await openApp(h);
    await page.click('[data-testid="export-button"]');
    await page.selectOption('[data-testid="export-format"]', 'bundle');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="export-run"]'),
    ]);
    const path = `${OUTPUT_DIR}/project-bundle.zip`;
    await download.saveAs(path);
    const layers = await page.locator('[data-layer]').count();
    await page.close();

    const { page: again } = await openApp(h);
    await again.setInputFiles('[data-testid="import-input"]', path);
    await again.waitForSelector('[data-testid="import-dialog"]', { state: 'detached', timeout: 30_000 });
    await expect.poll(() => again.locator('[data-layer]').count()).toBe(layers);
    await expect.poll(() => again.locator('[data-testid="row-planned"] td.km2').textContent()).toBe('8.5133');
    expect(await again.locator('[data-testid="enterprise-figures"]').textContent()).toContain('63.20 亿元');
    await again.close();
  });

  it('keeps an imported layer across a reload', async () => {
    const { page } = await openApp(h);
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
    await page.close();
  });
});
