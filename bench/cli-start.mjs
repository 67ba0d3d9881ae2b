// Start-up of the `zonemap` command, compiled (bin/zonemap.js running build/cli/) against the
// TypeScript through tsx (bench/cli-tsx.mjs, how it ran before), with hyperfine
// (`apt-get install hyperfine`). Prints figures; never fails on time.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compiledEntry } from '../bin/compiled-entry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!compiledEntry(root).entry)
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
if (spawnSync('hyperfine', ['--version']).status !== 0) {
  console.log('hyperfine is not installed (apt-get install hyperfine): no figures');
  process.exit(0);
}
for (const args of ['--help', 'report data/luoshan --json']) {
  spawnSync(
    'hyperfine',
    [
      '-N',
      '-w',
      '3',
      '-r',
      '20',
      '-n',
      `tsx: zonemap ${args}`,
      `node bench/cli-tsx.mjs ${args}`,
      '-n',
      `compiled: zonemap ${args}`,
      `node bin/zonemap.js ${args}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
