// Road length inside the planned area by class and status, and the road-network density (contract
// §3 `roads`, `roadDensity_km_per_km2`).
import { nullRounder, word, words, wordWith, type Analysis } from '../analysis-kit.ts';
import { roadClassLabel, roadStatusLabel } from '../labels.ts';
import { analyseRoads } from '../report-roads.ts';
import { formatFixed, m2ToKm2 } from '../units.ts';

const KM = { decimals: 2 };

export const roads: Analysis = {
  id: 'roads',
  run(ctx, planned) {
    const roads = analyseRoads(ctx, planned);
    const plannedKm2 = m2ToKm2(Math.max(0, planned?.area ?? 0));
    const length = roads.reduce((s, r) => s + r.length_m, 0);
    return { roads, roadDensity_km_per_km2: plannedKm2 > 0 ? length / 1000 / plannedKm2 : 0 };
  },
  tables(r, kit) {
    const { lang } = kit;
    if (kit.brief)
      return [
        {
          name: 'roads',
          title: word('brief.roads', lang),
          header: words(['brief.roadClass', 'col.status', 'brief.lengthKm'], lang),
          figures: [undefined, undefined, KM],
          rows: r.roads.map((x) => [
            roadClassLabel(x.class, lang),
            roadStatusLabel(x.status, lang),
            x.length_m / 1000,
          ]),
          totals: [
            [
              word('brief.total', lang),
              wordWith('brief.roadDensity', lang, { density: formatFixed(r.roadDensity_km_per_km2, 2) }),
              r.totals.roadLength_m / 1000,
            ],
          ],
        },
      ];
    const round = nullRounder(kit);
    return [
      {
        name: 'roads',
        title: word('table.roads', lang),
        header: words(['col.roadClass', 'col.status', 'col.lengthM', 'col.lengthKm'], lang),
        rows: r.roads.map((x) => [
          roadClassLabel(x.class, lang),
          roadStatusLabel(x.status, lang),
          round(x.length_m, 1),
          round(x.length_m / 1000, 3),
        ]),
      },
    ];
  },
};
