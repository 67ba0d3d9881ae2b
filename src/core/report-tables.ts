// The report as plain tables (header + rows): what the CLI writes with --csv and the page exports
// as CSV or XLSX. One definition so both give the same columns.
import { M2_PER_MU } from './units.ts';
import type { Report } from './report-types.ts';

export interface ReportTable {
  /** file or sheet name */
  name: string;
  header: string[];
  rows: unknown[][];
}

const table = (name: string, header: string[], rows: unknown[][]): ReportTable => ({ name, header, rows });

export function reportTables(r: Report): ReportTable[] {
  const c = r.composition;
  return [
    table(
      'composition',
      ['item', 'area_m2', 'area_mu', 'area_km2'],
      (
        [
          ['planned', c.planned_m2],
          ['built', c.built_m2],
          ['development', c.development_m2],
          ['control', c.control_m2],
          ['unassigned', c.unassigned_m2],
          ['overlap', c.overlap_m2],
          ['outside', c.outside_m2],
        ] as [string, number][]
      ).map(([k, v]) => [k, v, v / M2_PER_MU, v / 1e6]),
    ),
    table(
      'zones',
      ['name', 'category', 'area_m2', 'area_mu', 'area_km2', 'layer', 'feature'],
      r.zones.map((z) => [z.name, z.category, z.area_m2, z.area_mu, z.area_km2, z.layer, z.feature]),
    ),
    table(
      'landuse',
      ['class', 'name', 'area_m2', 'area_mu', 'area_ha', 'share', 'parcels'],
      r.landUse.map((l) => [l.class, l.name, l.area_m2, l.area_mu, l.area_ha, l.share, l.parcels]),
    ),
    table(
      'admin',
      ['layer', 'kind', 'name', 'code', 'overlap_m2', 'overlap_mu', 'share_of_zone', 'share_of_unit'],
      r.admin.map((a) => [
        a.layer,
        a.kind,
        a.name,
        a.code,
        a.overlap_m2,
        a.overlap_mu,
        a.share_of_zone,
        a.share_of_unit,
      ]),
    ),
    table(
      'villages',
      ['name', 'overlap_m2', 'overlap_mu', 'relocation', 'population', 'households'],
      r.villages.map((v) => [v.name, v.overlap_m2, v.overlap_mu, v.relocation, v.population, v.households]),
    ),
    table(
      'constraints',
      ['kind', 'layer', 'overlap_m2', 'outside_m2', 'share_of_zone'],
      r.constraints.map((k) =>
        k.outside_m2 !== undefined
          ? [k.kind, k.layer, '', k.outside_m2, k.share_of_zone]
          : [k.kind, k.layer, k.overlap_m2, '', k.share_of_zone],
      ),
    ),
    table(
      'roads',
      ['class', 'status', 'length_m'],
      r.roads.map((x) => [x.class, x.status, x.length_m]),
    ),
    table(
      'enterprises',
      [
        'name',
        'status',
        'park',
        'area_m2',
        'area_mu',
        'investment',
        'intensity_wan_per_mu',
        'belowThreshold',
        'output',
        'tax',
        'employees',
      ],
      r.enterprises.map((e) => [
        e.name,
        e.status,
        e.park,
        e.area_m2,
        e.area_mu,
        e.investment,
        e.intensity_wan_per_mu,
        e.belowThreshold,
        e.output,
        e.tax,
        e.employees,
      ]),
    ),
    table(
      'quotas',
      ['park', 'allocated_m2', 'used_m2', 'remaining_m2', 'share_used'],
      r.quotas.map((q) => [q.park, q.allocated_m2, q.used_m2, q.remaining_m2, q.share_used]),
    ),
  ];
}
