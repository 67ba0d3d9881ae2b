// Scenarios (方案) as the app keeps them: save as, switch, duplicate, delete and an imported file kept
// as a scenario are commands that undo exactly; the bundle export writes them so that the command
// line reads them (zonemap compare on the exported bundle gives what it gives on the source
// folder, whose figures test/cli/compare.test.ts checks against GEOS and GeographicLib).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scenarioLayer, scenarioProject, scenariosOf } from '../../src/core/scenarios.ts';
import type { Feature, Project, ProjectLayer } from '../../src/core/types.ts';
import { loadProjectBundle, writeProjectBundle } from '../../src/io/export/project-bundle.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { readScenariosIntoProject } from '../../src/io/scenarios.ts';
import { readFileBytes } from '../../src/io/node-project.ts';
import { run, type Command, type Doc } from '../../src/state/commands.ts';
import {
  deleteCommand,
  duplicateCommand,
  importAsScenarioCommand,
  saveAsCommand,
  switchCommand,
} from '../../src/state/scenarios.ts';
import { checkSavedProject } from '../../src/state/validate-saved.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/compare/grow-east');

const square = (x: number, id: string): Feature => ({
  type: 'Feature',
  id,
  properties: { 名称: id, 类别: '规划范围' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 32],
        [x + 0.01, 32],
        [x + 0.01, 32.01],
        [x, 32.01],
        [x, 32],
      ],
    ],
  },
});

const layer = (id: string, role: ProjectLayer['role'], features: Feature[]): ProjectLayer => ({
  id,
  role,
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: { name: '名称', category: '类别' },
  features,
});

function startDoc(): Doc {
  return {
    project: {
      name: 't',
      crs: 'EPSG:4326',
      areaMethod: 'ellipsoidal',
      settings: { intensityThreshold_wan_per_mu: 300 },
      layers: [layer('zones', 'zone', [square(114, 'z1')]), layer('roads', 'road', [])],
    },
    problems: [],
    visibility: {},
    opacity: {},
  };
}

/** Runs commands, keeping their inverses so that the whole sequence can be taken back. */
function runAll(doc: Doc, cmds: (Command | null)[]): { doc: Doc; inverses: Command[] } {
  const inverses: Command[] = [];
  for (const c of cmds) {
    if (!c) continue;
    const r = run(doc, c);
    doc = r.doc;
    inverses.unshift(r.inverse);
  }
  return { doc, inverses };
}

const zoneOf = (p: Project, scenario: string) => scenarioLayer(p, scenario, 'zones')!.features;
const moveZone = (doc: Doc, x: number): Command => ({
  kind: 'replace-feature',
  layerId: 'zones',
  featureId: 'z1',
  feature: square(x, 'z1'),
});

