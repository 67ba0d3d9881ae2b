// Polygons round a pole: measured on the ellipsoid as GeographicLib's PolygonArea has them
// (test/fixtures/pole/make.py), refused in the plane, and left out of the report with a warning
// (before, every one measured 0 m² with exit 0).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geometryAreaWithProblems } from '../../src/core/area.ts';
import { buildReport } from '../../src/core/report.ts';
import type { Feature } from '../../src/core/types.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { warningText } from '../../src/core/warning-text.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILE = 'test/fixtures/pole/in.geojson';
const fixture = JSON.parse(readFileSync(path.join(ROOT, FILE), 'utf8')) as {
  features: (Feature & { properties: { name: string; expected_m2: number } })[];
};

describe('polygons round a pole', () => {
  it.each(fixture.features.map((f) => [f.properties.name, f] as const))(
    '%s: GeographicLib area, with a warning',
    (_, f) => {
      const { area, problems } = geometryAreaWithProblems(f.geometry, 'ellipsoidal');
      expect(Math.abs(area - f.properties.expected_m2)).toBeLessThanOrEqual(1e-9 * f.properties.expected_m2);
      expect(problems.map((p) => p.code)).toEqual(['encloses-pole']);
    },
  );

  it('are refused in the Gauss-Kruger plane: `zonemap area --area plane` exits 1 naming file and feature', () => {
    const r = spawnSync('node', ['bin/zonemap.js', 'area', FILE, '--area', 'plane'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${FILE} 要素 #0「north cap at 80°N, 4 vertices, eastward」`);
    expect(r.stderr).toContain('--area ellipsoidal');
  });

  it('`zonemap area --json` gives their areas and exits 0', () => {
    const r = spawnSync('node', ['bin/zonemap.js', 'area', FILE, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { features: { area_m2: number }[]; warnings: { code: string }[] };
    out.features.forEach((row, i) => {
      const want = fixture.features[i]!.properties.expected_m2;
      expect(Math.abs(row.area_m2 - want)).toBeLessThanOrEqual(1e-9 * want);
    });
    expect(out.warnings.filter((w) => w.code === 'encloses-pole')).toHaveLength(fixture.features.length);
  });

  it('are left out of a report, which says so', async () => {
    const { project } = await loadProjectFromPath(path.join(ROOT, 'test/fixtures/report/basic'));
    const base = buildReport(project!);
    const landuse = project!.layers.find((l) => l.role === 'landuse')!;
    const withPole = {
      ...project!,
      layers: project!.layers.map((l) =>
        l === landuse ? { ...l, features: [...l.features, { ...fixture.features[0]!, properties: {} }] } : l,
      ),
    };
    const r = buildReport(withPole);
    const w = r.warnings.filter((x) => x.code === 'encloses-pole');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ layer: landuse.id, feature: landuse.features.length });
    expect(w[0]!.message).toContain('未计入报告');
    expect(warningText(w[0]!, 'en')).toContain('report leaves it out');
    expect(r.landUse).toEqual(base.landUse);
  });
});
