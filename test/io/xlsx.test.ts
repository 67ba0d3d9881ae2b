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
