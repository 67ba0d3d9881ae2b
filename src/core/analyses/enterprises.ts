// Enterprise plots and their investment intensity (万元/亩) against the project's threshold, the
// parks' totals, and the construction-land quotas (contract §3 `enterprises`; `parks`, `quotas`).
import { nullRounder, word, words, wordWith, type Analysis } from '../analysis-kit.ts';
import { enterpriseStatusLabel } from '../labels.ts';
import { analyseEnterprises } from '../report-enterprises.ts';
import { formatFixed, M2_PER_MU } from '../units.ts';

const d = (decimals: number) => ({ decimals });
const SHARE = { decimals: 1, percent: true };

export const enterprises: Analysis = {
  id: 'enterprises',
  run: (ctx) => analyseEnterprises(ctx),
  tables(r, kit) {
    const { lang } = kit;
    const t = r.totals;
    if (kit.brief)
      return [
        {
          name: 'parks',
          title: word('brief.parks', lang),
          header: words(
            [
              'col.park',
              'brief.industry',
              'brief.km2',
              'brief.enterprises',
              'brief.roadKm',
              'brief.densityCol',
            ],
            lang,
          ),
          figures: [undefined, undefined, d(4), d(0), d(2), d(2)],
          rows: r.parks.map((p) => [
            p.name,
            p.industry,
            p.area_km2,
            p.enterprises,
            p.roadLength_m / 1000,
            p.roadDensity_km_per_km2,
          ]),
        },
        {
          name: 'enterprises',
          title: wordWith('brief.enterpriseList', lang, {
            threshold: formatFixed(t.intensityThreshold_wan_per_mu, 0),
          }),
          header: words(
            [
              'col.enterprise',
              'col.status',
              'col.park',
              'brief.plotMu',
              'brief.investment',
              'brief.intensity',
            ],
            lang,
          ),
          figures: [undefined, undefined, undefined, d(1), d(0), d(1)],
          rows: r.enterprises.map((e) => [
            e.name,
            enterpriseStatusLabel(e.status, lang),
            e.park ?? '',
            e.area_mu,
            e.investment,
            `${formatFixed(e.intensity_wan_per_mu, 1)}${e.belowThreshold ? ' *' : ''}`,
          ]),
          totals: [
            [
              wordWith('brief.enterpriseCount', lang, { n: t.enterprises }),
              Object.entries(t.enterprisesByStatus)
                .map(([k, v]) => `${enterpriseStatusLabel(k, lang)}${v}`)
                .join(' '),
              '',
              t.enterpriseArea_m2 / M2_PER_MU,
              t.investment_wan,
              t.averageIntensity_wan_per_mu,
            ],
          ],
          note: wordWith('brief.enterpriseNote', lang, {
            yi: formatFixed(t.investment_wan / 1e4, 2),
            employees: formatFixed(t.employees, 0),
            output: formatFixed(t.output_wan, 0),
            tax: formatFixed(t.tax_wan, 0),
            below: t.belowThreshold,
          }),
        },
        {
          name: 'quotas',
          title: word('brief.quotas', lang),
          header: words(
            ['col.park', 'brief.allocatedMu', 'brief.usedMu', 'brief.remainingMu', 'brief.shareUsed'],
            lang,
          ),
          figures: [undefined, d(0), d(0), d(0), SHARE],
          rows: r.quotas.map((q) => [
            q.park,
            q.allocated_m2 / M2_PER_MU,
            q.used_m2 / M2_PER_MU,
            q.remaining_m2 / M2_PER_MU,
            q.share_used,
          ]),
        },
      ];
    const round = nullRounder(kit);
    const m2 = (v: number) => round(v, 2);
    const mu = (v: number) => round(v / M2_PER_MU, 0);
    return [
      {
        name: 'enterprises',
        title: word('table.enterprises', lang),
        header: words(
          [
            'col.enterprise',
            'col.status',
            'col.park',
            'col.m2',
            'col.mu',
            'col.investment',
            'col.intensity',
            'col.below',
            'col.output',
            'col.tax',
            'col.employees',
          ],
          lang,
        ),
        rows: r.enterprises.map((e) => [
          e.name,
          enterpriseStatusLabel(e.status, lang),
          e.park,
          m2(e.area_m2),
          mu(e.area_m2),
          round(e.investment, 2),
          round(e.intensity_wan_per_mu, 1),
          word(e.belowThreshold ? 'word.yes' : 'word.no', lang),
          round(e.output, 2),
          round(e.tax, 2),
          e.employees,
        ]),
      },
      {
        name: 'quotas',
        title: word('table.quotas', lang),
        header: words(
          [
            'col.park',
            'col.allocatedM2',
            'col.allocatedMu',
            'col.usedM2',
            'col.usedMu',
            'col.remainingM2',
            'col.remainingMu',
            'col.shareUsed',
          ],
          lang,
        ),
        rows: r.quotas.map((q) => [
          q.park,
          m2(q.allocated_m2),
          mu(q.allocated_m2),
          m2(q.used_m2),
          mu(q.used_m2),
          m2(q.remaining_m2),
          mu(q.remaining_m2),
          round(q.share_used * 100, 2),
        ]),
      },
    ];
  },
};
