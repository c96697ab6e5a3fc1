import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LEVEL_COLOR, salinityQuery, speciesQuery, trapMapQuery } from '../../api/agronomy';
import { feedbackMapQuery } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import { PointsMap, type MapPoint } from '../../components/PointsMap';
import { dayMonthYear } from '../../dates';
import { AgronomyNav, isDay, LevelBadge, SalinityBadge, useNumber, useSpeciesName } from './common';

/** The light traps of one night over the province: each trap coloured by its level, the province's totals, the salinity at a glance. */
export function AgronomyPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asked = params.get('dem');
  const night = isDay(asked) ? asked : '';
  const map = useQuery(trapMapQuery(night));
  const species = useQuery(speciesQuery());
  const outlines = useQuery(feedbackMapQuery());
  const salinity = useQuery(salinityQuery(''));
  const name = useSpeciesName(species.data);
  const num = useNumber();
  const d = map.data;
  const codes = d?.species.map((s) => s.code) ?? [];
  const points: MapPoint[] = (d?.traps ?? []).filter((x) => x.location).map((x) => ({
    id: x.id, lat: x.location!.lat, lon: x.location!.lon, color: LEVEL_COLOR[x.level], label: `${x.name} · ${t(`agro.level.${x.level}`)}`,
  }));
  return (
    <section>
      <h1>{t('agro.title')}</h1>
      <AgronomyNav />
      <div className="card">
        <div className="row wrap">
          <h2>{t('agro.map.title')}</h2>
          <label>{t('agro.map.night')}{' '}
            <input type="date" value={night || d?.night || ''} onChange={(e) => setParams(e.target.value ? { dem: e.target.value } : {})} data-testid="trap-night" />
          </label>
        </div>
        {d && <p className="muted small">{t('agro.map.nightOf', { date: dayMonthYear(d.night) })}</p>}
        <div className="row wrap small" aria-label={t('agro.legend')}>
          {(['normal', 'peak', 'outbreak'] as const).map((l) => <LevelBadge key={l} level={l} />)}
        </div>
        {outlines.data && outlines.data.outlines.features.length > 0 && (
          <PointsMap outlines={outlines.data.outlines} points={points} onPoint={(id) => navigate(`/agronomy/traps/${id}`)} label={t('agro.map.title')} testId="trap-map" height={340} />
        )}
        <ErrorText error={map.error} />
      </div>
      {d && (
        <div className="card">
          <h2>{t('agro.map.totals')}</h2>
          <div className="table-wrap">
            <table data-testid="species-totals">
              <thead><tr><th>{t('agro.species')}</th><th>{t('agro.count')}</th></tr></thead>
              <tbody>{d.species.map((s) => <tr key={s.code}><td>{name(s.code)}</td><td>{num(d.totals[s.code] ?? 0)}</td></tr>)}</tbody>
            </table>
          </div>
        </div>
      )}
      {d && (
        <div className="card">
          <h2>{t('agro.map.traps')}</h2>
          {d.traps.length === 0 ? <p className="muted">{t('agro.map.none')}</p> : (
            <div className="table-wrap">
              <table data-testid="trap-list">
                <thead><tr><th>{t('agro.trap')}</th><th>{t('agro.commune')}</th><th>{t('agro.levelTitle')}</th>{codes.map((c) => <th key={c} title={name(c)}>{c}</th>)}</tr></thead>
                <tbody>
                  {d.traps.map((x) => (
                    <tr key={x.id}>
                      <td><Link to={`/agronomy/traps/${x.id}`}>{x.name}</Link></td>
                      <td>{x.unit ? <Link to={`/agronomy/communes/${x.unit.id}`}>{x.unit.name}</Link> : '—'}</td>
                      <td>{x.reported ? <LevelBadge level={x.level} /> : <span className="muted small">{t('agro.map.noReport')}</span>}</td>
                      {codes.map((c) => <td key={c}>{x.counts[c] ? num(x.counts[c].count) : '—'}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <div className="card" data-testid="salinity-summary">
        <h2>{t('agro.salinity.title')}</h2>
        {salinity.data && <p className="small">{t('agro.salinity.line', { line: num(salinity.data.line, 1) })}</p>}
        <ul>
          {(salinity.data?.stations ?? []).map((s) => (
            <li key={s.id}>
              {s.name}: {s.today ? t('agro.salinity.todayMax', { max: num(s.today.max, 1) }) : t('agro.salinity.noData')} <SalinityBadge level={s.level} />
              {s.level && <div className="small">{i18n.language === 'en' ? s.level.adviceEn : s.level.adviceVi}</div>}
            </li>
          ))}
        </ul>
        <p><Link to="/agronomy/salinity">{t('agro.salinity.more')} →</Link></p>
      </div>
    </section>
  );
}
