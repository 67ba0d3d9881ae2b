// The zip-too-large message gives the archive's declared total, not only the part to be read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../helpers/zip-bomb.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;

function validate(file: string) {
  const r = spawnSync('node', ['bin/zonemap.js', 'validate', file, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, json: JSON.parse(r.stdout) };
}

describe('validate sum.zip (3 × 450 MB declared)', () => {
  it('gives the declared total of 1 350 MB (1.3 GB), and the 900 MB of layer files to read', () => {
    // Sizes are claimed in the headers; claims are refused before anything is inflated.
    const zip = zipBomb(
      ['a.shp', 'a.dbf', 'a.shx'].map((name) => ({ name, fillMB: 1, claimedSize: 450 * MB })),
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zonemap-zip-')), 'sum.zip');
    writeFileSync(file, zip);
    const r = validate(file);
    expect(r.code).toBe(1);
    const e = r.json.errors[0];
    expect(e.code).toBe('zip-too-large');
    // 3 × 450 MB = 1 350 MB = 1.318 GB; .shp and .dbf are read: 900 MB
    expect(e.message).toContain('解压后共有 1.3 GB');
    expect(e.message).toContain('要读取的图层文件有 900 MB');
    expect(e.message).toContain('超过上限 500 MB');
    expect(e.message_en).toContain('unpacks to 1.3 GB in all, 900 MB of it');
  });
});