describe('scenarios in the app', () => {
  it('save as: edits go to the new scenario, the base keeps its boundary; switching swaps them', () => {
    const start = startDoc();
    let doc = run(start, saveAsCommand(start.project, '东扩方案', '向东')).doc;
    const sc = scenariosOf(doc.project);
    expect(sc.active).toBe('s1');
    expect(sc.list.map((s) => [s.id, s.name, s.note])).toEqual([
      ['base', '基础方案', ''],
      ['s1', '东扩方案', '向东'],
    ]);
    doc = run(doc, moveZone(doc, 114.5)).doc;
    expect(zoneOf(doc.project, 's1')).toEqual([square(114.5, 'z1')]);
    expect(zoneOf(doc.project, 'base')).toEqual([square(114, 'z1')]);
    // Switching back puts the base boundary in the project, the scenario's is stored.
    doc = run(doc, switchCommand(doc.project, 'base')!).doc;
    expect(doc.project.layers[0]!.features).toEqual([square(114, 'z1')]);
    expect(zoneOf(doc.project, 's1')).toEqual([square(114.5, 'z1')]);
    expect(scenarioProject(doc.project, 's1').layers[0]!.features).toEqual([square(114.5, 'z1')]);
    // The shared layer is the same object in both (caches serve both).
    expect(scenarioProject(doc.project, 's1').layers[1]).toBe(doc.project.layers[1]);
    expect(switchCommand(doc.project, 'base')).toBeNull();
  });

  it('duplicate and delete; the base and the active scenario are never deleted; all undoes exactly', () => {
    const start = startDoc();
    let doc = start;
    const steps: Command[] = [];
    const step = (build: (p: Project) => Command | null) => {
      const c = build(doc.project);
      if (!c) return;
      steps.push(c);
      doc = run(doc, c).doc;
    };
    step((p) => saveAsCommand(p, 'A'));
    step(() => moveZone(doc, 115));
    step((p) => duplicateCommand(p, 'a', ''));
    expect(scenariosOf(doc.project).list.map((s) => [s.id, s.name])).toEqual([
      ['base', '基础方案'],
      ['a', 'A'],
      ['a-1', 'A 副本'],
    ]);
    expect(zoneOf(doc.project, 'a-1')).toEqual([square(115, 'z1')]);
    expect(() => deleteCommand(doc.project, 'base')).toThrow(/base/);
    expect(() => deleteCommand(doc.project, 'a')).toThrow(/switch/);
    step((p) => switchCommand(p, 'a-1'));
    step(() => moveZone(doc, 116));
    step((p) => deleteCommand(p, 'a'));
    expect(scenariosOf(doc.project).list.map((s) => s.id)).toEqual(['base', 'a-1']);
    expect(zoneOf(doc.project, 'base')).toEqual([square(114, 'z1')]);
    expect(zoneOf(doc.project, 'a-1')).toEqual([square(116, 'z1')]);
    const { inverses } = runAll(start, steps);
    expect(runAll(doc, inverses).doc).toStrictEqual(start);
  });

  it('an imported file kept as a scenario changes nothing in the project: nothing counts twice', () => {
    const start = startDoc();
    const imported = layer('zones-2', 'park', [square(120, 'n1')]);
    const doc = run(start, importAsScenarioCommand(start.project, 'zones', imported, '新边界')).doc;
    expect(doc.project.layers).toEqual(start.project.layers);
    const sc = scenariosOf(doc.project);
    expect(sc.active).toBe('base');
    const other = sc.list[1]!;
    // The imported data stand for the zone layer: same id and role, their own features.
    const l = scenarioProject(doc.project, other.id).layers[0]!;
    expect([l.id, l.role, l.features]).toEqual(['zones', 'zone', [square(120, 'n1')]]);
  });

  it('is read back from storage as saved, and a damaged scenario is named, not kept', () => {
    const start = startDoc();
    let doc = run(start, saveAsCommand(start.project, 'A')).doc;
    doc = run(doc, moveZone(doc, 118)).doc;
    const { layers, ...meta } = structuredClone(doc.project);
    const back = checkSavedProject(
      meta,
      layers.map((l) => l.id),
      layers,
    );
    expect(back.issues).toEqual([]);
    expect(back.project).toEqual(doc.project);
    const broken = structuredClone(meta);
    broken.scenarios!.list.push({ id: 'x', name: 'X', note: '', layers: [{ id: 'zones' } as ProjectLayer] });
    const b = checkSavedProject(
      broken,
      layers.map((l) => l.id),
      layers,
    );
    expect(b.issues).toEqual([expect.objectContaining({ code: 'scenario-damaged', scenario: 'x' })]);
    expect(b.project!.scenarios!.list.map((s) => s.id)).toEqual(['base', 'a']);
  });
});

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the project bundle carries the scenarios (contract §5)', () => {
  it('the command line compares the scenarios of an exported bundle as those of its source folder', async () => {
    const loaded = await loadProjectFromPath(FIXTURE);
    const withScenarios = await readScenariosIntoProject(
      loaded,
      (name) => readFileBytes(path.resolve(FIXTURE, name)),
      path.join(FIXTURE, 'zonemap.json'),
    );
    const project = withScenarios.project!;
    expect(scenariosOf(project).list.map((s) => s.id)).toEqual(['base', 'expand-east', 'expand-east-gk']);
    // Worked on in the app: switched to the east expansion, so the project's zones are its.
    const switched = run(
      { project, problems: [], visibility: {}, opacity: {} },
      switchCommand(project, 'expand-east')!,
    ).doc.project;
    const bytes = await writeProjectBundle(switched);
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-bundle-scenarios-'));
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    for (const method of ['ellipsoidal', 'plane'])
      for (const to of ['expand-east', 'expand-east-gk']) {
        const a = zonemap('compare', FIXTURE, '--from', 'base', '--to', to, '--json', '--area', method);
        const b = zonemap('compare', dir, '--from', 'base', '--to', to, '--json', '--area', method);
        expect(b.err).toBe('');
        expect([a.code, b.code]).toEqual([0, 0]);
        const ja = JSON.parse(a.out);
        const jb = JSON.parse(b.out);
        expect(jb.pieces.map((p: { townships: string[] }) => p.townships)).toEqual(
          ja.pieces.map((p: { townships: string[] }) => p.townships),
        );
        for (const [x, y] of [
          [ja.added_m2, jb.added_m2],
          [ja.removed_m2, jb.removed_m2],
          ...ja.zones.map((z: { to_m2: number }, i: number) => [z.to_m2, jb.zones[i].to_m2]),
        ])
          expect(y).toBeCloseTo(x, 3);
      }
    // Read back into the app, the bundle has the same scenarios and boundaries.
    const again = (await loadProjectBundle(bytes)).project!;
    expect(scenariosOf(again).list.map((s) => [s.id, s.name, s.note])).toEqual(
      scenariosOf(project).list.map((s) => [s.id, s.name, s.note]),
    );
    expect(zoneOf(again, 'expand-east').map((f) => f.geometry)).toEqual(
      zoneOf(project, 'expand-east').map((f) => f.geometry),
    );
  }, 60_000);

  it('writes no scenario file for a scenario layer the project no longer has', async () => {
    const start = startDoc();
    let doc = run(start, saveAsCommand(start.project, 'A')).doc;
    doc = run(doc, moveZone(doc, 119)).doc;
    doc = run(doc, { kind: 'remove-layer', layerId: 'zones' }).doc;
    const files = unzipSync(await writeProjectBundle(doc.project));
    const manifest = JSON.parse(new TextDecoder().decode(files['zonemap.json']!));
    expect(manifest.layers.map((l: { id: string }) => l.id)).toEqual(['roads']);
    expect(manifest.scenarios).toEqual([{ id: 'a', name: 'A', note: '', layers: {} }]);
    expect(Object.keys(files).filter((n) => n.startsWith('scenarios/'))).toEqual([]);
  });
});
