// The administrative units and the villages the planned area takes land from (contract §3 `admin`,
// `villages`).
import { findWord, nullRounder, word, words, type Analysis } from '../analysis-kit.ts';
import { kindLabel, relocationLabel, type Lang } from '../labels.ts';
import { analyseAdmin, analyseVillages } from '../report-admin.ts';
import { M2_PER_MU } from '../units.ts';

const MU = { decimals: 0 };
const SHARE = { decimals: 1, percent: true };
const WHOLE = { decimals: 0 };

/** A unit's level (县, 乡镇, 行政村), or undefined for a kind the catalogue does not know. */
export const unitLabel = (kind: string, lang: Lang): string | undefined => findWord(`unit.${kind}`, lang);

export const admin: Analysis = {
  id: 'admin',
  run: (ctx, planned) => ({ admin: analyseAdmin(ctx, planned), villages: analyseVillages(ctx, planned) }),
  tables(r, kit) {
    const { lang } = kit;
    if (kit.brief)
      return [
        {
          name: 'admin',
          title: word('table.admin', lang),
          header: words(
            ['col.layer', 'col.name', 'col.code', 'brief.takenMu', 'brief.shareOfZone', 'brief.shareOfUnit'],
            lang,
          ),
          figures: [undefined, undefined, undefined, MU, SHARE, SHARE],
          rows: r.admin.map((a) => [
            unitLabel(a.kind, lang) ?? a.layer,
            a.name,
            a.code,
            a.overlap_m2 / M2_PER_MU,
            a.share_of_zone,
            a.share_of_unit,
          ]),
        },
        {
          name: 'villages',
          title: word('table.villages', lang),
          header: words(
            ['col.villageName', 'brief.takenMu', 'brief.relocation', 'col.population', 'col.households'],
            lang,
          ),
          figures: [undefined, MU, undefined, WHOLE, WHOLE],
          rows: r.villages.map((v) => [
            v.name,
            v.overlap_m2 / M2_PER_MU,
            relocationLabel(v.relocation, lang),
            v.population ?? null,
            v.households ?? null,
          ]),
        },
      ];
    const round = nullRounder(kit);
    return [
      {
        name: 'admin',
        title: word('table.admin', lang),
        header: words(
          [
            'col.kind',
            'col.name',
            'col.code',
            'col.m2',
            'col.mu',
            'col.shareOfZone',
            'col.shareOfUnit',
            'col.layer',
          ],
          lang,
        ),
        rows: r.admin.map((a) => [
          unitLabel(a.kind, lang) ?? kindLabel(a.kind, lang),
          a.name,
          a.code,
          round(a.overlap_m2, 2),
          round(a.overlap_m2 / M2_PER_MU, 0),
          round(a.share_of_zone * 100, 2),
          round(a.share_of_unit * 100, 2),
          a.layer,
        ]),
      },
      {
        name: 'villages',
        title: word('table.villages', lang),
        header: words(
          ['col.villageName', 'col.m2', 'col.mu', 'col.relocation', 'col.population', 'col.households'],
          lang,
        ),
        rows: r.villages.map((v) => [
          v.name,
          round(v.overlap_m2, 2),
          round(v.overlap_m2 / M2_PER_MU, 0),
          relocationLabel(v.relocation, lang),
          v.population ?? null,
          v.households ?? null,
        ]),
      },
    ];
  },
};
