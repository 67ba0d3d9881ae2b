import './words-figures.ts';
import { enterpriseStatusLabel } from '../core/labels.ts';
import type { Report } from '../core/report.ts';
import { formatHa, formatKm2, formatMu, formatPercent, formatWan } from '../core/units.ts';
import { store, useAppState } from '../state/store.ts';
import { setAreaMethod } from '../state/edit.ts';
import { useReport } from '../state/use-report.ts';
import { useT } from './i18n-context.ts';
import { exportStatsCsv, exportStatsXlsx } from './export-stats.ts';
import { ReportSections } from './ReportSections.tsx';
import { ReportCharts } from './charts/ReportCharts.tsx';
import type { MessageKey } from './i18n.ts';

type Composition = Report['composition'];

function AreaRow({
  label,
  m2,
  share,
  testid,
}: {
  label: string;
  m2: number;
  share?: number;
  testid: string;
}) {
  return (
    <tr data-testid={testid}>
      <th>{label}</th>
      <td className="num km2">{formatKm2(m2)}</td>
      <td className="num">{formatMu(m2)}</td>
      <td className="num">{formatHa(m2)}</td>
      <td className="num">{share === undefined ? '' : formatPercent(share)}</td>
    </tr>
  );
}

function CompositionTable({ c }: { c: Composition }) {
  const { t } = useT();
  const planned = c.planned_m2;
  const parts: [MessageKey, number][] = [
    ['built', c.built_m2],
    ['development', c.development_m2],
    ['control', c.control_m2],
  ];
  const extras: [MessageKey, number][] = (
    [
      ['unassigned', c.unassigned_m2],
      ['overlap', c.overlap_m2],
      ['outside', c.outside_m2],
    ] as [MessageKey, number][]
  ).filter(([, v]) => v >= 0.5);
  return (
    <table className="stats" data-testid="composition">
      <thead>
        <tr>
          <th />
          <th>{t('km2')}</th>
          <th>{t('mu')}</th>
          <th>{t('ha')}</th>
          <th>{t('share')}</th>
        </tr>
      </thead>
      <tbody>
        <AreaRow label={t('planned')} m2={planned} testid="row-planned" />
        {parts.map(([k, v]) => (
          <AreaRow
            key={k}
            label={t(k)}
            m2={v}
            share={planned > 0 ? v / planned : undefined}
            testid={`row-${k}`}
          />
        ))}
        {extras.map(([k, v]) => (
          <AreaRow
            key={k}
            label={t(k)}
            m2={v}
            share={planned > 0 ? v / planned : undefined}
            testid={`row-${k}`}
          />
        ))}
      </tbody>
    </table>
  );
}

function EnterpriseFigures({ totals }: { totals: Report['totals'] }) {
  const { t, lang } = useT();
  const by = Object.entries(totals.enterprisesByStatus);
  return (
    <>
      <h3>{t('enterprises')}</h3>
      <div className="big-figures" data-testid="enterprise-figures">
        <span>
          <b>{totals.enterprises}</b> {t('enterpriseUnit')}
        </span>
        <span>
          {t('investment')} <b>{formatWan(totals.investment_wan, lang)}</b>
        </span>
        <span>
          {t('employees')} <b>{totals.employees.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</b>
        </span>
      </div>
      <p className="muted">
        {by.map(([status, n]) => `${enterpriseStatusLabel(status, lang)} ${n}`).join(' · ')}
        {totals.averageIntensity_wan_per_mu !== null &&
          ` · ${t('avgIntensity')} ${totals.averageIntensity_wan_per_mu.toFixed(1)} ${t('wanPerMu')}`}
      </p>
      {totals.belowThreshold > 0 && (
        <p className="warning-text" data-testid="below-threshold">
          {t('belowThreshold')
            .replace('{n}', String(totals.belowThreshold))
            .replace('{t}', String(totals.intensityThreshold_wan_per_mu))}
        </p>
      )}
    </>
  );
}

export function StatsPanel() {
  const { t, lang } = useT();
  const method = useAppState((s) => s.areaMethod);
  const projectName = useAppState((s) => s.project?.name ?? 'zonemap');
  const { report, busy, error } = useReport();
  return (
    <section className="panel stats-panel" aria-label={t('statistics')} data-testid="stats">
      <h2>
        {t('statistics')} {busy && <span className="muted">{t('computing')}</span>}
      </h2>
      <label className="method">
        {t('areaMethod')}{' '}
        <select value={method} onChange={(e) => setAreaMethod(e.target.value as typeof method)}>
          <option value="ellipsoidal">{t('ellipsoidal')}</option>
          <option value="plane">{t('plane')}</option>
        </select>
      </label>
      {report && (
        <div className="stats-export">
          <button
            onClick={() => void exportStatsXlsx(report, projectName, lang, store.get().project?.resolutions)}
            data-testid="export-stats-xlsx"
          >
            {t('exportStats')} XLSX
          </button>
          <button
            onClick={() => void exportStatsCsv(report, projectName, store.get().project?.resolutions)}
            data-testid="export-stats-csv"
          >
            CSV
          </button>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      {report && (
        <>
          <h3>{t('composition')}</h3>
          <CompositionTable c={report.composition} />
          <p className="muted method-note" data-testid="method-note">
            {t('methodNote')}
            {t(report.areaMethod)}
          </p>
          {report.totals.enterprises > 0 && <EnterpriseFigures totals={report.totals} />}
          <ReportCharts report={report} />
          <ReportSections report={report} />
        </>
      )}
    </section>
  );
}
