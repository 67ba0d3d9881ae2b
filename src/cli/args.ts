// Argument parsing for every command, on Node's util.parseArgs; errors become one plain sentence.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AreaMethod } from '../core/types.ts';
import type { ReadOptions } from '../io/read-types.ts';
import { readFileBytes, readShapefileSidecars } from '../io/node-project.ts';
import { ProblemError } from '../io/problem.ts';
import { writeErr, writeOut } from './terminal-safe.ts';

export interface CommandArgs {
  /** the one positional argument: FILE or DIR_OR_MANIFEST */
  target: string;
  json: boolean;
  crs?: string;
  area?: AreaMethod;
  csv?: string;
  scenario?: string;
  from?: string;
  to?: string;
  conflicts?: string;
}

type Flag = 'crs' | 'area' | 'csv' | 'scenario' | 'from' | 'to' | 'conflicts';

const NEEDS_VALUE: Record<Flag, string> = {
  crs: '--crs 后面需要坐标系代码，如 EPSG:4547 (--crs needs a CRS code)',
  area: '--area 后面需要 ellipsoidal 或 plane (--area needs ellipsoidal or plane)',
  csv: '--csv 后面需要一个文件夹 (--csv needs a folder)',
  scenario: '--scenario 后面需要方案 id，如 base (--scenario needs a scenario id)',
  from: '--from 后面需要方案 id，如 base (--from needs a scenario id)',
  to: '--to 后面需要方案 id (--to needs a scenario id)',
  conflicts:
    '--conflicts 后面需要文件名：.geojson 或 .zip（冲突图斑），.xlsx 或 .csv（冲突清单） (--conflicts needs a file)',
};

/** Parses `args` for a command taking the given flags; a string is the usage error to print. */
export function parseCommandArgs(args: string[], flags: Flag[], missingTarget: string): CommandArgs | string {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
      },
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[-\w]+)/.exec((e as Error).message)?.[1] ?? '';
    const flag = option.replace(/^--/, '') as Flag;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flags.includes(flag)) return NEEDS_VALUE[flag];
    return `未知选项 "${option}" (unknown option)`;
  }
  const [target, extra] = positionals;
  if (target === undefined) return missingTarget;
  if (extra !== undefined) return `多余的参数 "${extra}" (unexpected argument)`;
  const area = values.area as string | undefined;
  if (area !== undefined && area !== 'ellipsoidal' && area !== 'plane')
    return `--area 只能是 ellipsoidal 或 plane，而不是 "${area}"`;
  for (const f of flags) if (values[f] === '') return NEEDS_VALUE[f];
  return {
    target,
    json: values.json === true,
    ...(values.crs !== undefined ? { crs: values.crs as string } : {}),
    ...(area !== undefined ? { area: area as AreaMethod } : {}),
    ...(values.csv !== undefined ? { csv: values.csv as string } : {}),
    ...(values.scenario !== undefined ? { scenario: values.scenario as string } : {}),
    ...(values.from !== undefined ? { from: values.from as string } : {}),
    ...(values.to !== undefined ? { to: values.to as string } : {}),
    ...(values.conflicts !== undefined ? { conflicts: values.conflicts as string } : {}),
  };
}

/**
 * What every file command does first: --help, its arguments, then the file's bytes. A number is the
 * exit status to return at once (0 after help, 2 for a usage error or an unreadable file).
 */
/**
 * What every project command (report, compare) does first: --help, its arguments, then that the
 * project folder or manifest exists. A number is the exit status to return at once.
 */
export function startProjectCommand<A extends { target: string }>(
  command: string,
  args: string[],
  usage: string,
  parse: (args: string[]) => A | string,
): A | number {
  if (args.includes('--help') || args.includes('-h')) {
    writeOut(usage);
    return 0;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    writeErr(`zonemap ${command}: ${parsed}\n${usage}`);
    return 2;
  }
  if (!existsSync(parsed.target)) {
    writeErr(
      `zonemap ${command}: 找不到 "${parsed.target}"，请给出项目文件夹（内含 zonemap.json）或清单文件的路径 (no such file or folder)\n`,
    );
    return 2;
  }
  return parsed;
}

export async function startFileCommand<A extends { file: string }>(
  command: string,
  args: string[],
  usage: string,
  parse: (args: string[]) => A | string,
): Promise<{ parsed: A; bytes: Uint8Array; sidecars: NonNullable<ReadOptions['sidecars']> } | number> {
  if (args.includes('--help') || args.includes('-h')) {
    writeOut(usage);
    return 0;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    writeErr(`zonemap ${command}: ${parsed}\n${usage}`);
    return 2;
  }
  try {
    const bytes = await readFileBytes(parsed.file);
    return { parsed, bytes, sidecars: await readShapefileSidecars(parsed.file) };
  } catch (e) {
    if (e instanceof ProblemError) {
      // Too large: the data is the problem (1); a device or FIFO given as FILE is bad usage (2).
      const en = e.problem.messageEn;
      writeErr(`zonemap ${command}: ${parsed.file}：${e.problem.message}\n(${en})\n`);
      return e.problem.code === 'file-too-large' ? 1 : 2;
    }
    writeErr(
      `zonemap ${command}: 找不到或无法读取文件 "${parsed.file}"，请检查路径 (cannot read the file)\n`,
    );
    return 2;
  }
}
