// `zonemap` runs the compiled command in build/cli/ when it is up to date, and the TypeScript through
// tsx when the build is missing, unfinished, or older than any of its sources (issue 13, item 1).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledEntry } from '../../bin/compiled-entry.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// inside the repository, so that a copied bin/zonemap.js finds tsx in node_modules
const OUTPUT = path.join(ROOT, 'test/output');
const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project root with bin/, a source main.ts and a "compiled" main.js that say which one ran. */
function fakeRoot(): string {
  mkdirSync(OUTPUT, { recursive: true });
  const root = mkdtempSync(path.join(OUTPUT, 'launcher-'));
  made.push(root);
  cpSync(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
  mkdirSync(path.join(root, 'src/cli'), { recursive: true });
  mkdirSync(path.join(root, 'build/cli'), { recursive: true });
  const main = (from: string) =>
    `export async function main(args${from === 'source' ? ': string[]' : ''}) {\n` +
    `  process.stdout.write('from ${from} ' + args.join(' '));\n  return 3;\n}\n`;
  writeFileSync(path.join(root, 'src/cli/main.ts'), main('source'));
  writeFileSync(path.join(root, 'build/cli/main.js'), main('build'));
  return root;
}
const t0 = Date.parse('2026-11-01T00:00:00Z');
const record = (root: string, builtAt: number, inputs = ['src/cli/main.ts']) =>
  writeFileSync(
    path.join(root, 'build/cli/inputs.json'),
    JSON.stringify({ builtAt, entry: 'main.js', inputs }),
  );
const setMtime = (file: string, ms: number) => utimesSync(file, ms / 1000, ms / 1000);
const run = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'bin/zonemap.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ZONEMAP_TRACE_LAUNCH: '1' },
  });

describe('which code zonemap runs', () => {
  it('the compiled entry when every source is older than the build', () => {
    const root = fakeRoot();
    setMtime(path.join(root, 'src/cli/main.ts'), t0);
    record(root, t0 + 1000);
    expect(compiledEntry(root)).toEqual({ entry: path.join(root, 'build/cli/main.js') });
    const r = run(root, 'report', 'x');
    expect(r.stdout).toBe('from build report x');
    expect(r.stderr).toBe('zonemap: compiled\n');
    expect(r.status).toBe(3);
  });

  it('the TypeScript through tsx when a source changed after the build', () => {
    const root = fakeRoot();
    setMtime(path.join(root, 'src/cli/main.ts'), t0 + 2000);
    record(root, t0 + 1000);
    expect(compiledEntry(root)).toEqual({ reason: 'src/cli/main.ts changed after the build' });
    const r = run(root, 'area', 'y');
    expect(r.stdout).toBe('from source area y');
    expect(r.stderr).toBe('zonemap: tsx (src/cli/main.ts changed after the build)\n');
    expect(r.status).toBe(3);
  });

  it('the TypeScript when a source of the build is gone', () => {
    const root = fakeRoot();
    record(root, Date.now() + 60_000, ['src/cli/main.ts', 'src/cli/removed.ts']);
    expect(compiledEntry(root)).toEqual({ reason: 'src/cli/removed.ts is gone' });
    expect(run(root).stdout).toBe('from source ');
  });

  it('the TypeScript when the build never finished (no record) or its record is unreadable', () => {
    const root = fakeRoot();
    expect(compiledEntry(root)).toEqual({ reason: 'not built' });
    expect(run(root, '--help').stdout).toBe('from source --help');
    writeFileSync(path.join(root, 'build/cli/inputs.json'), '{"builtAt": "yesterday"}');
    expect(compiledEntry(root)).toEqual({ reason: 'build record unreadable' });
    expect(run(root).stderr).toBe('zonemap: tsx (build record unreadable)\n');
  });
});

describe('the real build (made by the test setup)', () => {
  it('is up to date, and bin/zonemap.js runs it', () => {
    expect(compiledEntry(ROOT).reason).toBeUndefined();
    const r = run(ROOT, '--help');
    expect(r.stderr).toBe('zonemap: compiled\n');
    expect(r.stdout).toContain('zonemap report DIR_OR_MANIFEST');
    expect(r.status).toBe(0);
  });

  it('prints the same report JSON as the TypeScript sources run through tsx', () => {
    const args = ['report', 'data/luoshan', '--json', '--area', 'plane'];
    const compiled = run(ROOT, ...args);
    expect(compiled.stderr).toBe('zonemap: compiled\n');
    const source = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx/esm',
        '--input-type=module',
        '-e',
        `const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(${JSON.stringify(args)});`,
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    expect(source.status).toBe(compiled.status);
    expect(compiled.stdout.length).toBeGreaterThan(1000);
    expect(compiled.stdout).toBe(source.stdout);
  });
});
