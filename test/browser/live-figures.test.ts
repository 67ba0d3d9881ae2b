// The live figures panel (实时指标): an edit command through the write path (as the editing tools
// send it) opens the panel, and it shows the figures core computes for the edited project, the
// edited part's area also against GeographicLib (test/fixtures/live-figures). Undo takes them back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withFeatureIds } from '../../src/core/feature-ids.ts';
import { createLiveTracker, liveFigures, type LiveFigures } from '../../src/core/live-figures.ts';
import type { Polygon, Project } from '../../src/core/types.ts';
import { formatHa, formatKm2, formatMu } from '../../src/core/units.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import type { StateTestHook } from '../../src/state/test-hook.ts';
import { openApp, OUTPUT_DIR, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const fixture = JSON.parse(readFileSync('test/fixtures/live-figures/expected.json', 'utf8')) as {
  base: { areas_m2: number[] };
  edits: {
    name: string;
    feature: number;
    vertex: number;
    dlon: number;
    dlat: number;
    figures: { areas_m2: number[] };
  }[];
};
const edit = fixture.edits.find((e) => e.name === 'planned-east')!;

/** Core's live figures for the same edit of the same sample, computed here in Node. */
async function expectedFigures(): Promise<LiveFigures> {
  const { project } = await loadProjectFromPath('data/luoshan');
  const base: Project = {
    ...project!,
    layers: project!.layers.map((l) => ({ ...l, features: withFeatureIds(l.features) })),
  };
  const zones = base.layers.find((l) => l.id === 'zones')!;
  const f = zones.features[edit.feature]!;
  const ring = (f.geometry as Polygon).coordinates[0]!.map((q) => [...q]);
  ring[edit.vertex] = [ring[edit.vertex]![0]! + edit.dlon, ring[edit.vertex]![1]! + edit.dlat];
  const moved = { ...f, geometry: { type: 'Polygon' as const, coordinates: [ring] } };
  const now: Project = {
    ...base,
    layers: base.layers.map((l) =>
      l === zones ? { ...l, features: l.features.map((x) => (x === f ? moved : x)) } : l,
    ),
  };
  return liveFigures(createLiveTracker(), base, now, 'ellipsoidal');
}

const text = (page: Page, sel: string) => page.locator(sel).first().innerText();

describe('live figures panel', () => {
  it('shows the figures of an edit as core computes them, and undo takes them back', async () => {
    const want = await expectedFigures();
    const { page, errors } = await openApp(h);
    expect(await page.locator('[data-testid="live-figures"]').count()).toBe(0);
    // The edit: one vertex of the planned zone dragged in five steps, one history entry, through
    // the write path as the editing tools send it.
    const step = (frac: number) =>
      page.evaluate(
        ({ feature, vertex, dlon, dlat, frac }) => {
          const w = window as unknown as { __zonemapState: StateTestHook; __dragFrom?: number[][] };
          const s = w.__zonemapState;
          const zones = s.project()!.layers.find((l) => l.id === 'zones')!;
          const f = zones.features[feature]!;
          // Every step moves the vertex from where the drag began.
          const ring = (w.__dragFrom ??= (f.geometry as { coordinates: number[][][] }).coordinates[0]!);
          const next = ring.map((q) => [...q]);
          next[vertex] = [ring[vertex]![0]! + dlon * frac, ring[vertex]![1]! + dlat * frac];
          return s.apply({
            kind: 'replace-feature',
            layerId: 'zones',
            featureId: f.id!,
            feature: { ...f, geometry: { type: 'Polygon', coordinates: [next] } },
          });
        },
        { feature: edit.feature, vertex: edit.vertex, dlon: edit.dlon, dlat: edit.dlat, frac },
      );
    await page.evaluate(() => {
      (window as unknown as { __zonemapState: StateTestHook }).__zonemapState.beginCapture();
    });
    for (const frac of [0.2, 0.4, 0.6, 0.8, 1]) {
      expect(await step(frac)).toBe(true);
      await page.waitForTimeout(150);
    }
    await page.evaluate(() => {
      (window as unknown as { __zonemapState: StateTestHook }).__zonemapState.endCapture();
    });
    const panel = page.locator('[data-testid="live-figures"][data-ready="true"]');
    // The last step's figures: the part's area is the dragged vertex's final place.
    await panel.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      // What the panel said instead, for the failure message.
      throw new Error(`${String(e)}\n${await page.locator('.right').innerText()}\n${errors.join('\n')}`);
    });

    // The edited part: core's figures, and its area as GeographicLib gives it.
    const part = want.parts[0]!;
    const row = '[data-testid="live-part"]';
    await expect.poll(() => text(page, `${row} td.km2`), { timeout: 20_000 }).toBe(formatKm2(part.area_m2));
    expect(await page.locator(row).count()).toBe(1);
    expect(await text(page, `${row} td.km2`)).toBe(formatKm2(part.area_m2));
    expect(await text(page, `${row} td.km2`)).toBe(formatKm2(edit.figures.areas_m2[edit.feature]!));
    expect(await text(page, `${row} td.mu`)).toBe(formatMu(edit.figures.areas_m2[edit.feature]!));
    expect(await text(page, `${row} td.ha`)).toBe(formatHa(part.area_m2));
    const gain = edit.figures.areas_m2[edit.feature]! - fixture.base.areas_m2[edit.feature]!;
    expect(await text(page, `${row} td.delta-mu`)).toBe(`+${formatMu(gain)}`);
    expect(await page.locator(`${row} td.delta-mu`).getAttribute('title')).toBe(
      `+${formatKm2(part.delta_m2)} 平方公里`,
    );

    // The composition check, the townships and villages, the constraints: as core has them.
    const c = want.composition;
    expect(await text(page, '[data-testid="live-check-unassigned"] td.mu')).toBe(
      formatMu(c.now.unassigned_m2),
    );
    expect(await text(page, '[data-testid="live-check-planned"] td.km2')).toBe(formatKm2(c.now.planned_m2));
    const units = [...want.admin, ...want.villages].filter(
      (u) => Math.abs(u.delta_mu) >= 0.5 && u.kind !== 'county',
    );
    expect(units.length).toBeGreaterThan(0);
    const shown = await page
      .locator('[data-testid="live-unit"]')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-name'), r.querySelector('td.delta-mu')!.textContent]),
      );
    expect(shown).toEqual(units.map((u) => [u.name, `+${formatMu(u.delta_m2)}`.replace('+-', '-')]));
    for (const k of want.constraints) {
      const r = `[data-testid="live-constraint"][data-layer="${k.layer}"]`;
      expect(await text(page, `${r} td.mu`)).toBe(formatMu(k.now_m2));
    }
    await page
      .locator('[data-testid="live-figures"]')
      .screenshot({ path: `${OUTPUT_DIR}/live-figures-panel.png` });
    await page.screenshot({ path: `${OUTPUT_DIR}/live-figures-app.png` });

    // Undo: the part is as it was, nothing changed since editing began.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="live-part"]').count(), { timeout: 20_000 }).toBe(0);
    expect(await text(page, '[data-testid="live-check-planned"] td.delta-mu')).toBe('0');
    expect(await page.locator('[data-testid="live-unit"]').count()).toBe(0);
    await page.click('[data-testid="live-close"]');
    expect(await page.locator('[data-testid="live-figures"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
