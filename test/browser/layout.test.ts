// Layout defects seen at 1440×900 and 1024×768, in zh-CN and English: the review's "current
// conflict" card lay over the top rows of the conflict table (it was sticky); Chinese place names
// in the review and statistics tables wrapped one character a line (竹竿镇); the project title
// wrapped to two lines in the top bar; and land-use class names stayed Chinese in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapIdle, openApp, OUTPUT_DIR, resizePage, setLang, startHarness, type Harness } from './harness.ts';

let h: Harness;
// One page for the file (a load costs seconds of CPU): each test sets the size and language it needs
// and closes what it opened (the review, a drawer), so the tests run in any order.
let page: Page;
let errors: string[];
beforeAll(async () => {
  h = await startHarness();
  ({ page, errors } = await openApp(h));
});
afterAll(async () => {
  await h?.close();
});

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;
const CJK = /[\u3400-\u9fff]/;

/** The shared page at this size (the map following the window) and in this language. */
async function open(vp: { width: number; height: number }, lang: 'zh' | 'en'): Promise<Page> {
  await resizePage(page, vp);
  await setLang(page, lang);
  await page.evaluate(() => {
    document.querySelector('.right')!.scrollTop = 0;
  });
  return page;
}

/** Closes the drawers and the review a test opened. */
async function closeAll(page: Page): Promise<void> {
  const vp = page.viewportSize()!;
  // the scrim's middle: between the two drawers
  if (await page.locator('[data-testid="drawer-scrim"]').isVisible())
    await page.click('[data-testid="drawer-scrim"]', { position: { x: vp.width / 2, y: vp.height - 10 } });
  await expect
    .poll(() => page.evaluate(() => /drawer-/.test(document.body.className)), { timeout: 30_000 })
    .toBe(false);
  const review = page.locator('[data-testid="review-toggle"]');
  if ((await review.getAttribute('aria-pressed')) === 'true') await review.click();
  await expect.poll(() => review.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('false');
  await mapIdle(page);
}

/** The number of lines an element's text is laid out on (distinct tops of its text's line boxes). */
const lines = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set(
        [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
      );
      return { text: el.textContent ?? '', title: el.getAttribute('title'), lines: tops.size };
    }),
  );

/** Cells of tables inside `root` whose whole text is a Chinese name (a township, village, park…). */
const nameCells = (page: Page, root: string) =>
  page.locator(`${root} table tbody :is(td, th)`).evaluateAll((cells) =>
    cells
      .filter((c) => /^[\u3400-\u9fff]{2,12}$/.test(c.textContent ?? ''))
      .map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        const table = c.closest('table')?.getAttribute('data-testid') ?? '';
        return { table, text: c.textContent ?? '', lines: tops.size };
      }),
  );

async function showRightPanel(page: Page, vp: { width: number }): Promise<void> {
  if (vp.width <= 1100) {
    await page.click('[data-testid="toggle-right"]');
    // the drawer slides in in 0.2 s: wait until it stands still where it belongs
    await page.waitForFunction(
      () => {
        const right = document.querySelector('.right') as HTMLElement;
        return getComputedStyle(right).transform === 'none' && right.getAnimations().length === 0;
      },
      null,
      { timeout: 30_000 },
    );
  }
}

