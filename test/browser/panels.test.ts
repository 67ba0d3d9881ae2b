// The statistics panel and the inspector as a planner reads them (issue 9): the village, enterprise
// and plan tables with core's figures, sortable; the manifest's area method honoured; the
// catalogue's words in either language; a road's length not labelled with an area method.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import { buildReport } from '../../src/core/report.ts';
import { formatMu } from '../../src/core/units.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import {
  clearSelection,
  onlyLayers,
  openApp,
  OUTPUT_DIR,
  setLang,
  startHarness,
  withOnly,
  type Harness,
} from './harness.ts';

let h: Harness;
// One page for the file (a load costs seconds of CPU): each test puts back what it changed (the
// language, the layers, the selection, the project it opened), so the tests run in any order. The
// one thing left is the tables' sort order, which only the first test reads (the others read sets).
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h));
});
afterAll(async () => {
  await h?.close();
});

const cells = (page: Page, testid: string, col: number) =>
  page
    .locator(`[data-testid="${testid}"] tbody tr`)
    .evaluateAll((rows, col) => rows.map((r) => r.children[col]?.textContent ?? ''), col);

const toNumber = (s: string) => Number(s.replace(/[,\s*]/g, ''));

async function clickAt(page: Page, lon: number, lat: number): Promise<void> {
  const pt = await page.evaluate(
    ([lon, lat]) =>
      (
        window as unknown as { __zonemapTest: { project(l: [number, number]): { x: number; y: number } } }
      ).__zonemapTest.project([lon!, lat!]),
    [lon, lat],
  );
  await page.locator('.maplibregl-canvas').click({ position: { x: pt.x, y: pt.y } });
}

describe('the statistics panel', () => {
  it('shows the village, enterprise and plan tables with the report’s figures, sortable', async () => {
    const { project } = await loadProjectFromPath('data/luoshan');
    const report = buildReport(project!);
    await page.waitForSelector('[data-testid="village-table"]');
    expect(await cells(page, 'village-table', 0)).toEqual(report.villages.map((v) => v.name));
    expect(await cells(page, 'village-table', 1)).toEqual(report.villages.map((v) => formatMu(v.overlap_m2)));
    expect(await page.locator('[data-testid="enterprise-table"] tbody tr').count()).toBe(57);
    const plans = report.plans.filter((p) => p.classes.length > 0);
    expect(plans.length).toBe(3);
    for (const p of plans)
      expect(await cells(page, `plan-table-${p.layer}`, 2)).toEqual(
        p.classes.map((c) => formatMu(c.area_m2)),
      );
    expect(await page.locator('[data-testid="stats"] h3').allTextContents()).toContain(
      '规划对照：产业集聚区规划',
    );

    // sort the villages by 亩, largest first, then the other way
    const header = page.locator('[data-testid="village-table"] thead th').nth(1);
    await header.locator('button').click();
    const down = (await cells(page, 'village-table', 1)).map(toNumber);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await header.locator('button').click();
    const up = (await cells(page, 'village-table', 1)).map(toNumber);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    // enterprises by investment
    await page.locator('[data-testid="enterprise-table"] thead th').nth(4).locator('button').click();
    const inv = (await cells(page, 'enterprise-table', 4)).map(toNumber);
    expect(inv).toEqual([...inv].sort((a, b) => b - a));
    expect(inv[0]).toBe(Math.max(...report.enterprises.map((e) => e.investment ?? 0)));
    await page.locator('[data-testid="village-table"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUTPUT_DIR}/stats-tables-zh.png` });
    expect(errors).toEqual([]);
  });

  it('in English, words the enterprise statuses and the tables in English', async () => {
    await setLang(page, 'en');
    const figures = await page.locator('[data-testid="enterprise-figures"] + p').textContent();
    expect(figures).toContain('Producing 40');
    expect(figures).toContain('Under construction 17');
    const statuses = await cells(page, 'enterprise-table', 1);
    expect(new Set(statuses)).toEqual(new Set(['Producing', 'Under construction']));
    const reloc = await cells(page, 'village-table', 3);
    for (const r of reloc) expect(r).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('[data-testid="stats"] h3').allTextContents()).toContain(
      'Plan review：Zone industry plan',
    );
    // the catalogue's one English wording of the boundary's outside; the registry's headers in English
    expect(await page.locator('[data-testid="constraints"] th').allTextContents()).toContain(
      'Outside the urban boundary',
    );
    for (const h of await page.locator('[data-testid="registry-conflicts"] th').allTextContents())
      expect(h).not.toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: `${OUTPUT_DIR}/stats-tables-en.png` });
    await setLang(page, 'zh');
  });
});

