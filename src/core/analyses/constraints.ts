// 三区三线: the planned area's overlap with basic farmland and the red line, and the planned area
// outside the urban development boundary (contract §3 `constraints`).
import { rounder, word, type Analysis } from '../analysis-kit.ts';
import { kindLabel } from '../labels.ts';
import { analyseConstraints } from '../report-constraints.ts';
import { M2_PER_MU } from '../units.ts';

export const constraints: Analysis = {
  id: 'constraints',
  run: (ctx, planned) => ({ constraints: analyseConstraints(ctx, planned) }),
  tables(r, kit) {
    const { lang } = kit;
    const round = rounder(kit);
    return [
      {
        name: 'constraints',
        title: word('table.constraints', lang),
        header: ['col.line', 'col.measure', 'col.m2', 'col.mu', 'col.shareOfZone', 'col.layer'].map((k) =>
          word(k, lang),
        ),
        rows: r.constraints.map((k) => {
          const outside = k.outside_m2 !== undefined;
          const v = (outside ? k.outside_m2 : k.overlap_m2) ?? 0;
          return [
            kindLabel(k.kind, lang),
            word(outside ? 'row.outsideBoundary' : 'row.overlapZone', lang),
            round(v, 2),
            round(v / M2_PER_MU, 0),
            round(k.share_of_zone * 100, 2),
            k.layer,
          ];
        }),
      },
    ];
  },
};
