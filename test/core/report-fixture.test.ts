// The whole report on a fixture project against figures from GeographicLib and GEOS
// (test/fixtures/make-expected.py), in both area methods; farmland is in EPSG:4547.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../src/core/report.ts';
import type { Project } from '../../src/core/types.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/report/basic');

interface Expected {
  composition: Record<string, number>;
  landUse: Record<string, number>;
  admin: Record<string, { overlap_m2: number; unit_m2: number }>;
  villages: Record<string, number>;
  constraints: { farmland: number; redline: number; ubound: number };
  roads: Record<string, number>;
  enterprises: Record<string, number>;
  quotaUsed: Record<string, number>;
}
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>;

// Whole polygons agree with GeographicLib to 1e-7. Plane overlays agree with GEOS to 1e-6. On the
// ellipsoid every edge is a geodesic: overlays agree to 1e-7 with GEOS on rings densified along
// their geodesics (1e-9 seen; before cut points moved onto the geodesics they were 3e-5 apart).
const close = (got: number, want: number, rel = 1e-6) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want) + 0.05);

let project: Project;
beforeAll(async () => {
  const loaded = await loadProjectFromPath(DIR);
  expect(loaded.project).not.toBeNull();
  project = loaded.project!;
});

describe.each(['ellipsoidal', 'plane'] as const)('report on the fixture project, %s', (method) => {
  let r: Report;
  let e: Expected;
  const overlayRel = method === 'ellipsoidal' ? 1e-7 : 1e-6;
  const closeOverlay = (got: number, want: number) => close(got, want, overlayRel);
  beforeAll(() => {
    r = buildReport(project, { areaMethod: method });
    e = expected[method]!;
  });

  it('says which method made it', () => {
    expect(r.areaMethod).toBe(method);
    if (method === 'plane') expect(r.planeCrs).toBe('EPSG:4547');
  });

  it('measures the zone composition', () => {
    for (const key of ['planned_m2', 'built_m2', 'development_m2', 'control_m2'] as const)
      close(r.composition[key], e.composition[key]!, 1e-7);
    for (const key of ['unassigned_m2', 'overlap_m2', 'outside_m2'] as const)
      closeOverlay(r.composition[key], e.composition[key]!);
  });

  it('lists land use inside the planned area by class with names', () => {
    const got = Object.fromEntries(r.landUse.map((l) => [l.class, l.area_m2]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(e.landUse).sort());
    for (const [k, v] of Object.entries(e.landUse)) closeOverlay(got[k]!, v);
    expect(r.landUse.find((l) => l.class === '0601')?.name).toBe('工业用地');
    expect(r.landUse.find((l) => l.class === '05H1')?.name).toBe('商业服务业设施用地');
    const share = r.landUse.find((l) => l.class === '0601')!.share;
    closeOverlay(share * r.composition.planned_m2, e.landUse['0601']!);
  });

  it('measures overlaps with every township, as shares of zone and unit', () => {
    expect(r.admin.map((a) => a.name).sort()).toEqual(Object.keys(e.admin).sort());
    for (const a of r.admin) {
      const want = e.admin[a.name]!;
      closeOverlay(a.overlap_m2, want.overlap_m2);
      closeOverlay(a.share_of_unit, want.overlap_m2 / want.unit_m2);
      closeOverlay(a.share_of_zone, want.overlap_m2 / e.composition.planned_m2!);
    }
  });

  it('lists the villages the planned area takes land from', () => {
    const wanted = Object.entries(e.villages).filter(([, v]) => v > 0);
    expect(r.villages.map((v) => v.name).sort()).toEqual(wanted.map(([k]) => k).sort());
    for (const v of r.villages) closeOverlay(v.overlap_m2, e.villages[v.name]!);
    expect(r.villages.find((v) => v.name === '张湾村')?.relocation).toBe('planned');
    expect(r.villages.find((v) => v.name === '李店村')?.relocation).toBe('done');
  });

  it('measures constraints, counting overlapping farmland once', () => {
    const by = Object.fromEntries(r.constraints.map((c) => [c.layer, c]));
    closeOverlay(by.farmland!.overlap_m2!, e.constraints.farmland);
    closeOverlay(by.redline!.overlap_m2!, e.constraints.redline);
    closeOverlay(by.ubound!.outside_m2!, e.constraints.ubound);
    expect(r.warnings.some((w) => w.code === 'layer-overlaps-itself' && w.layer === 'farmland')).toBe(true);
  });

  it('measures road length inside by class and status, and the density', () => {
    const got = Object.fromEntries(r.roads.map((x) => [`${x.class}|${x.status}`, x.length_m]));
    const want = Object.fromEntries(
      Object.entries(e.roads).map(([k, v]) => {
        const [cls, st] = k.split('|');
        const status = { 已建: 'built', 在建: 'building', 规划: 'planned' }[st!] ?? st;
        return [`${cls}|${status}`, v];
      }),
    );
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const [k, v] of Object.entries(want)) close(got[k]!, v, 1e-7);
    const total = Object.values(e.roads).reduce((s, v) => s + v, 0);
    close(r.roadDensity_km_per_km2, total / 1000 / (e.composition.planned_m2! / 1e6), 1e-6);
  });

  it('computes enterprise intensity in 万元/亩 and flags those below the threshold', () => {
    for (const ent of r.enterprises) close(ent.area_m2, e.enterprises[ent.name]!, 1e-7);
    const dz = r.enterprises.find((x) => x.name === '大忠电子')!;
    close(dz.intensity_wan_per_mu!, 52000 / (e.enterprises['大忠电子']! / (2000 / 3)), 1e-7);
    expect(dz.belowThreshold).toBe(false);
    expect(r.enterprises.find((x) => x.name === '同裕电子')!.belowThreshold).toBe(true);
    expect(r.totals.enterprises).toBe(4);
    expect(r.totals.investment_wan).toBe(106000);
    expect(r.totals.enterprisesByStatus).toEqual({ 投产: 2, 在建: 2 });
  });

  it('compares construction-land quota used with allocated per park', () => {
    for (const q of r.quotas) closeOverlay(q.used_m2, e.quotaUsed[q.park]!);
    expect(r.quotas.find((q) => q.park === '电子园')!.allocated_m2).toBe(700000);
  });

  it('warns about the self-crossing parcel, naming layer and feature', () => {
    const w = r.warnings.find((x) => x.code === 'self-intersection');
    expect(w?.layer).toBe('landuse');
    expect(typeof w?.feature).toBe('number');
    expect(w?.message).toContain('landuse');
  });
});
