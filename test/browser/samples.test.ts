import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openApp, OUTPUT_DIR, startHarness, type Harness } from './harness.ts';

// Each sample opened in the built app through the 示例项目 picker, its planned area
// read in the statistics panel as the seed report gives it, and a screenshot kept.
const SAMPLES = [
  { id: 'luoshan', name: '罗山县产业集聚区（示例数据，非官方）', planned: '8.5133' },
  { id: 'yichuan', name: '伊川县产业集聚区（示例数据，非官方）', planned: '8.7190' },
  { id: 'lushan', name: '鲁山县产业集聚区（示例数据，非官方）', planned: '16.3300' },
  { id: 'changyuan', name: '长垣县产业集聚区（示例数据，非官方）', planned: '40.8000' },
  { id: 'zhecheng', name: '柘城县产业集聚区（示例数据，非官方）', planned: '14.0000' },
];

let h: Harness;
// One page for the file (a load costs seconds of CPU): each test opens its sample through the picker
// unless that sample is the one shown, so the tests run in any order, and one sample after another
// on the same page also shows that each opening brings its own figures (not the previous project's).
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h));
  page.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await h?.close();
});

describe('sample projects in the app', () => {
  it('the 示例项目 picker lists the five, each marked 示例数据，非官方', async () => {
    const options = await page.locator('[data-testid="sample-picker"] option').allTextContents();
    expect(options.slice(1)).toEqual(
      SAMPLES.map((s) => `${s.name.replace(/（.*）$/, '')} · 示例数据，非官方`),
    );
  }, 90_000);

  for (const s of SAMPLES) {
    it(`choosing ${s.id} opens ${s.name} with its planned area ${s.planned} km²`, async () => {
      if ((await page.locator('.project-name').textContent()) !== s.name) {
        await page.evaluate(() => document.body.removeAttribute('data-map-ready'));
        await page.selectOption('[data-testid="sample-picker"]', s.id);
      }
      await expect.poll(() => page.locator('.project-name').textContent(), { timeout: 30_000 }).toBe(s.name);
      await expect
        .poll(() => page.locator('[data-testid="row-planned"] td.km2').textContent(), { timeout: 60_000 })
        .toBe(s.planned);
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
      await mapIdle(page);
      await page.screenshot({ path: `${OUTPUT_DIR}/sample-${s.id}.png` });
      if (s.id === 'zhecheng') {
        // each core's road density, as `zonemap report data/zhecheng` prints it
        const rows = await page.locator('[data-testid="park-roads"] tbody tr').allTextContents();
        expect(rows).toEqual(['西区核心区22.863.01', '东区核心区10.521.64']);
      }
      if (s.id === 'changyuan') {
        // the quota ledger: allocated, used, remaining 亩 and share, as the CLI prints them
        const first = await page.locator('[data-testid="quotas"] tbody tr').first().textContent();
        expect(first).toBe('起重园区2,2502,05319791.2%');
      }
      expect(errors).toEqual([]);
    }, 90_000);
  }

  it('raised no error in the page through all of the above', () => {
    expect(errors).toEqual([]);
  });
});
