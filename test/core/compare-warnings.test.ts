// The scenario comparison's warnings carry codes and parameters like the report's, so the page words
// them in its language (the comparison panel showed their Chinese message in English mode).
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/core/compare.ts';
import type { Project } from '../../src/core/types.ts';
import { warningText } from '../../src/core/warning-text.ts';

const CJK = /[\u4e00-\u9fff]/;

// a bow-tie zone (it crosses itself once) and a township around it
const bowtie = [
  [114.5, 32.1],
  [114.52, 32.12],
  [114.52, 32.1],
  [114.5, 32.12],
  [114.5, 32.1],
];
function project(east: number): Project {
  return {
    name: 'p',
    crs: 'EPSG:4326',
    settings: { intensityThreshold_wan_per_mu: 200 },
    areaMethod: 'ellipsoidal',
    layers: [
      {
        id: 'zones',
        role: 'zone',
        file: 'zones.geojson',
        crs: 'EPSG:4326',
        fields: {},
        features: [
          {
            type: 'Feature',
            properties: { name: 'Z', category: 'planned' },
            geometry: {
              type: 'Polygon',
              coordinates: [bowtie.map(([x, y]) => [x === 114.52 ? east : x!, y!])],
            },
          },
        ],
      },
      {
        id: 'towns',
        role: 'admin',
        kind: 'township',
        file: 'towns.geojson',
        crs: 'EPSG:4326',
        fields: {},
        features: [
          {
            type: 'Feature',
            properties: { name: 'T' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [114.49, 32.09],
                  [114.6, 32.09],
                  [114.6, 32.13],
                  [114.49, 32.13],
                  [114.49, 32.09],
                ],
              ],
            },
          },
        ],
      },
    ],
  };
}

describe('the comparison’s warnings', () => {
  it('are worded from code and parameters in English', () => {
    const c = compareScenarios(project(114.52), project(114.53), { from: 'base', to: 'east' });
    expect(c.warnings.length).toBeGreaterThan(0);
    for (const w of c.warnings) {
      expect(w.params, w.code).toBeDefined();
      const en = warningText(w, 'en', w.message);
      expect(en).not.toBe(w.message);
      expect(en.replace(w.name ?? '', '')).not.toMatch(CJK);
    }
  });

  it('word the pieces that could not be cut in either language', () => {
    const w = { code: 'overlay-failed', params: { what: 'pieces', change: 'added' } };
    expect(warningText(w, 'zh')).toBe('新增地块无法切分，未列出各地块；总面积仍按叠加计算');
    expect(warningText(w, 'en')).toMatch(/^the added land could not be cut into pieces/);
  });
});
