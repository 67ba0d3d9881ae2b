// Issue 10, scenarios (方案) and nothing lost, in the built app: a second zone file asks whether to
// replace, add or become a scenario; scenarios are saved, switched, duplicated and deleted; two are
// compared in a table and on a map whose pieces carry the 亩 that core computes (and GEOS with
// GeographicLib computed for the fixture, test/fixtures/make-compare-expected.py); a reload and a
// killed browser find every edit, the undo history (Ctrl+Z still works) and the scenarios.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/core/compare.ts';
import { formatKm2, formatMu } from '../../src/core/units.ts';
import { loadScenariosFromPath } from '../../src/io/node-project.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { pieceLabel } from '../../src/ui/scenario-words.ts';
import { launchKillable, openApp, OUTPUT_DIR, saved, startHarness, type Harness } from './harness.ts';
import type { MapTestHook } from '../../src/map/test-hook.ts';

const FIXTURE = 'test/fixtures/compare/grow-east';
type TestWindow = { __zonemapTest: MapTestHook };
const BASE_FILES = ['zonemap.json', 'zones', 'towns', 'villages', 'village-points', 'farmland', 'ubound'].map(
  (f) => `${FIXTURE}/${f.endsWith('.json') ? f : `${f}.geojson`}`,
);
const EAST = `${FIXTURE}/scenarios/expand-east/zones.geojson`;
const EXPECTED = JSON.parse(readFileSync(`${FIXTURE}/expected.json`, 'utf8')) as {
  comparisons: { from: string; to: string; ellipsoidal: { pieces: { change: string; area_m2: number }[] } }[];
};

let h: Harness;
let work: string;
beforeAll(async () => {
  h = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'zonemap-scenarios-'));
});
afterAll(async () => {
  await h?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const ready = (page: Page) => page.waitForSelector('body[data-map-ready="true"]', { timeout: 60_000 });
const rows = (page: Page) =>
  page
    .locator('[data-testid="scenario-row"]')
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-scenario')}${e.hasAttribute('data-active') ? '*' : ''}`),
    );
const row = (page: Page, id: string) => page.locator(`[data-testid="scenario-row"][data-scenario="${id}"]`);

/** Opens the fixture's base project (zonemap.json and its layer files) as a user would. */
async function openFixture(page: Page): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', BASE_FILES);
  await page.waitForSelector('[data-layer="towns"]', { timeout: 30_000 });
  await ready(page);
}

/** Imports the east expansion's zones: the dialog asks, and the answer is a scenario. */
async function importEastAsScenario(page: Page): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', EAST);
  await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid="import-same-role"]');
  // Nothing happens until the planner says which: the add button waits for an answer.
  expect(await page.locator('[data-testid="import-add"]').isDisabled()).toBe(true);
  await page.check('[data-testid="import-same-scenario"]');
  await page.fill('[data-testid="import-scenario-name"]', '东扩方案');
  await page.click('[data-testid="import-add"]');
  await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
  await row(page, 's1').waitFor();
}

