// The report's sections below the composition: land use, constraints, administrative units,
// villages, quotas, roads. Every figure is the report's (core); this file only lays them out.
import type { Report } from '../core/report.ts';
import { formatKm, formatMu, formatPercent } from '../core/units.ts';
import { useT } from './i18n-context.ts';
import type { MessageKey } from './i18n.ts';

interface Row {
  key: string;
  label: string;
  /** cell text; a cell given as [text] is shown muted (a unit) */
  cells: (string | [string])[];
}

function FigureTable({
  title,
  rows,
  header,
  testid,
}: {
  title: string;
  rows: Row[];
  header?: string[];
  testid?: string;
}) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <table className="stats compact" data-testid={testid}>
        {header && (
          <thead>
            <tr>
              <th />
              {header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th>{r.label}</th>
              {r.cells.map((c, i) =>
                Array.isArray(c) ? (
                  <td key={i} className="muted">
                    {c[0]}
                  </td>
                ) : (
                  <td key={i} className="num">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ReportSections({ report }: { report: Report }) {
  const { t, lang } = useT();
  const mu: [string] = [t('mu')];
  const totals = report.totals;
  return (
    <>
      <FigureTable
        title={t('landUse')}
        testid="landuse"
        rows={report.landUse.slice(0, 12).map((r) => ({
          key: r.class,
          label: `${r.class} ${r.name}`,
          cells: [formatMu(r.area_m2), formatPercent(r.share)],
        }))}
      />
      <FigureTable
        title={t('constraints')}
        testid="constraints"
        rows={report.constraints.map((r) => ({
          key: r.layer,
          label: r.kind === 'urban-boundary' ? t('outsideUrbanBoundary') : t(`kind.${r.kind}` as MessageKey),
          cells: [formatMu(r.overlap_m2 ?? r.outside_m2 ?? 0), mu],
        }))}
      />
      <FigureTable
        title={t('admin')}
        testid="admin"
        rows={report.admin
          .filter((a) => a.overlap_m2 >= 0.5)
          .map((a) => ({
            key: `${a.layer}/${a.name}`,
            label: a.name,
            cells: [formatMu(a.overlap_m2), mu, formatPercent(a.share_of_zone)],
          }))}
      />
      {report.villages.length > 0 && (
        <>
          <h3>{t('villages')}</h3>
          <p data-testid="villages-summary">
            {t('villagesSummary')
              .replace('{n}', String(totals.villages))
              .replace('{r}', String(totals.villagesToRelocate))
              .replace('{p}', totals.populationAffected.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'))}
          </p>
        </>
      )}
      <FigureTable
        title={t('quotas')}
        testid="quotas"
        header={[t('allocated'), t('used'), t('share')]}
        rows={report.quotas.map((q) => ({
          key: q.park,
          label: q.park,
          cells: [formatMu(q.allocated_m2), formatMu(q.used_m2), formatPercent(q.share_used)],
        }))}
      />
      {report.roads.length > 0 && (
        <>
          <h3>{t('roads')}</h3>
          <p data-testid="roads-summary">
            {formatKm(totals.roadLength_m)} km · {t('roadDensity')} {report.roadDensity_km_per_km2.toFixed(2)}{' '}
            km/km²
          </p>
        </>
      )}
    </>
  );
}
