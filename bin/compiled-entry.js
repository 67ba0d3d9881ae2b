// Decides whether `zonemap` may run the compiled command in build/cli/ (see scripts/build-cli.mjs):
// only when the build finished (inputs.json is written last) and no source file it was made from
// has changed or gone since the build started. Otherwise the caller runs the TypeScript via tsx.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Returns `{ entry }` (absolute path of the compiled entry) or `{ reason }` why it is unusable. */
export function compiledEntry(root) {
  const dir = path.join(root, 'build', 'cli');
  let record;
  try {
    record = JSON.parse(readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
  } catch {
    return { reason: 'not built' };
  }
  if (
    typeof record?.builtAt !== 'number' ||
    !Array.isArray(record.inputs) ||
    typeof record.entry !== 'string'
  ) {
    return { reason: 'build record unreadable' };
  }
  for (const input of record.inputs) {
    let mtime;
    try {
      mtime = statSync(path.join(root, input)).mtimeMs;
    } catch {
      return { reason: `${input} is gone` };
    }
    if (mtime > record.builtAt) return { reason: `${input} changed after the build` };
  }
  return { entry: path.join(dir, record.entry) };
}
