// Land use inside the planned area by class, and the same for each plan layer (contract §3
// `landUse`; `plans` for the three-plan review).
import { nullRounder, word, words, wordWith, type Analysis } from '../analysis-kit.ts';
import { landUseNameLabel, planLabel } from '../labels.ts';
import { analyseLandUse, analysePlans } from '../report-landuse.ts';
import type { PlanEntry } from '../report-types.ts';
import { M2_PER_MU } from '../units.ts';

const MU = { decimals: 0 };
const HA = { decimals: 2 };
const SHARE = { decimals: 1, percent: true };

export const landUse: Analysis = {
  id: 'landuse',
  run: (ctx, planned) => ({ landUse: analyseLandUse(ctx, planned), plans: analysePlans(ctx, planned) }),
  tables(r, kit) {
    const { lang } = kit;
    const ambiguous = (p: PlanEntry) => r.plans.filter((q) => q.kind === p.kind).length > 1;
    if (kit.brief) {
      const total = r.landUse.reduce((s, l) => s + l.area_m2, 0);
      const planned = r.composition.planned_m2;
      return [
        {
          name: 'landuse',
          title: word('brief.landuse', lang),
          header: words(['col.luClass', 'col.luName', 'brief.mu', 'brief.ha', 'brief.shareOfZone'], lang),
          figures: [undefined, undefined, MU, HA, SHARE],
          rows: r.landUse.map((l) => [
            l.class,
            landUseNameLabel(l.name, lang),
            l.area_m2 / M2_PER_MU,
            l.area_m2 / 1e4,
            l.share,
          ]),
          totals: [
            [
              word('brief.total', lang),
              '',
              total / M2_PER_MU,
              total / 1e4,
              planned > 0 ? total / planned : 0,
            ],
          ],
        },
        ...r.plans.map((p) => ({
          name: `plans-${p.layer}`,
          title: wordWith('brief.plan', lang, { plan: planLabel(p, lang, ambiguous(p)) }),
          header: words(['col.useCode', 'col.useName', 'brief.mu', 'brief.shareOfZone'], lang),
          figures: [undefined, undefined, MU, SHARE],
          rows: p.classes.map((l) => [
            l.class,
            landUseNameLabel(l.name, lang),
            l.area_m2 / M2_PER_MU,
            l.share,
          ]),
        })),
      ];
    }
    const round = nullRounder(kit);
    return [
      {
        name: 'landuse',
        title: word('table.landuse', lang),
        header: words(
          ['col.luClass', 'col.luName', 'col.m2', 'col.mu', 'col.ha', 'col.shareOfZone', 'col.parcels'],
          lang,
        ),
        rows: r.landUse.map((l) => [
          l.class,
          landUseNameLabel(l.name, lang),
          round(l.area_m2, 2),
          round(l.area_m2 / M2_PER_MU, 0),
          round(l.area_m2 / 1e4, 2),
          round(l.share * 100, 2),
          l.parcels,
        ]),
      },
      {
        name: 'plans',
        title: word('table.plans', lang),
        header: words(['col.plan', 'col.luClass', 'col.luName', 'col.m2', 'col.mu', 'col.shareOfZone'], lang),
        rows: r.plans.flatMap((p) =>
          p.classes.map((l) => [
            planLabel(p, lang, ambiguous(p)),
            l.class,
            landUseNameLabel(l.name, lang),
            round(l.area_m2, 2),
            round(l.area_m2 / M2_PER_MU, 0),
            round(l.share * 100, 2),
          ]),
        ),
      },
    ];
  },
};
