// The registry of analyses (src/core/analyses.ts): every analysis's tables, full and brief, in both
// languages, are well formed and worded by the catalogue; the report holds what each one returns,
// its keys in the contract's order.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSES, SHOWN_ANALYSES } from '../../src/core/analyses.ts';
import { cellText } from '../../src/core/analysis-kit.ts';
import { buildReport } from '../../src/core/report.ts';
import { reportTables } from '../../src/core/report-tables.ts';
import type { Project } from '../../src/core/types.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { LABELS } from '../../src/core/labels.ts';
import { TABLE_WORDS } from '../../src/core/table-words.ts';

const CJK = /[\u4e00-\u9fff]/;

async function sample(name: string) {
  const { project } = await loadProjectFromPath(path.join(import.meta.dirname, '../../data', name));
  return buildReport(project as Project);
}

describe('the registry of analyses', () => {
  it('runs zones first and lists each analysis once', () => {
    const ids = ANALYSES.map((a) => a.id);
    expect(ids[0]).toBe('zones');
    expect(new Set(ids).size).toBe(ids.length);
    expect(SHOWN_ANALYSES.map((a) => a.id).sort()).toEqual([...ids].sort());
    // the conflicts' tables keep their place after the older ones
    expect(SHOWN_ANALYSES.at(-1)!.id).toBe('conflicts');
  });

  it('gives the report every key in the contract’s order', async () => {
    const r = await sample('luoshan');
    expect(Object.keys(r)).toEqual([
      'areaMethod',
      'zones',
      'composition',
      'landUse',
      'plans',
      'admin',
      'villages',
      'constraints',
      'roads',
      'roadDensity_km_per_km2',
      'enterprises',
      'parks',
      'quotas',
      'totals',
      'conflicts',
      'conflictTotals',
      'conflictsByTownship',
      'conflictSummary',
      'warnings',
    ]);
    expect(r.roadDensity_km_per_km2).toBeCloseTo(r.totals.roadLength_m / 1000 / r.totals.planned_km2, 9);
  });

  it('words every table in either language, rows as wide as the header', async () => {
    const r = await sample('luoshan');
    for (const a of ANALYSES)
      for (const lang of ['zh', 'en'] as const)
        for (const brief of [false, true]) {
          const tables = a.tables(r, { lang, rounded: true, brief });
          expect(tables.length, `${a.id} ${lang}`).toBeGreaterThan(0);
          for (const t of tables) {
            const where = `${a.id}/${t.name} ${lang}${brief ? ' brief' : ''}`;
            expect(t.rows.length, where).toBeGreaterThan(0);
            for (const row of [...t.rows, ...(t.totals ?? [])])
              expect(row.length, where).toBe(t.header.length);
            if (t.figures) expect(t.figures.length, where).toBe(t.header.length);
            if (lang === 'en') {
              // words from the catalogue, never a key left over, no Chinese but the data's own names
              for (const h of [t.title, ...t.header]) {
                expect(h, where).not.toMatch(CJK);
                expect(h, where).not.toMatch(/^(col|table|brief|row|unit)\./);
              }
              if (t.note) expect(t.note.replace(/\d/g, ''), where).not.toMatch(CJK);
            }
          }
        }
  });

  it('writes a brief table’s figures with the column’s decimals, shares as percent', () => {
    expect(cellText(1234.567, { decimals: 1 }, 'en')).toBe('1,234.6');
    expect(cellText(0.12345, { decimals: 1, percent: true }, 'en')).toBe('12.3%');
    expect(cellText(null, { decimals: 0 }, 'en')).toBe('—');
    expect(cellText(1234.5, undefined, 'en')).toBe('1,234.5');
    expect(cellText('已建', { decimals: 2 }, 'en')).toBe('已建');
  });

  it('exports the tables of every analysis, in the order they are shown', async () => {
    const r = await sample('zhecheng');
    const names = reportTables(r).map((t) => t.name);
    expect(names).toEqual(
      SHOWN_ANALYSES.flatMap((a) =>
        a.tables(r, { lang: 'zh', rounded: false, brief: false }).map((t) => t.name),
      ),
    );
    expect(names.indexOf('roads')).toBeLessThan(names.indexOf('enterprises'));
  });

  it('keeps each word in one half of the catalogue, in both languages', () => {
    for (const k of Object.keys(TABLE_WORDS)) {
      expect(Object.hasOwn(LABELS, k), k).toBe(false);
      expect(TABLE_WORDS[k]!.zh, k).toMatch(CJK);
      expect(TABLE_WORDS[k]!.en, k).not.toMatch(CJK);
    }
  });
});
