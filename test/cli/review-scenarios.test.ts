// A scenario that cannot be read gives no figures (the base's figures under its name would
// mislead), and the base report warns of every broken scenario, a missing file included.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/compare/grow-east');

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the fixture whose scenario expand-east has lost its zones file. */
function withoutScenarioFile(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-scen-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const m = JSON.parse(readFileSync(path.join(dir, 'zonemap.json'), 'utf8')) as {
    scenarios: { id: string; layers: Record<string, string | { file: string }> }[];
  };
  const sc = m.scenarios.find((s) => s.id === 'expand-east')!;
  const entry = sc.layers.zones!;
  const file = typeof entry === 'string' ? entry : entry.file;
  rmSync(path.join(dir, file));
  return { dir, file };
}

describe('a scenario whose file is missing', () => {
  it('report --scenario prints no figures and names the scenario and the file', () => {
    const { dir, file } = withoutScenarioFile();
    const r = zonemap('report', dir, '--scenario', 'expand-east', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[scenario-file-missing]');
    expect(r.err).toContain(file);
    expect(r.err).toMatch(/方案 expand-east（东扩方案） 无法读取.*未输出任何数字/);
    const text = zonemap('report', dir, '--scenario', 'expand-east');
    expect(text.code).toBe(1);
    expect(text.out).toBe('');
  });

  it('compare prints no delta against it', () => {
    const { dir } = withoutScenarioFile();
    const r = zonemap('compare', dir, '--from', 'base', '--to', 'expand-east', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[scenario-file-missing]');
    // The scenario that is whole still compares, with a warning about the broken one.
    const other = zonemap('compare', dir, '--from', 'base', '--to', 'expand-east-gk', '--json');
    expect(other.code).toBe(0);
    expect(JSON.parse(other.out).warnings).toContainEqual(
      expect.objectContaining({ code: 'scenario-file-missing', layer: 'zones' }),
    );
  });

  it('the base report warns of it and still exits 0', () => {
    const { dir, file } = withoutScenarioFile();
    for (const args of [['--json'], ['--json', '--scenario', 'base']]) {
      const r = zonemap('report', dir, ...args);
      expect(r.code).toBe(0);
      const w = (JSON.parse(r.out).warnings as { code: string; message: string }[]).filter(
        (x) => x.code === 'scenario-file-missing',
      );
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toContain(file);
      expect(w[0]!.message).toContain('expand-east');
    }
    const text = zonemap('report', dir);
    expect(text.code).toBe(0);
    expect(text.err).toMatch(/提示 .*expand-east.*\[scenario-file-missing\]/);
  });

  it('a scenario whose entry names an unknown layer prints no figures either', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-scen-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const f = path.join(dir, 'zonemap.json');
    const m = JSON.parse(readFileSync(f, 'utf8')) as { scenarios: { layers: unknown }[] };
    m.scenarios[0]!.layers = { zone: 'x.geojson' };
    writeFileSync(f, JSON.stringify(m));
    const r = zonemap('report', dir, '--scenario', 'expand-east', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[scenario-unknown-layer]');
  });
});
