// Entry of the `zonemap` command line (contract.md section 2). Returns the exit status:
// 0 done, 1 the data has errors, 2 bad usage.
import { writeErr, writeOut } from './terminal-safe.ts';
const USAGE = `用法 (usage):
  zonemap report DIR_OR_MANIFEST [--json] [--csv DIR] [--area ellipsoidal|plane]
  zonemap area FILE [--crs CODE] [--json] [--area ellipsoidal|plane]
  zonemap validate FILE [--crs CODE] [--json]
`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  report: async () => (await import('./report.ts')).run,
  area: async () => (await import('./area.ts')).run,
  validate: async () => (await import('./validate.ts')).run,
};

export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    writeOut(USAGE);
    return 0;
  }
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) {
    writeErr(name === undefined ? USAGE : `zonemap: 未知命令 "${name}" (unknown command)\n${USAGE}`);
    return 2;
  }
  const run = await load();
  return run(rest);
}