describe('scenarios in the app', () => {
  it('asks at a second zone file, compares two scenarios (table and map, 亩 as core), saves, switches, duplicates and deletes; a reload keeps all and Ctrl+Z goes on', async () => {
    const { page, errors } = await openApp(h);
    page.on('dialog', (d) => void d.accept());
    await openFixture(page);
    // The composition counts one boundary, not two: the scenario stands beside the base.
    const plannedRow = () => page.locator('[data-testid="row-planned"]').textContent();
    await expect.poll(plannedRow, { timeout: 30_000 }).toContain(formatKm2(3175621.138));
    const planned = await plannedRow();
    await importEastAsScenario(page);
    expect(await rows(page)).toEqual(['base*', 's1']);
    expect(await page.locator('[data-layer]').count()).toBe(6);
    expect(await page.locator('[data-testid="row-planned"]').textContent()).toBe(planned);

    // Export the scenario's zones with the existing writers: GeoJSON and Shapefile read back as the file.
    const east = JSON.parse(readFileSync(EAST, 'utf8')) as { features: { geometry: unknown }[] };
    await page.click('[data-testid="export-button"]');
    await page.selectOption('[data-testid="export-scenario"]', 's1');
    await page.selectOption('[data-testid="export-layer"]', 'zones');
    for (const format of ['geojson', 'shapefile'] as const) {
      await page.selectOption('[data-testid="export-format"]', format);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid="export-run"]'),
      ]);
      const file = join(work, download.suggestedFilename());
      await download.saveAs(file);
      const back = await readLayerFile(download.suggestedFilename(), new Uint8Array(readFileSync(file)));
      expect(back.features).toHaveLength(east.features.length);
      if (format === 'geojson')
        expect(back.features.map((f) => f.geometry)).toEqual(east.features.map((f) => f.geometry));
    }
    await page.click('[data-testid="export-dialog"] .modal-actions button');

    // Compare base → 东扩方案.
    await page.selectOption('[data-testid="compare-from"]', 'base');
    await page.selectOption('[data-testid="compare-to"]', 's1');
    await page.click('[data-testid="compare-run"]');
    await page.waitForSelector('[data-testid="compare"][data-status="done"]', { timeout: 30_000 });
    const loaded = await loadScenariosFromPath(FIXTURE, ['base', 'expand-east']);
    const [from, to] = loaded.scenarios;
    const core = compareScenarios(from!.project, to!.project, { from: 'base', to: 's1' });
    const geos = EXPECTED.comparisons.find((c) => c.from === 'base' && c.to === 'expand-east')!.ellipsoidal;
    const table = await page
      .locator('[data-testid="compare-piece"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-change'), e.children[1]!.textContent]));
    expect(table).toEqual(core.pieces.map((p) => [p.change, formatMu(p.area_m2)]));
    // Core's 亩 are GEOS + GeographicLib's (whole 亩).
    expect(table).toEqual(geos.pieces.map((p) => [p.change, formatMu(p.area_m2)]));
    expect(await page.locator('[data-testid="compare-added"]').textContent()).toBe(formatMu(core.added_m2));
    expect(await page.locator('[data-testid="compare-removed"]').textContent()).toBe(
      formatMu(core.removed_m2),
    );
    const zoneRow = await page
      .locator('[data-testid="compare-zones-mu"] tr[data-category="planned"]')
      .textContent();
    expect(zoneRow).toContain(formatMu(core.zones[0]!.to_m2));
    // The map: one label per piece, its text the 亩 and the township and village core found.
    await expect
      .poll(
        () => page.evaluate(() => (window as unknown as TestWindow).__zonemapTest.compareLabels().length),
        {
          timeout: 20_000,
        },
      )
      .toBe(core.pieces.length);
    const labels = (await page.evaluate(() =>
      (window as unknown as TestWindow).__zonemapTest.compareLabels(),
    )) as {
      piece: number;
      label: string;
    }[];
    expect(labels.sort((a, b) => a.piece - b.piece).map((l) => l.label)).toEqual(
      core.pieces.map((p) => pieceLabel(p, 'zh')),
    );
    expect(labels[0]!.label).toMatch(/^\+\d[\d,]* 亩\n张良镇、城关镇 · 李店村、王庄村、张湾村$/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUTPUT_DIR}/scenario-compare.png` });
    // The whole table: a viewport tall enough for the panel not to scroll.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page
      .locator('[data-testid="compare"]')
      .screenshot({ path: `${OUTPUT_DIR}/scenario-compare-table.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click('[data-testid="compare-close"]');

    // Switch to 东扩方案: the zone layer is its now, the figures follow.
    await row(page, 's1').locator('[data-testid="scenario-switch"]').click();
    await expect.poll(() => rows(page)).toEqual(['base', 's1*']);
    await expect.poll(() => page.locator('[data-testid="row-planned"]').textContent()).not.toBe(planned);
    // Save as a new scenario with a note, duplicate it, delete the copy (asked first).
    await page.click('[data-testid="scenario-save-as"]');
    await page.fill('[data-testid="scenario-name"]', '南扩方案');
    await page.fill('[data-testid="scenario-note"]', '向南至纬三路');
    await page.click('[data-testid="scenario-save"]');
    await expect.poll(() => rows(page)).toEqual(['base', 's1', 's2*']);
    expect(await row(page, 's2').textContent()).toContain('向南至纬三路');
    expect(await row(page, 's2').locator('[data-testid="scenario-delete"]').isDisabled()).toBe(true);
    await row(page, 's2').locator('[data-testid="scenario-duplicate"]').click();
    await expect.poll(() => rows(page)).toEqual(['base', 's1', 's2*', 's3']);
    await row(page, 's3').locator('[data-testid="scenario-delete"]').click();
    await expect.poll(() => rows(page)).toEqual(['base', 's1', 's2*']);
    await row(page, 'base').locator('[data-testid="scenario-switch"]').click();
    await expect.poll(() => rows(page)).toEqual(['base*', 's1', 's2']);
    await expect.poll(() => page.locator('[data-testid="row-planned"]').textContent()).toBe(planned);
    await saved(page);

    // Reload: the scenarios are there, and the history: Ctrl+Z takes back the switch to base, then
    // the deletion of the copy.
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-layer="towns"]');
    await expect.poll(() => rows(page)).toEqual(['base*', 's1', 's2']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows(page)).toEqual(['base', 's1', 's2*']);
    await expect.poll(() => page.locator('[data-testid="row-planned"]').textContent()).not.toBe(planned);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows(page)).toEqual(['base', 's1', 's2*', 's3']);
    await page.keyboard.press('Control+y');
    await expect.poll(() => rows(page)).toEqual(['base', 's1', 's2*']);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('a killed browser loses neither the edits nor the history nor the scenarios', async () => {
    const profile = mkdtempSync(join(work, 'profile-'));
    const first = await launchKillable(profile);
    first.page.on('dialog', (d) => void d.accept());
    await first.page.goto(h.baseUrl);
    await ready(first.page);
    await openFixture(first.page);
    await importEastAsScenario(first.page);
    const farmland = (p: Page) => p.locator('[data-layer="farmland"] input[type="checkbox"]');
    const shown = await farmland(first.page).isChecked();
    await farmland(first.page).click();
    await first.page
      .locator('[data-testid="scenario-row"][data-scenario="s1"] [data-testid="scenario-switch"]')
      .click();
    await expect.poll(() => rows(first.page)).toEqual(['base', 's1*']);
    await expect
      .poll(() => first.page.locator('[data-testid="save-status"]').getAttribute('data-state'), {
        timeout: 20_000,
        interval: 20,
      })
      .toBe('saved');
    const exited = new Promise((r) => first.proc.once('exit', r));
    first.proc.kill('SIGKILL');
    await exited;

    const second = await launchKillable(profile);
    try {
      await second.page.goto(h.baseUrl);
      await second.page.waitForSelector('[data-layer="towns"], [data-testid="safe-mode"]', {
        timeout: 60_000,
      });
      // Killed before the map had drawn, the project opens in safe mode: it is all there too.
      if (await second.page.locator('[data-testid="safe-mode"]').count())
        await second.page.click('[data-testid="safe-open"]');
      await second.page.waitForSelector('[data-layer="towns"]', { timeout: 60_000 });
      await ready(second.page);
      await expect.poll(() => rows(second.page)).toEqual(['base', 's1*']);
      // The history came back with it: undo the switch, the layer switched off, the import as a
      // scenario, one by one.
      await second.page.keyboard.press('Control+z');
      await expect.poll(() => rows(second.page)).toEqual(['base*', 's1']);
      await second.page.keyboard.press('Control+z');
      await expect.poll(() => farmland(second.page).isChecked()).toBe(shown);
      await second.page.keyboard.press('Control+z');
      await expect.poll(() => rows(second.page)).toEqual(['base*']);
      await second.page.screenshot({ path: `${OUTPUT_DIR}/scenario-after-kill-undone.png` });
    } finally {
      second.proc.kill('SIGKILL');
    }
  }, 90_000);
});
