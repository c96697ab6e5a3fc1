import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { scorecardExportUrl, scorecardQuery, type Framework, type ScoreItem } from '../../api/scorecard';
import { Sparkline } from '../../components/Chart';
import { ErrorText } from '../../components/Chrome';
import { UnitPicker } from '../../components/UnitPicker';
import { dayMonthYear } from '../../dates';
import { useReveal } from '../../components/useReveal';
import { DtiCharts } from './DtiCharts';
import { format } from './format';
import { IndicatorDetail } from './IndicatorDetail';
import { StatusBadge } from './StatusBadge';

const inForceOn = (u: { validFrom: string | null; validTo: string | null }, day: string) => (!u.validFrom || u.validFrom <= day) && (!u.validTo || u.validTo >= day);

/**
 * A framework's indicators for a unit, by pillar, with the one picked in detail beside them. It opens on the user's
 * unit as it stands today (the server's default); the picker moves to another unit or another day.
 */
export function ScorecardPage({ framework = 'NQ07' }: { framework?: Framework }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unit');
  const asOfParam = params.get('asOf');
  const [selected, setSelected] = useState<string | null>(null);
  // On a phone the detail sits below every tile: it is brought into view when a tile is tapped.
  const detailRef = useReveal<HTMLDivElement>(selected);
  const card = useQuery(scorecardQuery(framework, unitParam, asOfParam));
  const goUnit = (id: number) => {
    setParams({ unit: String(id), ...(asOfParam ? { asOf: asOfParam } : {}) });
  };
  // A unit not in force on the new day gives way to the user's unit as it stands then.
  const goDay = (day: string) => {
    const unit = card.data?.unit;
    setParams({ asOf: day, ...(unitParam && unit && inForceOn(unit, day) ? { unit: unitParam } : {}) });
  };
  const title = framework === 'DTI' ? t('score.dtiTitle') : t('score.title');
  // The page keeps its heading while it loads or fails, so it is never a page without a title.
  if (card.isLoading || card.error) return <section><h1>{title}</h1>{card.error ? <ErrorText error={card.error} /> : <p>{t('app.loading')}</p>}</section>;
  const c = card.data!;
  const name = (i: ScoreItem) => (i18n.language === 'vi' ? i.nameVi : i.nameEn);
  return (
    <section>
      <div className="row wrap">
        <h1>{title}</h1>
        <span className="spacer" />
        <span data-testid="scorecard-unit">{c.unit.name}</span>
        {c.unit.parentId !== null && <button onClick={() => goUnit(c.unit.parentId!)}>{t('score.up')}</button>}
        <span role="group" aria-label={t('score.download')} className="row">
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <a key={f} className="button" href={scorecardExportUrl(f, framework, c.unit.id, i18n.language === 'en' ? 'en' : 'vi', asOfParam ?? undefined)} download>{t(`score.formats.${f}`)}</a>
          ))}
        </span>
      </div>
      <UnitPicker asOf={c.asOf} onAsOf={goDay} unit={c.unit} onUnit={goUnit} />
      {c.history.length > 0 && (
        <p className="muted small" data-testid="scorecard-history">
          {t('score.historyOf', { units: c.history.map((h) => (h.validTo ? `${h.name} (${t('score.predecessorUntil', { date: dayMonthYear(h.validTo) })})` : h.name)).join(', ') })}
        </p>
      )}
      {framework === 'DTI' && <DtiCharts card={c} />}
      <div className="score-layout">
        <div>
          {c.pillars.map((p) => (
            <div key={p.pillar} className="pillar">
              <h2>{t(`score.pillars.${p.pillar}`)}</h2>
              <div className="score-grid">
                {p.indicators.map((i) => (
                  <button key={i.code} className={`score-tile${selected === i.code ? ' selected' : ''}`} onClick={() => setSelected(i.code)} data-testid={`tile-${i.code}`} id={`tile-${i.code}`}>
                    <span className="score-name">{name(i)}</span>
                    <span className="score-value">{format(i.latest?.value, i.decimals, i18n.language)} <small>{i18n.language.startsWith('en') ? i.unitLabelEn : i.unitLabel}</small></span>
                    <span className="muted small">
                      {i.latest ? `${t('score.year')} ${i.latest.year}` : t('score.noData')}
                      {i.target ? ` · ${t('score.target')} ${i.target.year}: ${format(i.target.value, i.decimals, i18n.language)}` : ''}
                      {i.rank ? ` · ${t('score.rank', i.rank)}` : ''}
                    </span>
                    {i.target?.fromUnit && <span className="muted small" data-testid="target-inherited">{t('score.inherited', { unit: i.target.fromUnit.name })}</span>}
                    <Sparkline years={c.years} values={i.series} />
                    <StatusBadge status={i.status} />
                  </button>
                ))}
              </div>
            </div>
          ))}
        </div>
        <div className="score-detail" ref={detailRef}>
          {selected && (
            <button className="link narrow-only" onClick={() => document.getElementById(`tile-${selected}`)?.scrollIntoView({ block: 'center' })}>↑ {t('score.backToTiles')}</button>
          )}
          {selected ? <IndicatorDetail code={selected} unitId={c.unit.id} framework={framework} asOf={c.asOf} onUnit={goUnit} /> : <p className="muted">{t('score.pick')}</p>}
        </div>
      </div>
    </section>
  );
}
