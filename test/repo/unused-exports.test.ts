// Dead code does not stay: every name exported from src/ is used somewhere, in its own file beyond
// its declaration or in another file (src, test, scripts, bench, bin).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'fixtures' && name !== 'node_modules') walk(p);
      } else if (/\.(ts|tsx|js|mjs)$/.test(name)) files.push(p);
    }
  };
  for (const d of ['src', 'test', 'scripts', 'bench', 'bin']) walk(path.join(root, d));
  return files;
}

it('every export of src/ has a use', () => {
  const files = sourceFiles();
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const unused: string[] = [];
  const exportRe =
    /^export\s+(?:async\s+)?(?:function\*?|const|let|class|type|interface|enum)\s+([A-Za-z_$][\w$]*)/gm;
  for (const f of files.filter((g) => g.startsWith(path.join(root, 'src')))) {
    for (const m of text.get(f)!.matchAll(exportRe)) {
      const name = m[1]!;
      const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      const own = text.get(f)!.match(word)?.length ?? 0;
      if (own > 1) continue;
      if (files.some((g) => g !== f && word.test(text.get(g)!))) continue;
      unused.push(`${path.relative(root, f)}: ${name}`);
    }
  }
  expect(unused).toEqual([]);
});
