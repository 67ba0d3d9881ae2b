// The README tells the truth: the sample is said to be synthetic as its manifest says, and the size
// it quotes is the one recorded in bench/RESULTS.md, with the run's date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

it('says the sample is synthetic, as its manifest does', () => {
  const manifest = JSON.parse(read('data/luoshan/zonemap.json')) as { description: string };
  expect(manifest.description).toContain('虚构数据');
  expect(read('README.md')).toContain('示例数据，非官方');
});

it('quotes the initial JavaScript of the recorded size run, with its date', () => {
  const readme = read('README.md');
  const quoted =
    /\*\*Initial JavaScript\*\* \(`npm run size`, run of (\d{4}-\d{2}-\d{2})\): ([\d.]+) KB gzipped/.exec(
      readme,
    );
  expect(quoted).not.toBeNull();
  const results = read('bench/RESULTS.md');
  const section = results.slice(results.indexOf('## Initial JavaScript'));
  expect(section).toContain(`(${quoted![1]},`);
  const total = /^\s+total\s+[\d.]+ KB raw\s+([\d.]+) KB gzip/m.exec(section);
  expect(total?.[1]).toBe(quoted![2]);
});
