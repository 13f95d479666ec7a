/**
 * The profile's charts as SVG for printed reports, drawn by ECharts' server-side renderer (the
 * same library the pages draw with), so the PDF needs no browser script.
 */
import * as echarts from 'echarts';
import type { Bucket } from '../../../shared/domain/profile/portfolio';
import type { Growth } from '../../../shared/domain/profile/growth';

const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

function svg(option: echarts.EChartsCoreOption, width = 320, height = 200): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function bucketChart(title: string, buckets: readonly Bucket[]): string {
  return svg({
    title: { text: title, textStyle: { fontSize: 12 }, left: 'center' },
    grid: { left: 36, right: 10, top: 44, bottom: 40 },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { fontSize: 10, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    series: [
      {
        type: 'bar',
        data: buckets.map((b) => b.count),
        itemStyle: { color: '#1d5fd1' },
        label: { show: true, position: 'top', fontSize: 10 },
      },
    ],
  });
}

/** Revenue and R&D by year, in 万元. */
export function growthChart(g: Growth): string {
  const wan = (fen: number | null) => (fen === null ? null : Math.round(fen / 1_000_000));
  return svg(
    {
      title: { text: '营业收入与研发费用（万元）', textStyle: { fontSize: 12 }, left: 'center' },
      legend: { bottom: 0, textStyle: { fontSize: 10 } },
      grid: { left: 50, right: 10, top: 44, bottom: 40 },
      xAxis: { type: 'category', data: g.years.map((y) => `${y.year}`) },
      yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      series: [
        { name: '营业收入', type: 'bar', data: g.years.map((y) => wan(y.revenueFen)), itemStyle: { color: '#1d5fd1' } },
        { name: '研发费用', type: 'bar', data: g.years.map((y) => wan(y.rdFen)), itemStyle: { color: '#fa8c16' } },
      ],
    },
    660,
    220,
  );
}