describe.each(VIEWPORTS)('at $width×$height', (vp) => {
  describe.each(['zh', 'en'] as const)('in %s', (lang) => {
    it('keeps the project title on one line, its full text on hover, every top-bar control on screen', async () => {
      await open(vp, lang);
      const name = await page.evaluate(
        () =>
          (window as unknown as { __zonemapState: { project(): { name: string } } }).__zonemapState.project()
            .name,
      );
      const [title] = await lines(page, '.topbar .project-name');
      expect(title!.text).toBe(name);
      expect(title!.lines).toBe(1);
      expect(title!.title).toBe(name);
      const bar = (await page.locator('.topbar').boundingBox())!;
      const controls = await page
        .locator('.topbar > button:visible, .topbar > select:visible')
        .evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { text: e.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
        );
      expect(controls.length).toBeGreaterThanOrEqual(8);
      for (const c of controls) {
        expect(c.left, c.text).toBeGreaterThanOrEqual(0);
        expect(c.right, c.text).toBeLessThanOrEqual(vp.width);
        expect(c.bottom, c.text).toBeLessThanOrEqual(bar.y + bar.height + 0.5);
      }
      // at the desk width the bar keeps its one row of 48 px
      if (vp.width > 1100) expect(bar.height).toBeLessThanOrEqual(48);
      await page.screenshot({
        path: `${OUTPUT_DIR}/layout-top-${vp.width}-${lang}.png`,
        clip: { ...bar, x: 0, y: 0, height: bar.height + 40 },
      });
    });

    it('the statistics: place names on one line, land-use classes in the page’s language', async () => {
      await open(vp, lang);
      await showRightPanel(page, vp);
      await page.waitForSelector('[data-testid="registry-conflicts"] tbody tr', { timeout: 60_000 });
      const cells = await nameCells(page, '[data-testid="stats"]');
      // the sample's townships and villages are there (admin, villages, conflicts)
      expect(cells.map((c) => c.text)).toContain('竹竿镇');
      expect(cells.filter((c) => c.lines !== 1)).toEqual([]);
      const landuse = await page
        .locator(
          '[data-testid="stats"] [data-testid="landuse"] tbody th, [data-testid="stats"] table[data-testid^="plan-table-"] tbody td:nth-child(2)',
        )
        .allTextContents();
      expect(landuse.length).toBeGreaterThan(3);
      if (lang === 'en') expect(landuse.filter((t) => CJK.test(t))).toEqual([]);
      else expect(landuse.filter((t) => !CJK.test(t))).toEqual([]);
      await page.locator('[data-testid="registry-conflicts"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/layout-stats-${vp.width}-${lang}.png` });
      await closeAll(page);
    });

    it('the review: the current conflict card lies over no row of the table; names on one line', async () => {
      await open(vp, lang);
      await page.click('[data-testid="review-toggle"]');
      await showRightPanel(page, vp);
      const rows = page.locator('[data-testid="conflict-table"] tbody tr');
      await rows.first().waitFor({ timeout: 60_000 });
      await rows.nth(2).click();
      await page.waitForSelector('[data-testid="review-focus"]');
      await mapIdle(page);
      // the card in sight after the click
      const card = page.locator('[data-testid="review-focus"]');
      await expect
        .poll(() =>
          card.evaluate((c) => {
            const r = c.getBoundingClientRect();
            const p = c.closest('.right')!.getBoundingClientRect();
            return r.top >= p.top - 0.5 && r.top < p.bottom;
          }),
        )
        .toBe(true);
      // Scrolled from top to bottom, 60 px at a time: nowhere does the card cover a row or a header.
      const overlaps = await page.evaluate(async () => {
        const panel = document.querySelector('.right') as HTMLElement;
        const card = document.querySelector('[data-testid="review-focus"]') as HTMLElement;
        const cells = [...document.querySelectorAll('[data-testid="conflict-table"] tr')];
        const found: string[] = [];
        const list = document.querySelector('[data-testid="conflict-table"]')!.closest('.table-scroll')!;
        for (let y = 0; y <= panel.scrollHeight; y += 60)
          for (const t of [0, 400, 1e6]) {
            panel.scrollTop = y;
            list.scrollTop = t;
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            const c = card.getBoundingClientRect();
            const p = panel.getBoundingClientRect();
            for (const row of cells) {
              const r = row.getBoundingClientRect();
              // what shows of a row: its part inside the panel and the list's own scroll box
              const box = row.closest('.table-scroll')!.getBoundingClientRect();
              const top = Math.max(r.top, box.top, p.top);
              const bottom = Math.min(r.bottom, box.bottom, p.bottom);
              const visible = bottom - top > 0.5;
              const overlap = Math.min(c.bottom, bottom) - Math.max(c.top, top);
              if (visible && overlap > 0.5)
                found.push(
                  `scroll ${y}/${t}: row ${row.getAttribute('data-key') ?? 'header'} under the card by ${overlap.toFixed(0)} px`,
                );
            }
          }
        return found;
      });
      expect(overlaps.slice(0, 4), `${overlaps.length} overlaps`).toEqual([]);
      // a row far down the list, clicked: the card (of that conflict now) comes into sight
      const last = rows.last();
      await last.click();
      const key = await last.getAttribute('data-key');
      await expect.poll(() => card.getAttribute('data-key')).toBe(key);
      await expect
        .poll(() =>
          card.evaluate((c) => {
            const r = c.getBoundingClientRect();
            const p = c.closest('.right')!.getBoundingClientRect();
            return r.top >= p.top - 0.5 && r.top < p.bottom;
          }),
        )
        .toBe(true);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/layout-review-${vp.width}-${lang}.png` });
      const cells = await nameCells(page, '[data-testid="review-panel"]');
      expect(cells.map((c) => c.text)).toContain('竹竿镇');
      expect(cells.filter((c) => c.lines !== 1)).toEqual([]);
      // a place name too long for its column ends in … with the whole name on hover
      const titled = await page
        .locator('[data-testid="conflict-table"] tbody td.nowrap')
        .evaluateAll((tds) => tds.every((td) => td.getAttribute('title') === td.textContent));
      expect(titled).toBe(true);
      const what = await page
        .locator('[data-testid="conflict-table"] tbody tr td:nth-child(2)')
        .allTextContents();
      if (lang === 'en') expect(what.filter((t) => CJK.test(t))).toEqual([]);
      await page.locator('[data-testid="conflict-table"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/layout-review-table-${vp.width}-${lang}.png` });
      await closeAll(page);
    }, 180_000);
  });
});

it('raised no error in the page through all of the above', () => {
  expect(errors).toEqual([]);
});
