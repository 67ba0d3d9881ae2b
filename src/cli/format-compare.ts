// The scenario comparison (src/core/compare.ts) as Chinese tables for people: km² to 4 decimals,
// 亩 whole, changes signed.
import type { ScenarioComparison } from '../core/compare.ts';
import { M2_PER_MU } from '../core/units.ts';
import { categoryLabel, kindLabel, relocationLabel } from '../core/labels.ts';
import { adminKindZh, methodLabel } from './format-report.ts';
import { word } from '../core/analysis-kit.ts';
import { num, table } from './format-table.ts';

/** The catalogue's Chinese words, as the report's tables have them. */
const zh = (key: string) => word(key, 'zh');
const mu = (m2: number) => num(m2 / M2_PER_MU, 0);
const km2 = (m2: number) => num(m2 / 1e6, 4);
/** A change with its sign; a change that rounds to zero shows as 0. */
function signed(text: string): string {
  return /^-?0(\.0*)?$/.test(text) ? text.replace(/^-/, '') : text.startsWith('-') ? text : `+${text}`;
}
const dMu = (m2: number) => signed(mu(m2));
const dKm2 = (m2: number) => signed(km2(m2));
const CHANGE_ZH = { added: '新增', removed: '减少' } as const;

export interface CompareTitles {
  project: string;
  fromName: string;
  toName: string;
}

export function compareText(c: ScenarioComparison, t: CompareTitles): string {
  const parts: string[] = [];
  const f = c.from;
  const to = c.to;
  parts.push(
    `${t.project} 方案比较：${f}「${t.fromName}」→ ${to}「${t.toName}」 — 面积算法: ${methodLabel(c)}\n`,
  );
  parts.push(
    table(
      '分区面积',
      [
        { title: '分区' },
        { title: `${f}(km²)`, right: true },
        { title: `${to}(km²)`, right: true },
        { title: '变化(km²)', right: true },
        { title: '变化(亩)', right: true },
      ],
      c.zones.map((z) => [
        categoryLabel(z.category, 'zh'),
        km2(z.from_m2),
        km2(z.to_m2),
        dKm2(z.delta_m2),
        dMu(z.delta_m2),
      ]),
    ),
  );
  parts.push(
    table(
      '规划区增减',
      [
        { title: zh('col.item') },
        { title: zh('brief.km2'), right: true },
        { title: zh('brief.mu'), right: true },
      ],
      [
        ['新增', km2(c.added_m2), mu(c.added_m2)],
        ['减少', km2(c.removed_m2), mu(c.removed_m2)],
      ],
      ['净变化', dKm2(c.added_m2 - c.removed_m2), dMu(c.added_m2 - c.removed_m2)],
    ),
  );
  if (c.pieces.length)
    parts.push(
      table(
        '新增与减少地块（每块为一片相连的土地）',
        [
          { title: '序号', right: true },
          { title: '变化' },
          { title: zh('brief.mu'), right: true },
          { title: zh('brief.km2'), right: true },
          { title: '所在乡镇' },
          { title: zh('table.villages') },
        ],
        c.pieces.map((p, i) => [
          String(i + 1),
          CHANGE_ZH[p.change],
          mu(p.area_m2),
          km2(p.area_m2),
          p.townships.join('、') || '—',
          p.villages.join('、') || '—',
        ]),
      ),
    );
  if (c.admin.length)
    parts.push(
      table(
        zh('table.admin'),
        [
          { title: '级别' },
          { title: zh('col.name') },
          { title: `${f}(亩)`, right: true },
          { title: `${to}(亩)`, right: true },
          { title: '变化(亩)', right: true },
        ],
        c.admin.map((a) => [
          adminKindZh(a.kind) ?? a.layer,
          a.name,
          mu(a.from_m2),
          mu(a.to_m2),
          dMu(a.delta_m2),
        ]),
      ),
    );
  if (c.villages.length) {
    const where = (inside: boolean | undefined) => (inside ? '点位在内' : '不涉及');
    parts.push(
      table(
        zh('table.villages'),
        [
          { title: zh('col.villageName') },
          { title: `${f}(亩)`, right: true },
          { title: `${to}(亩)`, right: true },
          { title: '变化(亩)', right: true },
          { title: zh('brief.relocation') },
        ],
        c.villages.map((v) =>
          v.from_inside !== undefined
            ? [v.name, where(v.from_inside), where(v.to_inside), '', relocationLabel(v.relocation, 'zh')]
            : [v.name, mu(v.from_m2), mu(v.to_m2), dMu(v.delta_m2), relocationLabel(v.relocation, 'zh')],
        ),
      ),
    );
  }
  if (c.constraints.length)
    parts.push(
      table(
        zh('table.constraints'),
        [
          { title: zh('col.line') },
          { title: zh('col.layer') },
          { title: zh('col.item') },
          { title: `${f}(亩)`, right: true },
          { title: `${to}(亩)`, right: true },
          { title: '变化(亩)', right: true },
        ],
        c.constraints.map((k) => [
          kindLabel(k.kind, 'zh'),
          k.layer,
          k.measure === 'outside' ? zh('row.outsideBoundary') : zh('row.overlapZone'),
          mu(k.from_m2),
          mu(k.to_m2),
          dMu(k.delta_m2),
        ]),
      ),
    );
  return parts.join('\n');
}
