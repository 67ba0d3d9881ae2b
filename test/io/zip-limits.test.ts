import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeCsvFeatures } from '../../src/io/export/csv.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { listZip, unzipSync, zipFiles, ZipError } from '../../src/io/zip.ts';
import { zipBomb } from '../helpers/zip-bomb.ts';

const zipError = (f: () => unknown): ZipError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error('no ZipError thrown');
};

describe('unzip within limits', () => {
  it('gives back what fflate packed, Chinese names included, and leaves macOS metadata out', async () => {
    const bytes = zipSync({
      '地块/地块.shp': strToU8('shp'),
      '__MACOSX/._地块.shp': strToU8('x'),
      '地块/.DS_Store': strToU8('x'),
      'readme.txt': strToU8('说明'),
    });
    const files = unzipSync(bytes).files;
    expect([...files.keys()].sort()).toEqual(['readme.txt', '地块/地块.shp']);
    expect(new TextDecoder().decode(files.get('readme.txt'))).toBe('说明');
    const again = unzipSync(await zipFiles([...files])).files;
    expect(new TextDecoder().decode(again.get('地块/地块.shp'))).toBe('shp');
  });

  it('refuses more entries than the limit before unpacking any', () => {
    const tree: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) tree[`f${i}.txt`] = strToU8(String(i));
    const e = zipError(() => unzipSync(zipSync(tree), { maxEntries: 20 }));
    expect(e.code).toBe('zip-too-many-entries');
    expect(e.params).toMatchObject({ count: 30, limit: 20 });
  });

  it('refuses an entry claiming more than the entry limit, by its name and size', () => {
    const e = zipError(() =>
      unzipSync(zipBomb([{ name: 'big.shp', fillMB: 3 }]), { maxEntryBytes: 2 * 1024 * 1024 }),
    );
    expect(e.code).toBe('zip-entry-too-large');
    expect(e.params).toMatchObject({ entry: 'big.shp', size: '3 MB', limit: '2 MB' });
  });

  it('stops an entry that unpacks to more than its header says', () => {
    const e = zipError(() => unzipSync(zipBomb([{ name: 'a.shp', fillMB: 50, claimedSize: 100 }])));
    expect(e.code).toBe('bad-zip');
    expect(e.message).toContain('a.shp');
  });

  it('unpacks only the wanted entries: a bomb beside the layer costs nothing', () => {
    const bytes = zipBomb([
      { name: 'a.prj', head: strToU8('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]'), fillMB: 0 },
      { name: 'other.bin', fillMB: 900 },
    ]);
    expect(listZip(bytes)).toEqual(['a.prj', 'other.bin']);
    const files = unzipSync(bytes, { wanted: (n) => n.endsWith('.prj') }).files;
    expect([...files.keys()]).toEqual(['a.prj']);
  });

  it('reports a damaged archive as bad-zip rather than throwing from the reader', async () => {
    const good = zipSync({ 'a.shp': new Uint8Array(200).fill(7) });
    const cut = good.slice(0, good.length - 30);
    const r = await readLayerFile('地块.zip', cut);
    expect(r.problems.map((p) => p.code)).toEqual(['bad-zip']);
    expect(r.problems[0]!.file).toBe('地块.zip');
  });

  it('says "zip entry too large" for a 2 GiB entry (jszip said "Bug : uncompressed data size mismatch")', async () => {
    const r = await readLayerFile('县域.zip', zipBomb([{ name: '县域.shp', fillMB: 2048 }]));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'zip-entry-too-large', file: '县域.zip' });
    expect(r.problems[0]!.message).toContain('"县域.shp" 解压后有 2 GB');
    expect((r.problems[0] as { messageEn?: string }).messageEn).toContain(
      'zip entry "县域.shp" is too large',
    );
  });
});

describe('layer CSV export of hostile names', () => {
  it('neutralises every would-be formula and reads each name back unchanged', async () => {
    const names = ['=1+1', '+SUM(A1)', '-1+2', '@A1', '\tx', '\rx', "'=x", '＝1', 'plain', '-5'];
    const features = names.map((n, i) => ({
      type: 'Feature' as const,
      properties: { 名称: n, 数: i - 5 },
      geometry: { type: 'Point' as const, coordinates: [114 + i / 10, 32] },
    }));
    const text = new TextDecoder().decode(writeCsvFeatures(features));
    for (const line of text.split('\r\n').slice(1, -1)) expect(line).toMatch(/^("'|plain,)/);
    const back = await readLayerFile('x.csv', writeCsvFeatures(features));
    expect(back.features.map((f) => f.properties?.['名称'])).toEqual(names);
    expect(back.features.map((f) => f.properties?.['数'])).toEqual(names.map((_, i) => i - 5));
  });
});
