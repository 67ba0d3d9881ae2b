// The `zonemap` command as it started before it was compiled (TypeScript through tsx at every run):
// the baseline of bench/cli-start.mjs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
