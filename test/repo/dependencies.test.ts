// What a new user meets at `npm ci`: no EBADENGINE warning on the oldest Node the project promises,
// no install script outside the allowScripts policy, and no runtime dependency that nothing imports.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string }; hasInstallScript?: boolean }>;
};

type Version = [number, number, number];
const parseVersion = (s: string): Version => {
  const [a = 0, b = 0, c = 0] = s
    .replace(/^v/, '')
    .split('.')
    .map((x) => (x === 'x' || x === '*' ? 0 : Number(x)));
  return [a, b, c];
};
const cmp = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `v` satisfies an engines range: `*`, `||`, space-joined comparators, `^`, `>=`, `>`, `<`, `<=`, `x.y`. */
function satisfies(v: Version, range: string): boolean {
  return range.split('||').some((alt) => {
    const parts = alt
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return parts.every((p) => {
      if (p === '*' || p === 'x') return true;
      const m = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(p);
      if (!m) return false;
      const op = m[1] ?? '=';
      const w = parseVersion(m[2]!);
      const dots = m[2]!.split('.').filter((x) => x !== 'x' && x !== '*').length;
      switch (op) {
        case '>=':
          return cmp(v, w) >= 0;
        case '>':
          return cmp(v, w) > 0;
        case '<':
          return cmp(v, w) < 0;
        case '<=':
          return cmp(v, w) <= 0;
        case '^':
          return cmp(v, w) >= 0 && v[0] === w[0];
        case '~':
          return cmp(v, w) >= 0 && v[0] === w[0] && v[1] === w[1];
        default:
          // `20` means 20.x.x, `20.1` means 20.1.x
          return v[0] === w[0] && (dots < 2 || v[1] === w[1]) && (dots < 3 || v[2] === w[2]);
      }
    });
  });
}

describe('npm ci on the oldest Node the project promises', () => {
  const min = parseVersion(/\d+(\.\d+)*/.exec(pkg.engines.node)![0]);

  it('the range checker reads the ranges the lockfile holds', () => {
    expect(satisfies([20, 19, 0], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([20, 18, 0], '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 19, 0], '>= 22')).toBe(false);
    expect(satisfies([20, 19, 0], '18 || 20 || >=22')).toBe(true);
    expect(satisfies([20, 19, 0], '>= 0.6')).toBe(true);
  });

  it('every locked package accepts that Node (no EBADENGINE warning)', () => {
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines?.node && !satisfies(min, p.engines.node))
      .map(
        ([name, p]) => `${name.replace(/.*node_modules\//, '')}@${p.version} wants node ${p.engines!.node}`,
      );
    expect(refused).toEqual([]);
  });

  it('every install script is covered by allowScripts (no install-scripts warning)', () => {
    const policy = pkg.allowScripts ?? {};
    const uncovered = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([name, p]) => ({ name: name.replace(/.*node_modules\//, ''), version: p.version }))
      .filter(({ name, version }) => policy[name] === undefined && policy[`${name}@${version}`] === undefined)
      .map(({ name, version }) => `${name}@${version}`);
    expect(uncovered).toEqual([]);
  });
});

describe('dependencies', () => {
  const sourceDirs = ['src', 'bin', 'scripts', 'bench', 'test'];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'fixtures') walk(p);
      } else if (/\.(ts|tsx|js|mjs)$/.test(name)) files.push(p);
    }
  };
  for (const d of sourceDirs) walk(path.join(root, d));
  files.push(path.join(root, 'vite.config.ts'));
  const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');

  // Added in the same pass for work on other branches (zip limits, issue 8; label points, issue 9);
  // their first use arrives with that work.
  const pendingFirstUse = new Set(['fflate', 'polylabel']);

  it('every runtime dependency is imported by the code', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => {
      if (pendingFirstUse.has(name)) return false;
      const quoted = new RegExp(`['"]${name.replace(/[/.]/g, '\\$&')}(/[^'"]*)?['"]`);
      return !quoted.test(text);
    });
    expect(unused).toEqual([]);
  });
});
