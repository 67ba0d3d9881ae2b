// Undo and redo from the keyboard over the commands that exist: an import, a repair, a layer's
// visibility. What undo leaves is saved as every other change is: a reload finds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, OUTPUT_DIR, saved, startHarness, type Harness } from './harness.ts';
import { addImport } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const bowtieListed = (page: Page) =>
  page.locator('[data-testid="problems"] li[data-code="self-intersection"]').count();
const layerRows = (page: Page, id: string) => page.locator(`[data-layer="${id}"]`).count();

/** A repair or an import goes through the workers: seconds when the two cores are busy (CI's 5 s failed once). */
const SLOW = { timeout: 30_000 };

describe('undo and redo with Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z', () => {
  it('takes back a repair, then the import, redoes both, and a reload finds what undo left', async () => {
    const { page, errors } = await openApp(h);
    await page.setInputFiles('[data-testid="import-input"]', 'test/fixtures/browser/bowtie.geojson');
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 });
    await addImport(page);
    const listed = page.locator('[data-testid="problems"] li[data-code="self-intersection"]');
    await listed.waitFor();
    await listed.locator('[data-testid="problem-repair"]').click();
    await expect.poll(() => bowtieListed(page), SLOW).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(() => bowtieListed(page), SLOW).toBe(1);
    expect(await layerRows(page, 'bowtie')).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => layerRows(page, 'bowtie'), SLOW).toBe(0);
    expect(await bowtieListed(page)).toBe(0);

    await page.keyboard.press('Control+y');
    await expect.poll(() => layerRows(page, 'bowtie'), SLOW).toBe(1);
    expect(await bowtieListed(page)).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => bowtieListed(page), SLOW).toBe(0);
    await page.screenshot({ path: `${OUTPUT_DIR}/undo-redone-repair.png` });

    // Undo the repair and the import again: the saved project has no bowtie layer any more.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => layerRows(page, 'bowtie'), SLOW).toBe(0);
    await saved(page);
    // Reloading while the map still draws the undone state opens the safe mode, by design
    // (docs/durability.md): wait until the opening marker is cleared, as a later reload would be.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('zonemap.opening.v1')), { timeout: 30_000 })
      .toBeNull();
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-layer="zones"]', { timeout: 30_000 });
    expect(await layerRows(page, 'bowtie')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("undoes a layer's visibility, also with the focus on its checkbox", async () => {
    const { page } = await openApp(h);
    const box = page.locator('[data-layer="zones"] input[type="checkbox"]');
    expect(await box.isChecked()).toBe(true);
    await box.click();
    expect(await box.isChecked()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => box.isChecked()).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.close();
  });
});

describe('removing and renaming a layer', () => {
  it('removes a layer with its button; Ctrl+Z brings it back where it was', async () => {
    const { page } = await openApp(h);
    const order = () =>
      page.locator('[data-layer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')));
    const before = await order();
    await page.locator('[data-layer="roads"] [data-testid="layer-remove"]').click();
    await expect.poll(() => layerRows(page, 'roads')).toBe(0);
    await page.screenshot({ path: `${OUTPUT_DIR}/layer-removed.png` });
    await page.keyboard.press('Control+z');
    await expect.poll(() => layerRows(page, 'roads')).toBe(1);
    expect(await order()).toEqual(before);
    await page.close();
  });

  it('renames a layer with its ✎ button; the name is saved; Ctrl+Z restores the old one', async () => {
    const { page } = await openApp(h);
    const name = page.locator('[data-layer="roads"] .layer-name');
    const old = await name.textContent();
    page.once('dialog', (d) => void d.accept('规划道路网'));
    await page.locator('[data-layer="roads"] [data-testid="layer-rename"]').click();
    await expect.poll(() => name.textContent()).toBe('规划道路网');
    await saved(page);
    await page.reload();
    await page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
    await expect
      .poll(() => page.locator('[data-layer="roads"] .layer-name').textContent())
      .toBe('规划道路网');
    // The history is not saved yet (issue 10, item 4): after the reload undo starts afresh.
    page.once('dialog', (d) => void d.accept(''));
    await page.locator('[data-layer="roads"] [data-testid="layer-rename"]').click();
    await expect.poll(() => page.locator('[data-layer="roads"] .layer-name').textContent()).toBe(old);
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.locator('[data-layer="roads"] .layer-name').textContent())
      .toBe('规划道路网');
    await page.close();
  });
});
