// The PDF sheet in Node: every paper and orientation, the Chinese words read back by poppler's
// pdftotext (poppler-utils; .ci/run installs it), the scale bar and 1:N from the map's scale.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeSheetPdf, type Orientation, type Paper } from '../../src/io/export/pdf-sheet.ts';

const OUT = 'test/output/pdf-sheet';
const FONT = new Uint8Array(readFileSync('src/io/export/fonts/NotoSansSC-GB2312.ttf'));

/** A w × h PNG of one colour (RGB, no filter), written by hand: IHDR, one IDAT, IEND. */
function solidPng(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 255]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, w);
  hv.setUint32(4, h);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(rgb, y * (1 + 3 * w) + 1 + 3 * x);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    png.set(p, o);
    o += p.length;
  }
  return png;
}

const words = {
  legend: '图例',
  scale: '比例尺',
  date: '出图日期',
  source: '数据来源',
  areaMethod: '面积算法',
  crs: '坐标系',
};

describe('the PDF sheet', () => {
  it.each([
    ['A4', 'landscape', [841.89, 595.28]],
    ['A4', 'portrait', [595.28, 841.89]],
    ['A3', 'landscape', [1190.55, 841.89]],
    ['A3', 'portrait', [841.89, 1190.55]],
  ] as const)(
    '%s %s: page size, Chinese text, a scale bar and 1:N true to the map',
    async (paper, orientation, size) => {
      // a 400 × 300 px map of 2.5 m per pixel
      const { bytes, pages } = await makeSheetPdf({
        paper: paper as Paper,
        orientation: orientation as Orientation,
        views: [
          {
            title: '罗山县产业集聚区规划图',
            image: solidPng(400, 300, [230, 102, 90]),
            imageType: 'png',
            widthPx: 400,
            heightPx: 300,
            metresPerPx: 2.5,
            bearing: 30,
            legend: [
              {
                title: '规划范围',
                entries: [
                  { label: '规划区', color: '#d7191c', shape: 'dash' },
                  {
                    label: '控制区',
                    color: '#4f9a5d',
                    shape: 'hatch',
                    hatch: { kind: '/', backgroundAlpha: 0.22 },
                  },
                  {
                    label: '永久基本农田',
                    color: '#b5c400',
                    shape: 'hatch',
                    hatch: { kind: 'x', backgroundAlpha: 0.2 },
                  },
                ],
                more: 0,
              },
            ],
          },
        ],
        date: '2026-12-01',
        source: '罗山县自然资源局（示例）',
        areaMethod: '椭球面积 (CGCS2000)',
        crs: 'CGCS2000 (EPSG:4490)',
        words,
        font: FONT,
      });
      mkdirSync(OUT, { recursive: true });
      const file = `${OUT}/${paper}-${orientation}.pdf`;
      writeFileSync(file, bytes);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect([Number(m[1]), Number(m[2])]).toEqual([...size].map((n) => Math.round(n * 100) / 100));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const w of [
        '罗山县产业集聚区规划图',
        '图例',
        '规划区',
        '控制区',
        '永久基本农田',
        '出图日期',
        '2026-12-01',
        '椭球面积',
      ])
        expect(text, w).toContain(w);

      const layout = pages[0]!;
      // the map keeps its 4:3 shape; its scale on paper follows from the image's width
      expect(layout.map.width / layout.map.height).toBeCloseTo(4 / 3, 6);
      const metresPerPt = (2.5 * 400) / layout.map.width;
      expect(layout.scaleBar.metres / layout.scaleBar.length).toBeCloseTo(metresPerPt, 9);
      expect([1, 2, 5]).toContain(
        layout.scaleBar.metres / 10 ** Math.floor(Math.log10(layout.scaleBar.metres)),
      );
      // 1 pt = 0.0254 / 72 m
      const n = metresPerPt / (0.0254 / 72);
      expect(Math.abs(layout.denominator - n) / n).toBeLessThan(0.005);
      expect(text.replace(/\s/g, '')).toContain(`比例尺1:${layout.denominator}`);
      expect(text).toContain(layout.scaleBar.label);
    },
  );
});
