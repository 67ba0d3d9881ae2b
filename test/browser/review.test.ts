// The three-plan review (issue 11, items 3 and 4) in the built app on the sample project: the
// table lists the report's conflicts with its 亩, largest first; a click on a row zooms the map to
// that conflict; the swipe's handle follows a real pointer drag; a decision survives a reload and
// Ctrl+Z takes it back. The report the table is checked against is the command line's
// (`zonemap report data/luoshan --json`), and the page's worker must give every conflict its area.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Report } from '../../src/core/report.ts';
import { formatMu } from '../../src/core/units.ts';
import { conflictsOf, type ReviewConflict } from '../../src/state/review.ts';
import { mapIdle, openApp, OUTPUT_DIR, saved, startHarness, type Harness } from './harness.ts';

// One page for the three steps, in order: the sample's conflicts take seconds to compute in the
// page's worker, so the review is opened once (and once more after the reload).
let h: Harness;
let cli: Report;
let conflicts: ReviewConflict[];
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/zonemap.js', 'report', 'data/luoshan', '--json'],
    { maxBuffer: 64 << 20 },
  );
  cli = JSON.parse(stdout) as Report;
  conflicts = conflictsOf(cli).filter((c) => !c.sliver);
  ({ page, errors } = await openApp(h));
  await openReview(page);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

interface ReviewHook {
  bounds(): [number, number, number, number];
  swipePosition(): number | null;
  swipeIdle(): Promise<boolean>;
}
type ReviewWindow = { __zonemapReview: ReviewHook };
const mapBounds = (page: Page) =>
  page.evaluate(() => (window as unknown as ReviewWindow).__zonemapReview.bounds());
const swipePosition = (page: Page) =>
  page.evaluate(() => (window as unknown as ReviewWindow).__zonemapReview.swipePosition());
const swipeIdle = (page: Page) =>
  page.evaluate(() => (window as unknown as ReviewWindow).__zonemapReview.swipeIdle());

const rows = (page: Page) => page.locator('[data-testid="conflict-table"] tbody tr');
const column = (page: Page, col: number) =>
  rows(page).evaluateAll((trs, col) => trs.map((r) => r.children[col]?.textContent ?? ''), col);

async function openReview(page: Page): Promise<void> {
  await page.click('[data-testid="review-toggle"]');
  await page.waitForSelector('[data-testid="review-summary"]', { timeout: 60_000 });
  await mapIdle(page);
}

