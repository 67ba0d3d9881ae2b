// The statistics panel shows the registry's conflict tables (src/core/analyses.ts) with the
// report's rows: the sample's conflicts, largest first, slivers after, in 亩 as core rounds them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { openApp, OUTPUT_DIR, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it('lists the sample’s conflicts and their totals by pair', async () => {
  const { project } = await loadProjectFromPath('data/luoshan');
  const report = buildReport(project!);
  const { page, errors } = await openApp(h);
  const rows = page.locator('[data-testid="registry-conflicts"] tbody tr');
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(report.conflicts.length);
  const mu = await rows.evaluateAll((rs) => rs.map((r) => r.children[6]?.textContent ?? ''));
  expect(mu).toEqual(report.conflicts.map((c) => Math.round(c.area_mu).toLocaleString('zh-CN')));
  const slivers = await rows.evaluateAll((rs) => rs.map((r) => r.children[9]?.textContent ?? ''));
  expect(slivers.filter((s) => s === '是')).toHaveLength(report.conflictSummary.slivers);
  expect(await page.locator('[data-testid="registry-conflict-totals"] tbody tr').count()).toBe(
    report.conflictTotals.length,
  );
  await page.locator('[data-testid="registry-conflicts"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUTPUT_DIR}/conflict-table-zh.png` });
  expect(errors).toEqual([]);
  await page.close();
});
