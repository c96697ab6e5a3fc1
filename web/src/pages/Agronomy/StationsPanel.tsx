import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Salinity } from '../../api/agronomy';
import { feedbackMapQuery } from '../../api/feedback-public';
import { PointsMap } from '../../components/PointsMap';
import { SalinityBadge, salinityColor, useNumber } from './common';

/** The stations over the province coloured by level, the 4‰ line stated, each station's days against its stage's limit. */
export function StationsPanel({ data, onStation }: { data: Salinity; onStation?(id: number): void }) {
  const { t, i18n } = useTranslation();
  const num = useNumber();
  const outlines = useQuery(feedbackMapQuery());
  const points = data.stations.filter((s) => s.location).map((s) => ({
    id: s.id, lat: s.location!.lat, lon: s.location!.lon, color: salinityColor(s.level),
    label: `${s.name} · ${s.today ? `${num(s.today.max, 1)}‰` : t('agro.salinity.noData')}`,
  }));
  return (
    <div className="card">
      <h2>{t('agro.salinity.map')}</h2>
      <p data-testid="salinity-line">{t('agro.salinity.line', { line: num(data.line, 1) })}</p>
      {outlines.data && outlines.data.outlines.features.length > 0 && (
        <PointsMap outlines={outlines.data.outlines} points={points} onPoint={onStation ? (id) => onStation(Number(id)) : undefined} label={t('agro.salinity.map')} testId="station-map" height={320} />
      )}
      <ul data-testid="station-list">
        {data.stations.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>{s.unit && ` (${s.unit.name})`}: {s.today ? t('agro.salinity.range', { min: num(s.today.min, 1), max: num(s.today.max, 1) }) : t('agro.salinity.noData')}{' '}
            <SalinityBadge level={s.level} />{s.beyondLine && <span className="badge">{t('agro.salinity.beyond', { line: num(data.line, 1) })}</span>}
            <div className="small">{t('agro.salinity.stage', { stage: i18n.language === 'en' ? s.stage.nameEn : s.stage.nameVi })}{s.stage.limit !== null && ` · ${t('agro.salinity.limit', { limit: num(s.stage.limit, 1) })}`}</div>
            {s.level && <div className="small">{i18n.language === 'en' ? s.level.adviceEn : s.level.adviceVi}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
