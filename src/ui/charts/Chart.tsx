// One chart of core's chart data, drawn by ECharts once its code has loaded (on first show).
import { useEffect, useRef } from 'react';
import type { ChartData } from '../../core/presentation-charts.ts';
import { chartOption } from './chart-option.ts';

export function Chart({ data, height, large = false }: { data: ChartData; height: number; large?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-core.ts')
      .then(({ loadEcharts }) => loadEcharts(data.kind))
      .then((echarts) => {
        if (disposed || !box.current) return;
        const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
        chart.setOption(chartOption(data, large));
        const resize = new ResizeObserver(() => chart.resize());
        resize.observe(box.current);
        box.current.setAttribute('data-chart-ready', 'true');
        dispose = () => {
          resize.disconnect();
          chart.dispose();
        };
      });
    return () => {
      disposed = true;
      dispose();
    };
  }, [data, large]);
  return (
    <figure className="chart" data-testid={`chart-${data.id}`}>
      <figcaption>{data.title}</figcaption>
      <div ref={box} style={{ height }} />
    </figure>
  );
}
