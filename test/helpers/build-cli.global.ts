// Vitest global setup: compiles the `zonemap` command (scripts/build-cli.mjs) when build/cli/ is
// missing or older than its sources, so the CLI tests run the JavaScript that `npx zonemap` runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compiledEntry } from '../../bin/compiled-entry.js';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  if (compiledEntry(root).entry) return;
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the zonemap command failed:\n${r.stderr}`);
}
