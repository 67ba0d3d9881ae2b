// Names from the data never drive the terminal: every human-readable line of the CLI goes through
// terminal-safe.ts, and JSON output keeps the names exactly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAME = '极地\u001b]0;pwned\u0007\u001b[2J\u202eevil';

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A ring round the north pole: the plane method cannot measure it and says so per feature. */
function poleFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zonemap-esc-')), 'pole.geojson');
  const ring = [
    [0, 80],
    [90, 80],
    [180, 80],
    [-90, 80],
    [0, 80],
  ];
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: NAME }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    }),
  );
  return file;
}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u001b\u0007\u202e]/;

describe('escape codes in names', () => {
  it('area --area plane: the error naming a pole feature carries no escape code', () => {
    const r = zonemap('area', poleFile(), '--area', 'plane');
    expect(r.err).toContain('极地');
    expect(r.err).not.toMatch(UNSAFE);
    expect(r.out).not.toMatch(UNSAFE);
  });

  it('area --json keeps the name exactly', () => {
    const r = zonemap('area', poleFile(), '--json');
    expect(JSON.parse(r.out).features[0].name).toBe(NAME);
    expect(r.err).not.toMatch(UNSAFE);
  });

  it('no command writes to stdout or stderr except through terminal-safe.ts', () => {
    const dir = path.join(ROOT, 'src/cli');
    for (const f of readdirSync(dir)) {
      if (f === 'terminal-safe.ts') continue;
      expect(readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(
        /process\.std(out|err)\.write|console\./,
      );
    }
  });
});
