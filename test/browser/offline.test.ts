// Issue 12, offline: after one visit the built app opens with no network at all (its service worker
// precaches the build, src/main.tsx registers it), with the last project from IndexedDB, its map,
// legend and statistics, and prints a PDF with the bundled CJK font.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_DIR, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('offline', () => {
  it('opens the last project with no network after one visit, and prints', async () => {
    const context = await h.browser.newContext({
      viewport: { width: 1440, height: 900 },
      serviceWorkers: 'allow',
    });
    const page = await context.newPage();
    await page.goto(h.baseUrl);
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="row-planned"]', { timeout: 60_000 });
    // a change only the saved project has: a layer renamed
    page.once('dialog', (d) => void d.accept('离线道路'));
    await page.click('[data-layer="roads"] [data-testid="layer-rename"]');
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
    // the service worker has precached the build once it is active and controls the page
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    });

    await context.setOffline(true);
    // the network really is gone for this context
    expect(
      await page.evaluate(() =>
        fetch(`./not-precached-${Date.now()}.txt`).then(
          () => 'reached',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="row-planned"]', { timeout: 60_000 });
    expect(await page.locator('[data-layer="roads"] .layer-name').textContent()).toBe('离线道路');
    expect(await page.locator('[data-legend-layer="roads"] .zm-legend-title').textContent()).toBe('离线道路');
    expect(await page.locator('[data-testid="row-planned"] td.km2').textContent()).toBe('8.5133');
    await page.screenshot({ path: `${OUTPUT_DIR}/offline-reload.png` });

    // on site with no network: the PDF font comes from the precache too
    await page.click('[data-testid="print-button"]');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('[data-testid="print-run"]'),
    ]);
    const file = `${OUTPUT_DIR}/offline-print.pdf`;
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('规划图');
    expect(text).toContain('离线道路');
    await context.close();
  });
});
