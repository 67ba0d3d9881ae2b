// Loaded with `node --import` into a spawned CLI: writes the process's peak resident memory (kB) to
// the file named by ZONEMAP_RSS_FILE when it exits, so a test can hold the CLI to a memory budget.
import { writeFileSync } from 'node:fs';

const out = process.env.ZONEMAP_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
