// The report's sections below the composition: land use, plan review, constraints, administrative
// units, villages, enterprises, quotas, roads, and the report's notes. Every figure is the report's
// (core); this file only lays them out, with the catalogue's words for the data's codes.
import './words-figures.ts';
import type { ReactNode } from 'react';
import { SHOWN_ANALYSES } from '../core/analyses.ts';
import { cellText, type Analysis } from '../core/analysis-kit.ts';
import {
  enterpriseStatusLabel,
  kindLabel,
  landUseNameLabel,
  planLabel,
  relocationLabel,
} from '../core/labels.ts';
import type { EnterpriseEntry, LandUseEntry, Report, VillageEntry } from '../core/report.ts';
import { formatKm, formatKm2, formatMu, formatPercent } from '../core/units.ts';
import { warningText } from '../core/warning-text.ts';
import { useT } from './i18n-context.ts';
import { SortableTable, type SortColumn } from './SortableTable.tsx';

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

const whole = (n: number | null | undefined, lang: 'zh' | 'en') =>
  n === null || n === undefined ? '—' : Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');

function PlanTables({ report }: { report: Report }) {
  const { t, lang } = useT();
  const columns: SortColumn<LandUseEntry>[] = [
    { title: t('colCode'), text: (r) => r.class, value: (r) => r.class },
    {
      title: t('colClassName'),
      text: (r) => landUseNameLabel(r.name, lang),
      value: (r) => landUseNameLabel(r.name, lang),
    },
    { title: t('colMu'), text: (r) => formatMu(r.area_m2), value: (r) => r.area_m2, num: true },
    { title: t('colShare'), text: (r) => formatPercent(r.share), value: (r) => r.share, num: true },
  ];
  const plans = report.plans.filter((p) => p.classes.length > 0);
  if (plans.length === 0) return null;
  return (
    <>
      {plans.map((p) => (
        <div key={p.layer} data-testid={`plan-${p.layer}`}>
          <h3>
            {t('planReview')}：{planLabel(p, lang, plans.filter((q) => q.kind === p.kind).length > 1)}
          </h3>
          <SortableTable
            columns={columns}
            rows={p.classes}
            rowKey={(r) => r.class}
            testid={`plan-table-${p.layer}`}
            lang={lang}
          />
        </div>
      ))}
    </>
  );
}

function VillageTable({ villages }: { villages: readonly VillageEntry[] }) {
  const { t, lang } = useT();
  const columns: SortColumn<VillageEntry>[] = [
    { title: t('colVillage'), text: (v) => v.name, value: (v) => v.name },
    { title: t('colMu'), text: (v) => formatMu(v.overlap_m2), value: (v) => v.overlap_m2, num: true },
    { title: t('colKm2'), text: (v) => formatKm2(v.overlap_m2), value: (v) => v.overlap_m2, num: true },
    {
      title: t('colRelocation'),
      text: (v) => relocationLabel(v.relocation, lang),
      value: (v) => relocationLabel(v.relocation, lang),
    },
    {
      title: t('colPopulation'),
      text: (v) => whole(v.population, lang),
      value: (v) => v.population ?? null,
      num: true,
    },
  ];
  return (
    <SortableTable
      columns={columns}
      rows={villages}
      rowKey={(v) => `${v.layer}/${v.feature}`}
      testid="village-table"
      lang={lang}
    />
  );
}

function EnterpriseTable({ enterprises }: { enterprises: readonly EnterpriseEntry[] }) {
  const { t, lang } = useT();
  const columns: SortColumn<EnterpriseEntry>[] = [
    { title: t('colName'), text: (e) => e.name, value: (e) => e.name },
    {
      title: t('colStatus'),
      text: (e) => enterpriseStatusLabel(e.status, lang),
      value: (e) => enterpriseStatusLabel(e.status, lang),
    },
    { title: t('colPark'), text: (e) => e.park ?? '—', value: (e) => e.park },
    { title: t('colMu'), text: (e) => formatMu(e.area_m2), value: (e) => e.area_m2, num: true },
    {
      title: t('colInvestment'),
      text: (e) => whole(e.investment, lang),
      value: (e) => e.investment,
      num: true,
    },
    {
      title: t('colIntensity'),
      text: (e) =>
        e.intensity_wan_per_mu === null
          ? '—'
          : `${e.intensity_wan_per_mu.toFixed(1)}${e.belowThreshold ? ' *' : ''}`,
      value: (e) => e.intensity_wan_per_mu,
      num: true,
    },
  ];
  return (
    <>
      <h3>{t('enterpriseList')}</h3>
      <SortableTable
        columns={columns}
        rows={enterprises}
        rowKey={(e) => `${e.layer}/${e.feature}`}
        testid="enterprise-table"
        lang={lang}
      />
    </>
  );
}

/**
 * An analysis the panel does not lay out itself, as its brief tables: a new analysis of the
 * registry (src/core/analyses.ts) shows here without a change to this file.
 */
