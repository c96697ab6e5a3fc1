import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { seriesQuery, type DeviceKind, type Resolution } from '../../api/devices';
import { Chart } from '../../components/Chart';
import { dateTime, dayMonthYear } from '../../dates';
import { formatNumber, useKindNames } from './status';

/** The spans a reader picks, each read at the resolution that keeps its chart legible. */
const RANGES = [
  { code: 'day', hours: 24, resolution: 'raw' },
  { code: 'week', hours: 7 * 24, resolution: 'hour' },
  { code: 'month', hours: 30 * 24, resolution: 'day' },
] as const satisfies readonly { code: string; hours: number; resolution: Resolution }[];
type Range = (typeof RANGES)[number];

const HOUR = 3_600_000;

/**
 * The span asked of the server: from the hour the span starts, to a day ahead, so that the query's key stays the same
 * while it refreshes and readings arriving meanwhile (and today, for daily aggregates) are inside it.
 */
function span(range: Range): { from: string; to: string } {
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  return { from: new Date(hour - range.hours * HOUR).toISOString(), to: new Date(hour + 25 * HOUR).toISOString() };
}

/** A chart of each of the kind's keys over the last 24 hours, 7 days or 30 days. */
export function ReadingCharts({ deviceId, kind, keys }: { deviceId: number; kind: DeviceKind | undefined; keys: string[] }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>(RANGES[0]);
  const { from, to } = useMemo(() => span(range), [range]);
  return (
    <div className="card">
      <div className="row wrap">
        <h2>{t('devices.charts')}</h2><span className="spacer" />
        <div className="tabs" role="group" aria-label={t('devices.range.label')}>
          {RANGES.map((r) => (
            <button key={r.code} type="button" className={r.code === range.code ? 'active' : undefined} aria-pressed={r.code === range.code} onClick={() => setRange(r)}>
              {t(`devices.range.${r.code}`)}
            </button>
          ))}
        </div>
      </div>
      {keys.length === 0 && <p className="muted">{t('devices.noReadings')}</p>}
      {keys.map((key) => <KeyChart key={key} deviceId={deviceId} kind={kind} readingKey={key} from={from} to={to} resolution={range.resolution} />)}
    </div>
  );
}

/** Daily aggregates are dated by the Việt Nam calendar day: a day's point stands at its midnight there. */
const pointTime = (at: string, resolution: Resolution) => (resolution === 'day' ? `${at}T00:00:00+07:00` : at);

/** A moment of a chart: the hour over a day, the day over a week or a month; a tooltip says the whole moment. */
function axisMoment(at: number | string, resolution: Resolution, use: 'axis' | 'tooltip'): string {
  const text = dateTime(new Date(at));
  if (resolution === 'day') return use === 'axis' ? text.slice(0, 5) : text.slice(0, 10);
  if (use === 'tooltip') return text;
  return resolution === 'raw' ? text.slice(11) : text.slice(0, 5);
}

function KeyChart({ deviceId, kind, readingKey, from, to, resolution }: { deviceId: number; kind: DeviceKind | undefined; readingKey: string; from: string; to: string; resolution: Resolution }) {
  const { t, i18n } = useTranslation();
  const names = useKindNames(kind ? [kind] : []);
  const series = useQuery(seriesQuery(deviceId, readingKey, from, to, resolution));
  const name = names.keyName(kind, readingKey);
  const unit = names.keyUnit(kind, readingKey);
  const points = series.data?.points ?? [];
  const when = (p: { at: string }) => (resolution === 'day' ? dayMonthYear(p.at) : dateTime(p.at));
  const option = useMemo(() => {
    const reading = (v: number) => `${formatNumber(v, i18n.language)} ${unit}`.trim();
    return {
      animation: false,
      grid: { left: 44, right: 12, top: 12, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { value: [string, number] }[]) => items.map((x) => `${axisMoment(x.value[0], resolution, 'tooltip')}<br/>${reading(x.value[1])}`).join('<br/>'),
      },
      // Moments on the axis as the province reads them (Việt Nam time, day/month), not the chart library's English months.
      xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: (v: number) => axisMoment(v, resolution, 'axis') } },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(v, i18n.language) } },
      series: [{ type: resolution === 'day' ? 'bar' : 'line', name, data: points.map((p) => [pointTime(p.at, resolution), p.value]), symbolSize: 4, showSymbol: points.length < 60 }],
    };
  }, [points, resolution, unit, name, i18n.language]);
  const last = points[points.length - 1];
  const label = points.length
    ? t('devices.chartLabel', { name, count: points.length, last: `${formatNumber(last!.value, i18n.language)} ${unit}`.trim(), at: when(last!) })
    : t('devices.chartEmpty', { name });
  return (
    <figure style={{ margin: '0.5rem 0' }} data-testid={`chart-${readingKey}`} data-points={points.length}>
      <figcaption><b>{name}</b>{unit && <span className="muted"> ({unit})</span>}{!points.length && series.isSuccess && <span className="muted"> · {t('devices.noData')}</span>}</figcaption>
      <Chart option={option} height={200} label={label} />
    </figure>
  );
}
