// A zonemap.json opened in the app with its folder brings its scenarios (contract §5): their files
// are found by their path in the folder, never by a base name they share with a base layer's file;
// chosen without their folder paths, the scenarios are left out with a warning, not read wrongly.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioLayer, scenariosOf } from '../../src/core/scenarios.ts';
import { openManifest } from '../../src/worker/import-api.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/compare/grow-east');

function folder(dir: string, prefix: string): { files: File[]; paths: string[] } {
  const files: File[] = [];
  const paths: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d)) {
      const full = path.join(d, n);
      if (statSync(full).isDirectory()) walk(full, `${rel}${n}/`);
      else {
        files.push(new File([readFileSync(full)], n));
        paths.push(`${rel}${n}`);
      }
    }
  };
  walk(dir, prefix);
  return { files, paths };
}

describe('opening a project folder with scenarios', () => {
  it('reads each scenario from its own file', async () => {
    const { files, paths } = folder(FIXTURE, 'grow-east/');
    const manifest = files[paths.indexOf('grow-east/zonemap.json')]!;
    const { project, problems } = await openManifest(manifest, files, paths);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(scenariosOf(project!).list.map((s) => s.id)).toEqual(['base', 'expand-east', 'expand-east-gk']);
    const east = JSON.parse(readFileSync(path.join(FIXTURE, 'scenarios/expand-east/zones.geojson'), 'utf8'));
    const base = JSON.parse(readFileSync(path.join(FIXTURE, 'zones.geojson'), 'utf8'));
    const geometries = (id: string) => scenarioLayer(project!, id, 'zones')!.features.map((f) => f.geometry);
    expect(geometries('expand-east')).toEqual(east.features.map((f: { geometry: unknown }) => f.geometry));
    expect(geometries('base')).toEqual(base.features.map((f: { geometry: unknown }) => f.geometry));
  });

  it('without folder paths, opens the base and leaves the scenarios out with a warning', async () => {
    const { files } = folder(FIXTURE, '');
    const manifest = files.find((f) => f.name === 'zonemap.json')!;
    const { project, problems } = await openManifest(manifest, files);
    expect(project!.scenarios).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'scenario-file-missing' }),
    );
  });
});
