import { useTranslation } from 'react-i18next';
import type { Card } from '../../api/scorecard';
import { Chart } from '../../components/Chart';
import { format } from './format';

/** The DTI page's own charts: the province's rank by year, and its pillars against the national average. */
export function DtiCharts({ card }: { card: Card }) {
  const { t, i18n } = useTranslation();
  const all = Object.fromEntries(card.pillars.flatMap((p) => p.indicators).map((i) => [i.code, i]));
  const rank = all.DTI_RANK;
  const years = card.years.map(String);
  const rankOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', inverse: true, min: 1, max: 63 },
    series: [{ type: 'line', data: rank?.series ?? [], connectNulls: true, label: { show: true }, symbolSize: 9 }],
  };
  const pillars = ['DTI_GOV', 'DTI_ECO', 'DTI_SOC'].filter((c) => all[c]);
  const latestYear = Math.max(...pillars.map((c) => all[c]!.latest?.year ?? 0));
  const at = (code: string) => all[code]?.series[card.years.indexOf(latestYear)] ?? null;
  const name = (code: string) => (i18n.language === 'vi' ? all[code]!.nameVi : all[code]!.nameEn);
  const pillarOption = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: pillars.map(name) },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: [
      { name: `${card.unit.shortName ?? card.unit.name} ${latestYear}`, type: 'bar', data: pillars.map(at), label: { show: true, position: 'top' } },
      { name: `${t('score.nationalAverage')} ${latestYear}`, type: 'line', data: pillars.map(() => at('DTI_NATIONAL_AVG')), symbol: 'none', lineStyle: { type: 'dashed' } },
    ],
  };
  const average = at('DTI_NATIONAL_AVG');
  return (
    <div className="dti-charts">
      <div className="card"><h2>{t('score.rankByYear')}</h2><Chart option={rankOption} label={t('score.rankByYear')} testId="dti-rank" /></div>
      <div className="card">
        <h2>{t('score.pillarsVsAverage', { year: latestYear })}</h2>
        <Chart option={pillarOption} label={t('score.pillarsVsAverage', { year: latestYear })} />
        <table data-testid="dti-gaps">
          <tbody>
            {pillars.map((code) => {
              const v = at(code);
              const gap = v === null || average === null ? null : v - average;
              return (
                <tr key={code}>
                  <td>{name(code)}</td>
                  <td className="num">{format(v, 4, i18n.language)}</td>
                  <td className={`num ${gap === null ? '' : gap >= 0 ? 'gain' : 'loss'}`}>{gap === null ? t('score.noData') : `${gap >= 0 ? '+' : '−'}${format(Math.abs(gap), 4, i18n.language)} ${t('score.vsAverage')}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
