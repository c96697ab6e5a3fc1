import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts instance bound to an element, resized with the window and disposed with the component. */
export function useECharts() {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  return { element, chart };
}

/** An ECharts chart that follows its options and the window size. */
export function Chart({ option, height = 240, label, testId }: { option: echarts.EChartsCoreOption; height?: number; label: string; testId?: string }) {
  const { element, chart } = useECharts();
  useEffect(() => {
    chart.current?.setOption(option, true);
    // The value axis' range as drawn, for anyone checking it (a canvas cannot be read back).
    const axis = (chart.current as unknown as { getModel?(): { getComponent(k: string): { axis?: { scale?: { getExtent(): number[] } } } | undefined } } | null)
      ?.getModel?.().getComponent('yAxis')?.axis?.scale?.getExtent();
    if (element.current && axis) element.current.dataset.yExtent = axis.join(',');
  }, [option]);
  return <div ref={element} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />;
}

/**
 * The value axis of a figure in its unit: a percentage stays within 0–100 (however a trend or target line would
 * stretch it); other figures are scaled to their values.
 */
export const valueAxis = (unitLabel: string | null | undefined, extra: Record<string, unknown> = {}) =>
  unitLabel === '%' ? { type: 'value', min: 0, max: 100, ...extra } : { type: 'value', scale: true, ...extra };

/** A tiny line of the yearly values, for a scorecard tile. */
export function Sparkline({ years, values }: { years: number[]; values: (number | null)[] }) {
  const points = years.map((y, i) => [String(y), values[i]] as const).filter(([, v]) => v !== null);
  if (points.length === 0) return <div className="spark-empty" />;
  const option = {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: points.map(([y]) => y) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: points.map(([, v]) => v), symbol: 'circle', symbolSize: 4, lineStyle: { width: 2 } }],
  };
  return <Chart option={option} height={36} label={points.map(([y, v]) => `${y}: ${v}`).join(', ')} />;
}
