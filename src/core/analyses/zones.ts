// The zones and the planned area's composition (contract §3 `zones`, `composition`). Runs first: it
// makes the planned area every other analysis measures against.
import { nullRounder, word, words, type Analysis } from '../analysis-kit.ts';
import { categoryLabel } from '../labels.ts';
import { analyseZones } from '../report-zones.ts';
import { M2_PER_MU } from '../units.ts';

const KM2 = { decimals: 4 };
const MU = { decimals: 0 };
const HA = { decimals: 2 };

export const zones: Analysis = {
  id: 'zones',
  run(ctx) {
    const { zones, composition, planned } = analyseZones(ctx);
    if (planned) ctx.planned = planned;
    return { zones, composition };
  },
  tables(r, kit) {
    const { lang } = kit;
    const w = (k: string) => word(k, lang);
    const c = r.composition;
    const items: [string, number][] = [
      [categoryLabel('planned', lang), c.planned_m2],
      [categoryLabel('built', lang), c.built_m2],
      [categoryLabel('development', lang), c.development_m2],
      [categoryLabel('control', lang), c.control_m2],
      [w(kit.brief ? 'brief.unassigned' : 'row.unassigned'), c.unassigned_m2],
      [w('row.partsOverlap'), c.overlap_m2],
      [w('row.partsOutside'), c.outside_m2],
    ];
    if (kit.brief)
      return [
        {
          name: 'composition',
          title: w('brief.composition'),
          header: words(['col.item', 'brief.km2', 'brief.mu', 'brief.ha'], lang),
          figures: [undefined, KM2, MU, HA],
          rows: items.map(([k, v]) => [k, v / 1e6, v / M2_PER_MU, v / 1e4]),
        },
        {
          name: 'zones',
          title: w('brief.zones'),
          header: words(['col.name', 'col.category', 'brief.km2', 'brief.mu'], lang),
          figures: [undefined, undefined, KM2, MU],
          rows: r.zones.map((z) => [
            z.name,
            categoryLabel(z.category, lang),
            z.area_m2 / 1e6,
            z.area_m2 / M2_PER_MU,
          ]),
        },
      ];
    const round = nullRounder(kit);
    const planned = c.planned_m2;
    const figures = (v: number) => [
      round(v, 2),
      round(v / M2_PER_MU, 0),
      round(v / 1e4, 2),
      round(v / 1e6, 4),
      planned > 0 ? round((v / planned) * 100, 2) : null,
    ];
    return [
      {
        name: 'composition',
        title: w('table.composition'),
        header: words(['col.item', 'col.m2', 'col.mu', 'col.ha', 'col.km2', 'col.shareOfZone'], lang),
        rows: items.map(([k, v]) => [k, ...figures(v)]),
      },
      {
        name: 'zones',
        title: w('table.zones'),
        header: words(
          ['col.name', 'col.category', 'col.m2', 'col.mu', 'col.km2', 'col.layer', 'col.feature'],
          lang,
        ),
        rows: r.zones.map((z) => [
          z.name,
          categoryLabel(z.category, lang),
          round(z.area_m2, 2),
          round(z.area_m2 / M2_PER_MU, 0),
          round(z.area_m2 / 1e6, 4),
          z.layer,
          z.feature,
        ]),
      },
    ];
  },
};
