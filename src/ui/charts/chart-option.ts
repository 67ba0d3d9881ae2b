// ECharts options for core's chart data, in the map's colours: land use as the map paints it,
// enterprises by status and villages by relocation as their layers do.
import type { ChartData } from '../../core/presentation-charts.ts';
import { landUseColor } from '../../map/landuse-colors.ts';
import { ENTERPRISE_COLORS, PARK_COLOR, RELOCATION_COLORS, ZONE_COLORS } from '../../map/style.ts';

const SERIES_COLORS: Record<string, string> = {
  producing: ENTERPRISE_COLORS.producing,
  building: ENTERPRISE_COLORS.building,
  planned: '#b0bec5',
  other: '#cfd8dc',
  done: RELOCATION_COLORS.done,
  none: RELOCATION_COLORS.none,
  used: ZONE_COLORS.built,
  allocated: PARK_COLOR,
};
// `planned` names a relocation status in the village chart
const VILLAGE_COLORS: Record<string, string> = { planned: RELOCATION_COLORS.planned };

const FONT =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** `large`: type for a projector (slides), else for the statistics panel. */
export function chartOption(data: ChartData, large: boolean): Record<string, unknown> {
  const fontSize = large ? 18 : 12;
  const text = { fontFamily: FONT, fontSize, color: '#1f2a37' };
  const tooltip = { textStyle: text, valueFormatter: (v: unknown) => `${String(v)} ${data.unit}` };
  if (data.kind === 'pie') {
    const total = data.slices.reduce((sum, s) => sum + s.value, 0);
    return {
      animation: false,
      textStyle: text,
      tooltip: { ...tooltip, trigger: 'item' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: text },
      series: [
        {
          type: 'pie',
          radius: ['38%', '72%'],
          center: ['36%', '50%'],
          avoidLabelOverlap: true,
          label: { show: large, formatter: '{d}%', fontSize, fontFamily: FONT, overflow: 'none' },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data: data.slices.map((s) => {
            // a sliver's label would only collide with its neighbours'
            const big = total > 0 && s.value / total >= 0.03;
            return {
              name: s.name,
              value: s.value,
              label: { show: large && big },
              labelLine: { show: large && big },
              itemStyle: { color: s.key === 'other' ? '#cfd8dc' : landUseColor(s.key, s.name, 'sandiao') },
            };
          }),
        },
      ],
    };
  }
  const horizontal = data.categories.length > 3;
  const category = { type: 'category', data: data.categories, axisLabel: { ...text, interval: 0 } };
  const value = { type: 'value', name: data.unit, nameTextStyle: text, axisLabel: text };
  return {
    animation: false,
    textStyle: text,
    tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: text },
    grid: { left: 8, right: 24, top: large ? 48 : 32, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      ...(s.stack ? { stack: s.stack } : {}),
      barMaxWidth: large ? 48 : 24,
      itemStyle: {
        color:
          (data.id === 'village-land' ? VILLAGE_COLORS[s.key] : undefined) ??
          SERIES_COLORS[s.key] ??
          '#90a4ae',
      },
    })),
  };
}
