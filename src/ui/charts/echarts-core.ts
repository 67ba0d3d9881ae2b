// ECharts as the charts use it: the core, the canvas renderer and the few components drawn. Each
// chart type is a file of its own (echarts-pie.ts, echarts-bar.ts), imported when a chart of that
// type is first shown, so neither is in the first page's JavaScript.
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';

echarts.use([CanvasRenderer, GridComponent, LegendComponent, TooltipComponent]);

const loaded = new Set<string>();

export async function loadEcharts(kind: 'pie' | 'bar'): Promise<typeof echarts> {
  if (!loaded.has(kind)) {
    const ext = kind === 'pie' ? await import('./echarts-pie.ts') : await import('./echarts-bar.ts');
    echarts.use(ext.default);
    loaded.add(kind);
  }
  return echarts;
}