describe('the review view', () => {
  it('lists the conflicts with the report’s 亩, largest first; a row click zooms the map to it', async () => {
    expect(conflicts.length).toBeGreaterThanOrEqual(3);
    const byArea = [...conflicts].sort((a, b) => b.area_m2 - a.area_m2);
    // every conflict once with the report's 亩, largest first (the page sorts by its own m²; pieces
    // of one place in several pairs are of nearly equal area, their order among them is free)
    const listed = await rows(page).evaluateAll((trs) => trs.map((r) => r.getAttribute('data-key')!));
    expect([...listed].sort()).toEqual(byArea.map((c) => c.id).sort());
    const area = new Map(conflicts.map((c) => [c.id, c.area_m2]));
    const mus = await column(page, 0);
    expect(mus).toEqual(listed.map((id) => formatMu(area.get(id)!)));
    const mu = mus.map((m) => Number(m.replace(/,/g, '')));
    for (let i = 1; i < mu.length; i++) expect(mu[i]!).toBeLessThanOrEqual(mu[i - 1]!);
    const shown = (await page.locator('[data-testid="review-total"]').textContent())!;
    const m = /冲突 (\d+) 处，合计 ([\d,]+) 亩/.exec(shown);
    expect(Number(m?.[1])).toBe(byArea.length);
    expect(m?.[2]).toBe(formatMu(cli.conflictSummary.area_m2));
    // Every conflict, slivers too, with the command line's area in m² to 1e-7 (the accuracy
    // contract.md §3 promises; seen: 4e-9 at most, on a 141 m² sliver). The same core code on the
    // same input: what is left is last-bit differences of floating point between Chromium's V8 and
    // Node's where a cut is ill-conditioned. (This was 81 m² on industry-plan~basic-farmland~wt9rjbe9,
    // Node's chord-cut pieces the wrong ones; docs/conflicts.md, "Accuracy".)
    const worker = await page.evaluate(() =>
      (window as unknown as { __zonemapState: { report(): Report | null } }).__zonemapState
        .report()!
        .conflicts.map((c) => ({ id: c.id, area_m2: c.area_m2, sliver: c.sliver })),
    );
    expect(worker.map((c) => c.id).sort()).toEqual(cli.conflicts.map((c) => c.id).sort());
    for (const c of cli.conflicts) {
      const w = worker.find((x) => x.id === c.id)!;
      expect(w.sliver).toBe(c.sliver);
      expect(Math.abs(w.area_m2 - c.area_m2)).toBeLessThanOrEqual(1e-7 * c.area_m2);
    }
    // the smallest listed conflict: the map must move in to show it
    const target = byArea[byArea.length - 1]!;
    const before = await mapBounds(page);
    await page.locator(`[data-testid="conflict-table"] tbody tr[data-key="${target.id}"]`).click();
    await expect
      .poll(() => page.locator('[data-testid="review-focus"]').getAttribute('data-key'))
      .toBe(target.id);
    await page.waitForFunction(
      () =>
        !(window as unknown as { __zonemapTest: { camera(): { moving: boolean } } }).__zonemapTest.camera()
          .moving,
    );
    await mapIdle(page);
    const after = await mapBounds(page);
    const [w, s, e, n] = target.bbox!;
    expect(after[0]).toBeLessThanOrEqual(w);
    expect(after[1]).toBeLessThanOrEqual(s);
    expect(after[2]).toBeGreaterThanOrEqual(e);
    expect(after[3]).toBeGreaterThanOrEqual(n);
    // zoomed in: the view is smaller than before
    expect(after[2] - after[0]).toBeLessThan(before[2] - before[0]);
    await page.screenshot({ path: `${OUTPUT_DIR}/review-focus.png` });
    expect(errors).toEqual([]);
  });

  it('the swipe between two plans: the handle follows a real pointer drag', async () => {
    // at the largest conflict, where the two plans disagree
    const largest = [...conflicts].sort((a, b) => b.area_m2 - a.area_m2)[0]!;
    await page.locator(`[data-testid="conflict-table"] tbody tr[data-key="${largest.id}"]`).click();
    await page.waitForFunction(
      () =>
        !(window as unknown as { __zonemapTest: { camera(): { moving: boolean } } }).__zonemapTest.camera()
          .moving,
    );
    await page.selectOption('[data-testid="swipe-left"]', 'plan-industry');
    await page.selectOption('[data-testid="swipe-right"]', 'plan-urban');
    await page.click('[data-testid="swipe-start"]');
    await page.waitForSelector('.maplibregl-compare .compare-swiper-vertical');
    expect(await swipeIdle(page)).toBe(true);
    const handle = page.locator('.compare-swiper-vertical');
    const box = (await handle.boundingBox())!;
    const mapBox = (await page.locator('[data-testid="review-swipe"]').boundingBox())!;
    const start = (await swipePosition(page))!;
    // at first in the middle of the map
    expect(Math.abs(start - mapBox.width / 2)).toBeLessThanOrEqual(1);
    const x0 = box.x + box.width / 2;
    const y0 = box.y + box.height / 2;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(x0 - 25 * k, y0 + k);
    await page.mouse.up();
    const end = (await swipePosition(page))!;
    // the handle is grabbed at its centre, a pixel off the line it draws
    expect(Math.abs(end - (start - 250))).toBeLessThanOrEqual(2);
    const moved = (await page.locator('.maplibregl-compare').boundingBox())!;
    expect(moved.x - mapBox.x).toBeCloseTo(end, -1);
    // the left map is clipped at the handle
    expect(await page.locator('.review-swipe-left').evaluate((d) => (d as HTMLElement).style.clip)).toContain(
      `${Math.round(end)}px`,
    );
    expect(await page.locator('[data-testid="swipe-title-left"]').textContent()).toBe('产业集聚区规划');
    expect(await page.locator('[data-testid="swipe-title-right"]').textContent()).toBe('城市总体规划');
    await page.screenshot({ path: `${OUTPUT_DIR}/review-swipe.png` });
    await page.click('[data-testid="swipe-stop"]');
    await expect.poll(() => page.locator('[data-testid="review-swipe"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a decision is saved with the project: Ctrl+Z takes it back, a reload finds it', async () => {
    const target = [...conflicts].sort((a, b) => b.area_m2 - a.area_m2)[0]!;
    const row = () => page.locator(`[data-testid="conflict-table"] tbody tr[data-key="${target.id}"]`);
    await row().click();
    await page.click('[data-testid="decision-accepted"]');
    await page.fill('[data-testid="decision-note"]', '经论证予以保留');
    await page.click('[data-testid="decision-save"]');
    const state = () => row().locator('td').last().textContent();
    await expect.poll(state).toBe('予以接受');
    await page.keyboard.press('Control+z');
    await expect.poll(state).toBe('未处理');
    await page.keyboard.press('Control+y');
    await expect.poll(state).toBe('予以接受');
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await openReview(page);
    await expect.poll(state).toBe('予以接受');
    await row().click();
    expect(await page.locator('[data-testid="decision-note"]').inputValue()).toBe('经论证予以保留');
    expect(await page.locator('[data-testid="decision-accepted"]').isChecked()).toBe(true);
    await page.screenshot({ path: `${OUTPUT_DIR}/review-marked.png` });
    expect(errors).toEqual([]);
  }, 180_000);
});
