import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { writeCsvTable } from '../../src/io/export/csv.ts';
import { writeXlsx } from '../../src/io/export/xlsx.ts';
import { unzip } from '../../src/io/zip.ts';

describe('statistics tables', () => {
  it('XLSX holds well-formed parts with the values, numbers as numbers', async () => {
    const bytes = await writeXlsx([
      {
        name: '用地构成',
        rows: [
          ['类别', '面积 (m²)', '亩'],
          ['工业用地 <0601>', 1234567.89, 1851.85],
          ['合计', 8513300, null],
        ],
      },
    ]);
    const files = (await unzip(bytes)).files;
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const [, data] of files) {
      const errors: string[] = [];
      new DOMParser({
        onError: (level, msg) => void (level !== 'warning' && errors.push(msg)),
      }).parseFromString(new TextDecoder().decode(data), 'text/xml');
      expect(errors).toEqual([]);
    }
    const sheet = new TextDecoder().decode(files.get('xl/worksheets/sheet1.xml'));
    expect(sheet).toContain('<c r="B2"><v>1234567.89</v></c>');
    expect(sheet).toContain('工业用地 &lt;0601&gt;');
    expect(new TextDecoder().decode(files.get('xl/workbook.xml'))).toContain('name="用地构成"');
  });

  it('CSV tables carry a BOM in UTF-8 and none in GBK', () => {
    const utf8 = writeCsvTable([
      ['名称', '面积'],
      ['建成区', 3.7],
    ]);
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gbk = writeCsvTable([['名称']], 'gbk');
    expect([...gbk]).toEqual([0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a]);
  });
});

describe('the statistics workbook for an official (data/luoshan)', () => {
  const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

  it('has Chinese titles and row labels, 亩 beside every m², figures at the report’s precision', async () => {
    const { loadProjectFromPath } = await import('../../src/io/node-project.ts');
    const { buildReport } = await import('../../src/core/report.ts');
    const { reportTables } = await import('../../src/core/report-tables.ts');
    const path = await import('node:path');
    const { project } = await loadProjectFromPath(path.join(import.meta.dirname, '../../data/luoshan'));
    const tables = reportTables(buildReport(project!), { lang: 'zh', rounded: true });
    expect(tables.map((t) => t.title)).toEqual([
      '规划构成',
      '分区面积',
      '用地构成',
      '规划对照',
      '涉及行政区',
      '涉及村庄',
      '三区三线',
      '道路',
      '企业',
      '用地指标',
      // every analysis of the registry, the three-plan conflicts too
      '多规冲突',
      '多规冲突汇总',
    ]);
    const machineWords =
      /^(planned|built|development|control|basic-farmland|ecological-redline|urban-boundary|none|done|building|producing)$/;
    for (const t of tables) {
      for (const h of t.header) expect(h).toMatch(/[\u4e00-\u9fff]/);
      // (the conflict list's areas by each method stand beside the report's area and its 亩)
      const m2Cols = t.header.flatMap((h, i) =>
        h.includes('平方米') && !/^(椭球|平面)面积/.test(h) ? [i] : [],
      );
      for (const i of m2Cols) expect(t.header[i + 1]).toMatch(/亩/);
      for (const row of t.rows) {
        for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(machineWords);
        t.header.forEach((h, i) => {
          const v = row[i];
          if (typeof v !== 'number') return;
          // slivers are below the tolerance (1 亩 by default): their 亩 keep 2 decimals
          if (h === '细碎图斑（亩）') expect(decimals(v)).toBeLessThanOrEqual(2);
          else if (h.includes('（亩）')) expect(Number.isInteger(v)).toBe(true);
          if (h.includes('平方公里')) expect(decimals(v)).toBeLessThanOrEqual(4);
          if (h.includes('平方米') || h.includes('%')) expect(decimals(v)).toBeLessThanOrEqual(2);
        });
      }
    }
    const comp = tables[0]!;
    expect(comp.rows[0]).toEqual(['规划区', 8513300, 12770, 851.33, 8.5133, 100]);
    expect(comp.rows[1]![5]).toBeCloseTo((3.7 / 8.5133) * 100, 2);
    const farmland = tables.find((t) => t.name === 'constraints')!;
    expect(farmland.rows[0]![0]).toBe('永久基本农田');
    const bytes = await writeXlsx(tables.map((t) => ({ name: t.title, rows: [t.header, ...t.rows] })));
    const workbook = new TextDecoder().decode((await unzip(bytes)).files.get('xl/workbook.xml'));
    expect(workbook).toContain('name="三区三线"');
  });

  it('keeps the CSV headers in stable Chinese words with full precision', async () => {
    const { reportTables } = await import('../../src/core/report-tables.ts');
    const { buildReport } = await import('../../src/core/report.ts');
    const { loadProjectFromPath } = await import('../../src/io/node-project.ts');
    const path = await import('node:path');
    const { project } = await loadProjectFromPath(path.join(import.meta.dirname, '../../data/luoshan'));
    const t = reportTables(buildReport(project!))[0]!;
    expect(t.name).toBe('composition');
    expect(t.header).toEqual([
      '项目',
      '面积（平方米）',
      '面积（亩）',
      '面积（公顷）',
      '面积（平方公里）',
      '占规划区（%）',
    ]);
    expect(t.rows[0]![2]).toBeCloseTo(8513300 / (2000 / 3), 0);
  });
});
