import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { scorecardExportUrl, scorecardQuery, type Framework, type ScoreItem } from '../../api/scorecard';
import { Sparkline } from '../../components/Chart';
import { ErrorText } from '../../components/Chrome';
import { useReveal } from '../../components/useReveal';
import { DtiCharts } from './DtiCharts';
import { format } from './format';
import { IndicatorDetail } from './IndicatorDetail';
import { StatusBadge } from './StatusBadge';

/** A framework's indicators for a unit, by pillar, with the one picked in detail beside them. */
export function ScorecardPage({ framework = 'NQ07' }: { framework?: Framework }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unit');
  const [selected, setSelected] = useState<string | null>(null);
  // On a phone the detail sits below every tile: it is brought into view when a tile is tapped.
  const detailRef = useReveal<HTMLDivElement>(selected);
  const card = useQuery(scorecardQuery(framework, unitParam));
  const goUnit = (id: number) => {
    setParams({ unit: String(id) });
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
            <a key={f} className="button" href={scorecardExportUrl(f, framework, c.unit.id, i18n.language === 'en' ? 'en' : 'vi')} download>{t(`score.formats.${f}`)}</a>
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
                  <button key={i.code} className={`score-tile${selected === i.code ? ' selected' : ''}`} onClick={() => setSelected(i.code)} data-testid={`tile-${i.code}`} id={`tile-${i.code}`}>
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
        <div className="score-detail" ref={detailRef}>
          {selected && (
            <button className="link narrow-only" onClick={() => document.getElementById(`tile-${selected}`)?.scrollIntoView({ block: 'center' })}>↑ {t('score.backToTiles')}</button>
          )}
          {selected ? <IndicatorDetail code={selected} unitId={c.unit.id} framework={framework} onUnit={goUnit} /> : <p className="muted">{t('score.pick')}</p>}
        </div>
      </div>
    </section>
  );
}
