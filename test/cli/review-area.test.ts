// zonemap area: the file's own warnings, advice worded for the command line, and no figures from
// a guessed CRS.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GBK_NO_CPG = 'test/fixtures/io/zones-2362-gbk-nocpg.zip';

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('area keeps the file-level warnings', () => {
  it('--json lists encoding-guessed with its code, as validate does', () => {
    const r = zonemap('area', GBK_NO_CPG, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.features.length).toBeGreaterThan(0);
    expect(j.warnings).toContainEqual(
      expect.objectContaining({ code: 'encoding-guessed', message: expect.stringContaining('GBK') }),
    );
  });

  it('text mode tells it on stderr', () => {
    const r = zonemap('area', GBK_NO_CPG);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/提示 .*zones-2362-gbk-nocpg\.zip：.*GBK.*\[encoding-guessed\]/);
  });
});