function RegistryTables({ analysis, report }: { analysis: Analysis; report: Report }) {
  const { lang } = useT();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const tables = analysis.tables(report, { lang, rounded: true, brief: true });
  return (
    <>
      {tables
        .filter((t) => t.rows.length > 0)
        .map((t) => (
          <div key={t.name}>
            <h3>{t.title}</h3>
            {/* a wide table scrolls sideways in its own box, not the whole panel */}
            <div className="table-scroll">
              <table className="stats compact" data-testid={`registry-${t.name}`}>
                <thead>
                  <tr>
                    {t.header.map((h) => (
                      <th key={h}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.slice(0, 200).map((row, i) => (
                    <tr key={i}>
                      {row.map((v, k) => (
                        <td key={k} className={typeof v === 'number' ? 'num' : undefined}>
                          {cellText(v, t.figures?.[k], locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))}
    </>
  );
}

function Warnings({ report }: { report: Report }) {
  const { t, lang } = useT();
  if (report.warnings.length === 0) return null;
  return (
    <>
      <h3>{t('reportWarnings')}</h3>
      <ul className="report-warnings" data-testid="report-warnings">
        {report.warnings.slice(0, 50).map((w, i) => (
          <li key={i} data-code={w.code}>
            {warningText(w, lang, w.message)}
          </li>
        ))}
      </ul>
    </>
  );
}

function LandUseView({ report }: { report: Report }) {
  const { t, lang } = useT();
  return (
    <>
      <FigureTable
        title={t('landUse')}
        testid="landuse"
        rows={report.landUse.slice(0, 12).map((r) => ({
          key: r.class,
          label: `${r.class} ${landUseNameLabel(r.name, lang)}`,
          cells: [formatMu(r.area_m2), formatPercent(r.share)],
        }))}
      />
      <PlanTables report={report} />
    </>
  );
}

function ConstraintsView({ report }: { report: Report }) {
  const { t, lang } = useT();
  return (
    <FigureTable
      title={t('constraints')}
      testid="constraints"
      rows={report.constraints.map((r) => ({
        key: r.layer,
        // the catalogue's one wording of "outside the urban boundary" (as the review's)
        label: kindLabel(r.kind === 'urban-boundary' ? 'outside-urban-boundary' : r.kind, lang),
        cells: [formatMu(r.overlap_m2 ?? r.outside_m2 ?? 0), [t('mu')]],
      }))}
    />
  );
}

function AdminView({ report }: { report: Report }) {
  const { t, lang } = useT();
  const totals = report.totals;
  return (
    <>
      <FigureTable
        title={t('admin')}
        testid="admin"
        rows={report.admin
          .filter((a) => a.overlap_m2 >= 0.5)
          .map((a) => ({
            key: `${a.layer}/${a.name}`,
            label: a.name,
            cells: [formatMu(a.overlap_m2), [t('mu')], formatPercent(a.share_of_zone)],
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
          <VillageTable villages={report.villages} />
        </>
      )}
    </>
  );
}

function EnterprisesView({ report }: { report: Report }) {
  const { t } = useT();
  return (
    <>
      {report.enterprises.length > 0 && <EnterpriseTable enterprises={report.enterprises} />}
      <FigureTable
        title={t('quotas')}
        testid="quotas"
        header={[t('allocated'), t('used'), t('remaining'), t('share')]}
        rows={report.quotas.map((q) => ({
          key: q.park,
          label: q.park,
          cells: [
            formatMu(q.allocated_m2),
            formatMu(q.used_m2),
            formatMu(q.remaining_m2),
            formatPercent(q.share_used),
          ],
        }))}
      />
    </>
  );
}

function RoadsView({ report }: { report: Report }) {
  const { t } = useT();
  if (report.roads.length === 0) return null;
  return (
    <>
      <h3>{t('roads')}</h3>
      <p data-testid="roads-summary">
        {formatKm(report.totals.roadLength_m)} km · {t('roadDensity')}{' '}
        {report.roadDensity_km_per_km2.toFixed(2)} km/km²
      </p>
      <FigureTable
        title={t('parkRoads')}
        testid="park-roads"
        header={['km', `${t('roadDensity')} km/km²`]}
        rows={report.parks
          .filter((p) => p.roadLength_m > 0)
          .map((p) => ({
            key: p.name,
            label: p.name,
            cells: [formatKm(p.roadLength_m), p.roadDensity_km_per_km2.toFixed(2)],
          }))}
      />
    </>
  );
}

/** The analyses the panel lays out in its own way; the others show their brief tables. */
const VIEWS: Partial<Record<string, (p: { report: Report }) => ReactNode>> = {
  // the composition stands above the charts (StatsPanel)
  zones: () => null,
  landuse: LandUseView,
  admin: AdminView,
  constraints: ConstraintsView,
  roads: RoadsView,
  enterprises: EnterprisesView,
};

export function ReportSections({ report }: { report: Report }) {
  return (
    <>
      {SHOWN_ANALYSES.map((a) => {
        const View = VIEWS[a.id];
        return View ? (
          <View key={a.id} report={report} />
        ) : (
          <RegistryTables key={a.id} analysis={a} report={report} />
        );
      })}
      <Warnings report={report} />
    </>
  );
}