describe('the manifest’s area method', () => {
  it('a project that says plane shows plane figures (GEOS in the fixture) and names the method', async () => {
    const src = 'test/fixtures/report/basic';
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-plane-'));
    for (const f of readdirSync(src))
      if (f !== 'expected.json') copyFileSync(path.join(src, f), path.join(dir, f));
    const manifest = JSON.parse(readFileSync(path.join(src, 'zonemap.json'), 'utf8'));
    writeFileSync(path.join(dir, 'zonemap.json'), JSON.stringify({ ...manifest, areaMethod: 'plane' }));
    const expected = JSON.parse(readFileSync(path.join(src, 'expected.json'), 'utf8'));
    await page.setInputFiles(
      '[data-testid="import-input"]',
      readdirSync(dir).map((f) => path.join(dir, f)),
    );
    const planned = page.locator('[data-testid="row-planned"] td.km2');
    const want = (expected.plane.composition.planned_m2 / 1e6).toFixed(4);
    expect(want).not.toBe((expected.ellipsoidal.composition.planned_m2 / 1e6).toFixed(4));
    await expect.poll(() => planned.textContent(), { timeout: 30_000 }).toBe(want);
    expect(await page.locator('.method select').inputValue()).toBe('plane');
    expect(await page.locator('[data-testid="method-note"]').textContent()).toContain('高斯');
    // core's warnings, worded in the page's language
    const warnings = page.locator('[data-testid="report-warnings"]');
    await expect.poll(() => warnings.textContent()).toContain('边界自相交');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect.poll(() => warnings.textContent()).toContain('crosses itself');
    expect(await warnings.textContent()).not.toContain('边界自相交');
    // back to Chinese and to the sample, with its own method
    await setLang(page, 'zh');
    const accept = (d: Dialog) => void d.accept();
    page.on('dialog', accept);
    await page.selectOption('[data-testid="sample-picker"]', 'luoshan');
    await expect
      .poll(() => page.locator('[data-testid="row-planned"] td.km2').textContent(), { timeout: 60_000 })
      .toBe('8.5133');
    expect(await page.locator('.method select').inputValue()).not.toBe('plane');
    expect(await page.locator('[data-testid="method-note"]').textContent()).toContain('椭球面积');
    page.off('dialog', accept);
  });
});

describe('the inspector', () => {
  it('shows a village’s relocation in words, and a road’s length as a geodesic length', async () => {
    const villages = JSON.parse(readFileSync('data/luoshan/villages.geojson', 'utf8'));
    const first = villages.features[0];
    const ring: number[][] =
      first.geometry.type === 'MultiPolygon'
        ? first.geometry.coordinates[0][0]
        : first.geometry.coordinates[0];
    const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    await withOnly(page, ['villages'], async () => {
      await clickAt(page, lon, lat);
      const inspector = page.locator('[data-testid="inspector"]');
      await expect.poll(() => inspector.textContent()).toContain('胡湾村');
      const row = inspector.locator('table.props tr', { hasText: /^搬迁(?!状态)/ });
      expect(first.properties['搬迁']).toBe('done');
      expect(await row.locator('td').textContent()).toBe('已搬迁');

      const roads = JSON.parse(readFileSync('data/luoshan/roads.geojson', 'utf8'));
      // the middle of a road segment near the centre of the view, so it is on screen
      const centre = await page.evaluate(() => {
        return (
          window as unknown as { __zonemapTest: { center(): [number, number] } }
        ).__zonemapTest.center();
      });
      let best = { d: Infinity, lon: 0, lat: 0, road: roads.features[0] };
      for (const f of roads.features) {
        const lines: number[][][] =
          f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [f.geometry.coordinates];
        for (const line of lines)
          for (let i = 0; i + 1 < line.length; i++) {
            const mlon = (line[i]![0]! + line[i + 1]![0]!) / 2;
            const mlat = (line[i]![1]! + line[i + 1]![1]!) / 2;
            const d = Math.hypot(mlon - centre[0], mlat - centre[1]);
            if (d < best.d) best = { d, lon: mlon, lat: mlat, road: f };
          }
      }
      const road = best.road;
      await onlyLayers(page, ['roads']);
      await clickAt(page, best.lon, best.lat);
      await expect.poll(() => inspector.textContent()).toContain(String(road.properties['名称']));
      await expect.poll(() => page.locator('[data-testid="feature-measure"]').count()).toBe(1);
      const measure = await page.locator('[data-testid="feature-measure"]').textContent();
      expect(measure).toContain('长度（沿椭球测地线）');
      expect(measure).not.toContain('面积');
      await page.screenshot({ path: `${OUTPUT_DIR}/inspector-road.png` });
    });
    await clearSelection(page);
  });

  it('raised no error in the page through all of the above', () => {
    expect(errors).toEqual([]);
  });
});
