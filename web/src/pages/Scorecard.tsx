import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, type Unit } from '../api';
import { ErrorText } from '../components/Chrome';
import { Chart, Sparkline } from '../components/Chart';

export interface ScoreItem {
  code: string; nameVi: string; nameEn: string; pillar: string; direction: 'higher' | 'lower'; decimals: number; unitLabel: string | null;
  source: string | null; series: (number | null)[]; latest: { year: number; value: number } | null; target: { year: number; value: number; source: string | null } | null;
  targets: { year: number; value: number; source: string | null }[]; status: string; projected: number | null; rank: { position: number; of: number } | null;
}
export interface Card { framework: string; unit: Unit; years: number[]; pillars: { pillar: string; indicators: ScoreItem[] }[] }
interface Detail {
  indicator: ScoreItem; unit: Unit; years: number[]; series: (number | null)[]; targets: ScoreItem['targets']; status: string; projected: number | null;
  childrenYear: number; children: { unit: Unit; value: number | null }[];
}

export const format = (value: number | null | undefined, decimals: number, locale: string) =>
  value === null || value === undefined ? '—' : value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });

function IndicatorDetail({ code, unitId, framework, onUnit }: { code: string; unitId: number; framework: string; onUnit(id: number): void }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery({ queryKey: ['indicator', code, unitId], queryFn: () => api<Detail>(`/api/scorecard/indicators/${code}?unitId=${unitId}&framework=${framework}`) });
  const option = useMemo(() => {
    const d = detail.data;
    if (!d) return {};
    const points = d.years.map((y, i) => [String(y), d.series[i]] as const);
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: points.map(([y]) => y) },
      yAxis: { type: 'value', inverse: d.indicator.direction === 'lower', scale: true },
      series: [
        { name: t('score.value'), type: 'line', data: points.map(([, v]) => v), connectNulls: true, symbolSize: 8, label: { show: true } },
        ...(d.targets.length ? [{ name: t('score.target'), type: 'line', data: [], markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#e69138' }, data: d.targets.map((x) => ({ yAxis: x.value, name: `${t('score.target')} ${x.year}`, label: { position: 'insideEndTop', formatter: `${t('score.target')} ${x.year}: ${x.value}` } })) } }] : []),
      ],
    };
  }, [detail.data, t]);
  if (detail.isLoading) return <p>{t('app.loading')}</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  const d = detail.data!;
  const name = i18n.language === 'vi' ? d.indicator.nameVi : d.indicator.nameEn;
  return (
    <div className="card" data-testid="indicator-detail">
      <h2>{name} <small className="muted">— {d.unit.name}</small></h2>
      <Chart option={option} height={260} label={`${name}: ${t('score.history')}`} testId="history-chart" />
      <p className="muted small">{t('score.source')}: {d.indicator.source} · {d.targets.map((x) => `${t('score.target')} ${x.year}: ${x.value} (${x.source})`).join(' · ')}</p>
      {d.children.length > 0 && (
        <>
          <h3>{t('score.below', { year: d.childrenYear })}</h3>
          <table>
            <tbody>
              {d.children.map((c) => (
                <tr key={c.unit.id}>
                  <td><button className="link" onClick={() => onUnit(c.unit.id)}>{c.unit.name}</button></td>
                  <td className="num">{format(c.value, d.indicator.decimals, i18n.language)}{c.value !== null ? ` ${d.indicator.unitLabel ?? ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`score.status.${status}`)}</span>;
}

export function ScorecardPage({ framework = 'NQ07' }: { framework?: 'NQ07' | 'DTI' }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unit');
  const [selected, setSelected] = useState<string | null>(null);
  const card = useQuery({ queryKey: ['scorecard', framework, unitParam], queryFn: () => api<Card>(`/api/scorecard?framework=${framework}${unitParam ? `&unitId=${unitParam}` : ''}`) });
  const goUnit = (id: number) => {
    setParams({ unit: String(id) });
  };
  if (card.isLoading) return <p>{t('app.loading')}</p>;
  if (card.error) return <ErrorText error={card.error} />;
  const c = card.data!;
  const name = (i: ScoreItem) => (i18n.language === 'vi' ? i.nameVi : i.nameEn);
  return (
    <section>
      <div className="row wrap">
        <h1>{framework === 'DTI' ? t('score.dtiTitle') : t('score.title')}</h1>
        <span className="spacer" />
        <span data-testid="scorecard-unit">{c.unit.name}</span>
        {c.unit.parentId !== null && <button onClick={() => goUnit(c.unit.parentId!)}>{t('score.up')}</button>}
        <span role="group" aria-label={t('score.download')} className="row">
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <a key={f} className="button" href={`/api/scorecard/export?format=${f}&framework=${framework}&unitId=${c.unit.id}&lang=${i18n.language === 'en' ? 'en' : 'vi'}`} download>{t(`score.formats.${f}`)}</a>
          ))}
        </span>
      </div>
      {framework === 'DTI' && <DtiCharts card={c} />}
      <div className="score-layout">
        <div>
          {c.pillars.map((p) => (
            <div key={p.pillar} className="pillar">
              <h2>{t(`score.pillars.${p.pillar}`)}</h2>
              <div className="score-grid">
                {p.indicators.map((i) => (
                  <button key={i.code} className={`score-tile${selected === i.code ? ' selected' : ''}`} onClick={() => setSelected(i.code)} data-testid={`tile-${i.code}`}>
                    <span className="score-name">{name(i)}</span>
                    <span className="score-value">{format(i.latest?.value, i.decimals, i18n.language)} <small>{i.unitLabel}</small></span>
                    <span className="muted small">
                      {i.latest ? `${t('score.year')} ${i.latest.year}` : t('score.noData')}
                      {i.target ? ` · ${t('score.target')} ${i.target.year}: ${format(i.target.value, i.decimals, i18n.language)}` : ''}
                      {i.rank ? ` · ${t('score.rank', i.rank)}` : ''}
                    </span>
                    <Sparkline years={c.years} values={i.series} />
                    <StatusBadge status={i.status} />
                  </button>
                ))}
              </div>
            </div>
          ))}
        </div>
        <div className="score-detail">
          {selected ? <IndicatorDetail code={selected} unitId={c.unit.id} framework={framework} onUnit={goUnit} /> : <p className="muted">{t('score.pick')}</p>}
        </div>
      </div>
    </section>
  );
}

function DtiCharts({ card }: { card: Card }) {
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
