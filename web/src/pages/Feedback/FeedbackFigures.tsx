import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { seriesQuery, type SeriesPoint } from '../../api/analytics';
import { Chart } from '../../components/Chart';
import { vnToday } from '../../dates';

/** The last n months to today in Việt Nam, oldest first, as period codes. */
const lastMonths = (n: number) => {
  const today = vnToday();
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}M${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
};

/** The unit's feedback figures of the last 12 months, from the data-value store (published by the figures job). */
export function FeedbackFigures({ unitId }: { unitId: number }) {
  const { t, i18n } = useTranslation();
  const periods = lastMonths(12);
  const series = (kind: 'element' | 'indicator', code: string) => seriesQuery(kind, code, unitId, periods);
  const received = useQuery(series('element', 'FB_RECEIVED'));
  const resolved = useQuery(series('element', 'FB_RESOLVED'));
  const onTime = useQuery(series('indicator', 'FB_ON_TIME_RATE'));
  const satisfied = useQuery(series('indicator', 'FB_SATISFACTION_RATE'));
  const valueOf = (s: SeriesPoint[] | undefined) => periods.map((p) => s?.find((x) => x.period === p)?.value ?? null);
  const sum = (s: SeriesPoint[] | undefined) => valueOf(s).reduce<number>((a, v) => a + (v ?? 0), 0);
  const last = (s: SeriesPoint[] | undefined) => valueOf(s).filter((v): v is number => v !== null).at(-1);
  const option = useMemo(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 30, bottom: 24 },
    xAxis: { type: 'category', data: periods.map((p) => `${p.slice(5)}/${p.slice(2, 4)}`) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('fb.fig.received'), type: 'bar', data: valueOf(received.data) },
      { name: t('fb.fig.resolved'), type: 'bar', data: valueOf(resolved.data) },
      { name: t('fb.fig.onTime'), type: 'line', yAxisIndex: 1, data: valueOf(onTime.data), connectNulls: true },
      { name: t('fb.fig.satisfied'), type: 'line', yAxisIndex: 1, data: valueOf(satisfied.data), connectNulls: true },
    ],
  }), [received.data, resolved.data, onTime.data, satisfied.data, t]);
  const pct = (v: number | undefined) => (v === undefined ? '—' : `${v.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`);
  return (
    <section className="card" aria-label={t('fb.fig.title')} data-testid="fb-figures">
      <h3>{t('fb.fig.title')}</h3>
      <div className="figures">
        <div className="tile">{t('fb.fig.received')}<b>{sum(received.data)}</b></div>
        <div className="tile">{t('fb.fig.resolved')}<b>{sum(resolved.data)}</b></div>
        <div className="tile">{t('fb.fig.onTime')}<b>{pct(last(onTime.data))}</b></div>
        <div className="tile">{t('fb.fig.satisfied')}<b>{pct(last(satisfied.data))}</b></div>
      </div>
      <Chart option={option} height={220} label={t('fb.fig.title')} />
      <p className="muted small">{t('fb.fig.note')}</p>
    </section>
  );
}
