import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { scoreDetailQuery } from '../../api/scorecard';
import { Chart, valueAxis } from '../../components/Chart';
import { ErrorText } from '../../components/Chrome';
import { format } from './format';

/** One indicator for a unit: its history against its targets, and the units below it to drill into. */
export function IndicatorDetail({ code, unitId, framework, asOf, onUnit }: { code: string; unitId: number; framework: string; asOf: string; onUnit(id: number): void }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery(scoreDetailQuery(code, unitId, framework, asOf));
  const unit = detail.data && (i18n.language.startsWith('en') ? detail.data.indicator.unitLabelEn : detail.data.indicator.unitLabel);
  const option = useMemo(() => {
    const d = detail.data;
    if (!d) return {};
    const points = d.years.map((y, i) => [String(y), d.series[i]] as const);
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: points.map(([y]) => y) },
      yAxis: valueAxis(unit, { inverse: d.indicator.direction === 'lower' }),
      series: [
        { name: t('score.value'), type: 'line', data: points.map(([, v]) => v), connectNulls: true, symbolSize: 8, label: { show: true } },
        ...(d.targets.length ? [{ name: t('score.target'), type: 'line', data: [], markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#e69138' }, data: d.targets.map((x) => ({ yAxis: x.value, name: `${t('score.target')} ${x.year}`, label: { position: 'insideEndTop', formatter: `${t('score.target')} ${x.year}: ${x.value}` } })) } }] : []),
      ],
    };
  }, [unit, detail.data, t]);
  if (detail.isLoading) return <p>{t('app.loading')}</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  const d = detail.data!;
  const name = i18n.language === 'vi' ? d.indicator.nameVi : d.indicator.nameEn;
  return (
    <div className="card" data-testid="indicator-detail">
      <h2>{name} <small className="muted">— {d.unit.name}</small></h2>
      <Chart option={option} height={260} label={`${name}: ${t('score.history')}`} testId="history-chart" />
      <p className="muted small" data-testid="detail-sources">
        {t('score.source')}: {d.indicator.source}
        {d.targets.map((x) => ` · ${t('score.target')} ${x.year}: ${format(x.value, d.indicator.decimals, i18n.language)}${x.fromUnit ? `, ${t('score.inherited', { unit: x.fromUnit.name })}` : ''} (${x.source})`).join('')}
      </p>
      {d.children.length === 0 && <p className="muted" data-testid="below-none">{t('score.belowNone')}</p>}
      {d.children.length > 0 && (
        <>
          <h3>{t('score.below', { year: d.childrenYear })}</h3>
          <table>
            <tbody>
              {d.children.map((c) => (
                <tr key={c.unit.id}>
                  <td><button className="link" onClick={() => onUnit(c.unit.id)}>{c.unit.name}</button></td>
                  <td className="num">{format(c.value, d.indicator.decimals, i18n.language)}{c.value !== null ? ` ${unit ?? ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.childrenWithout > 0 && <p className="muted small">{t('score.belowWithout', { count: d.childrenWithout, year: d.childrenYear })}</p>}
        </>
      )}
    </div>
  );
}
