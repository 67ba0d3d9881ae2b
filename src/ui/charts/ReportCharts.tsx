// The charts of the statistics panel: land-use shares, investment by park and status, village
// land, quota used; each drawn only when the report has data for it.
import { useMemo } from 'react';
import { CHART_IDS } from '../../core/presentation.ts';
import { chartData } from '../../core/presentation-charts.ts';
import type { Report } from '../../core/report.ts';
import { useAppState } from '../../state/store.ts';
import { Chart } from './Chart.tsx';
import '../../../styles/present.css';

export function ReportCharts({ report }: { report: Report }) {
  const lang = useAppState((s) => s.lang);
  const charts = useMemo(() => CHART_IDS.flatMap((id) => chartData(report, id, lang) ?? []), [report, lang]);
  if (charts.length === 0) return null;
  return (
    <div className="report-charts" data-testid="report-charts">
      {charts.map((data) => (
        <Chart
          key={data.id}
          data={data}
          height={data.kind === 'pie' ? 220 : 60 + 26 * Math.max(3, chartRows(data))}
        />
      ))}
    </div>
  );
}

function chartRows(data: ReturnType<typeof chartData> & object): number {
  return data.kind === 'bar' ? (data.categories.length > 3 ? data.categories.length : 6) : 0;
}
