import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, type Species, type SpeciesSeries } from '../../api/agronomy';
import { Chart } from '../../components/Chart';
import { dayMonthYear } from '../../dates';
import { LevelBadge, useNumber, useSpeciesName } from './common';

/**
 * One chart per species: the nights' catches over the baseline band (the median to the upper bound of the 30 nights
 * before), peak and outbreak nights marked in their colour; under it, the episodes as a list (a canvas is not read aloud).
 */
export function SeriesCharts({ series, species }: { series: SpeciesSeries[]; species: Species[] | undefined }) {
  const { t } = useTranslation();
  const name = useSpeciesName(species);
  const num = useNumber();
  const shown = series.filter((s) => s.nights.length > 0);
  if (shown.length === 0) return <p className="muted">{t('agro.series.none')}</p>;
  return (
    <>
      {shown.map((s) => {
        const nights = s.nights.map((n) => dayMonthYear(n.night));
        const marked = (level: 'peak' | 'outbreak') => s.nights.map((n) => (n.level === level ? n.count : null));
        const option = {
          animation: false,
          grid: { left: 44, right: 12, top: 28, bottom: 28 },
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t('agro.series.count'), t('agro.series.band'), t('agro.level.peak'), t('agro.level.outbreak')] },
          xAxis: { type: 'category', data: nights },
          yAxis: { type: 'value', min: 0 },
          series: [
            { name: 'base', type: 'line', stack: 'band', data: s.nights.map((n) => n.median), symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } },
            { name: t('agro.series.band'), type: 'line', stack: 'band', data: s.nights.map((n) => (n.median === null || n.upper === null ? null : n.upper - n.median)), symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(60,120,216,0.18)' }, color: 'rgba(60,120,216,0.5)' },
            { name: t('agro.series.count'), type: 'line', data: s.nights.map((n) => n.count), symbol: 'none', color: '#3c78d8' },
            { name: t('agro.level.peak'), type: 'line', data: marked('peak'), showAllSymbol: true, symbolSize: 9, lineStyle: { opacity: 0 }, color: LEVEL_COLOR.peak },
            { name: t('agro.level.outbreak'), type: 'line', data: marked('outbreak'), showAllSymbol: true, symbolSize: 12, symbol: 'diamond', lineStyle: { opacity: 0 }, color: LEVEL_COLOR.outbreak },
          ],
        };
        const label = t('agro.series.chart', { species: name(s.species), from: nights[0], to: nights[nights.length - 1], episodes: s.episodes.length });
        return (
          <div className="card" key={s.species} data-testid={`series-${s.species}`}>
            <h2>{name(s.species)}</h2>
            <Chart option={option} height={260} label={label} testId={`chart-${s.species}`} />
            {s.episodes.length === 0 ? <p className="muted small">{t('agro.series.noEpisodes')}</p> : (
              <div className="table-wrap">
                <table data-testid={`episodes-${s.species}`}>
                  <caption className="small">{t('agro.series.episodes')}</caption>
                  <thead><tr><th>{t('agro.series.from')}</th><th>{t('agro.series.to')}</th><th>{t('agro.series.peakNight')}</th><th>{t('agro.count')}</th><th>{t('agro.levelTitle')}</th></tr></thead>
                  <tbody>
                    {s.episodes.map((e) => (
                      <tr key={e.from} data-level={e.level}>
                        <td>{dayMonthYear(e.from)}</td><td>{dayMonthYear(e.to)}</td><td>{dayMonthYear(e.peak)}</td><td>{num(e.count)}</td><td><LevelBadge level={e.level} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
