/**
 * Charts for a printed report as SVG, drawn by ECharts' server-side renderer (no DOM), so the
 * PDF shows the same kind of chart as the screen.
 */
import * as echarts from 'echarts';

export function svgChart(option: echarts.EChartsOption, width = 680, height = 260): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const wan = (fen: number) => Math.round(fen / 10_000) / 100;

/** Count bars with the amount (万元) on a second axis. */
export function countAmountChart(labels: string[], counts: number[], amountsFen: number[], line = false): string {
  return svgChart({
    legend: { data: ['笔数', '登记金额（万元）'], top: 0 },
    grid: { left: 50, right: 60, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '笔数', minInterval: 1 },
      { type: 'value', name: '万元', splitLine: { show: false } },
    ],
    series: [
      { name: '笔数', type: 'bar', data: counts },
      { name: '登记金额（万元）', type: line ? 'line' : 'bar', yAxisIndex: 1, data: amountsFen.map(wan) },
    ],
  });
}
