#!/usr/bin/env node
// The `zonemap` command. Runs the compiled JavaScript in build/cli/ (made by `npm run build:cli`,
// which `prepare` runs after `npm ci`); when that is missing or older than any of its sources, runs
// the TypeScript through tsx instead, so an edit in src/ takes effect without a rebuild.
// ZONEMAP_TRACE_LAUNCH=1 says on standard error which of the two ran and why.
import { fileURLToPath } from 'node:url';
import { compiledEntry } from './compiled-entry.js';

const choice = compiledEntry(fileURLToPath(new URL('..', import.meta.url)));
if (process.env.ZONEMAP_TRACE_LAUNCH === '1') {
  process.stderr.write(`zonemap: ${choice.entry ? 'compiled' : `tsx (${choice.reason})`}\n`);
}
let main;
if (choice.entry) {
  ({ main } = await import(new URL(`file://${choice.entry}`).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
