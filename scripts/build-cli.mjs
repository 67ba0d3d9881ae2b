// Compiles the `zonemap` command (src/cli/main.ts and what it imports) to plain JavaScript in
// build/cli/, so `npx zonemap` starts without compiling TypeScript (tsx) at every run.
// Dependencies stay in node_modules (resolved by node as under tsx); each command is its own chunk,
// so `zonemap --help` loads only the entry. build/cli/inputs.json lists every source file the
// bundle was made from and when the build started: bin/zonemap.js falls back to tsx when any of
// them is newer, so someone editing src/ never runs stale code.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'build', 'cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // `npm ci --omit=dev` installs no build tool: the command then runs through tsx.
  console.warn('zonemap: esbuild is not installed; `zonemap` will run its TypeScript through tsx');
  process.exit(0);
}

const builtAt = Date.now();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).sort();
writeFileSync(
  path.join(OUT, 'inputs.json'),
  JSON.stringify({ builtAt, entry: 'main.js', inputs: [...inputs, 'scripts/build-cli.mjs'] }, null, 1) + '\n',
);
console.log(`zonemap: command compiled to build/cli/ (${inputs.length} source files)`);
