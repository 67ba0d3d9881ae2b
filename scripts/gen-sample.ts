/**
 * Rebuilds the sample projects under data/ (npm run sample [outRoot] [county …]). Each county has a
 * short builder in scripts/samples/ on the geometry kit of scripts/samples/kit/; all draw from the
 * seeded PRNG, so every run writes byte-identical files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate as luoshan } from './samples/luoshan.ts';
import { build as yichuan } from './samples/yichuan.ts';
import { build as lushan } from './samples/lushan.ts';
import { build as changyuan } from './samples/changyuan.ts';
import { build as zhecheng } from './samples/zhecheng.ts';

/** Folder under data/ → builder returning file path (relative to the folder) → text. */
export const SAMPLES: Record<string, (log: (s: string) => void) => Map<string, string>> = {
  luoshan,
  yichuan,
  lushan,
  changyuan,
  zhecheng,
};

/** Writes the samples (all, or those named) into outRoot/<folder>/. */
export function main(
  outRoot: string,
  log: (s: string) => void = (s) => console.log(s),
  only: readonly string[] = Object.keys(SAMPLES),
): void {
  for (const name of only) {
    const build = SAMPLES[name];
    if (!build) throw new Error(`no sample called ${name}; known: ${Object.keys(SAMPLES).join(', ')}`);
    const files = build(log);
    const dir = path.join(outRoot, name);
    for (const [file, text] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    log(`wrote ${files.size} files to ${dir}`);
  }
}

const isDirect =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isDirect) {
  const [root, ...only] = process.argv.slice(2);
  main(
    path.resolve(root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../data')),
    undefined,
    only.length ? only : undefined,
  );
}
