import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { communeSeriesQuery, fieldCountsQuery, speciesQuery, trapSeriesQuery } from '../../api/agronomy';
import { ErrorText } from '../../components/Chrome';
import { dateTime, dayMonthYear, vnToday } from '../../dates';
import { addDays, isDay, useNumber, useSpeciesName } from './common';
import { SeriesCharts } from './SeriesCharts';

/** The range of nights shown: ?from&to when given, else the 120 nights up to yesterday. */
function useRange() {
  const [params, setParams] = useSearchParams();
  const to = isDay(params.get('to')) ? params.get('to')! : addDays(vnToday(), -1);
  const from = isDay(params.get('from')) ? params.get('from')! : addDays(to, -119);
  const picker = (
    <RangePicker from={from} to={to} onChange={(f, tt) => setParams({ from: f, to: tt })} />
  );
  return { from, to, picker };
}

function RangePicker({ from, to, onChange }: { from: string; to: string; onChange(from: string, to: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="row wrap">
      <label>{t('agro.series.from')} <input type="date" value={from} max={to} onChange={(e) => isDay(e.target.value) && onChange(e.target.value, to)} /></label>
      <label>{t('agro.series.to')} <input type="date" value={to} min={from} onChange={(e) => isDay(e.target.value) && onChange(from, e.target.value)} /></label>
    </div>
  );
}

const back = (label: string) => <p><Link to="/agronomy">← {label}</Link></p>;

/** One trap: each species' nights against its baseline, the peaks marked, and the technicians' counts. */
export function TrapPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { from, to, picker } = useRange();
  const series = useQuery({ ...trapSeriesQuery(id, from, to), enabled: id > 0 });
  const counts = useQuery({ ...fieldCountsQuery(id), enabled: series.isSuccess });
  const species = useQuery(speciesQuery());
  const name = useSpeciesName(species.data);
  const num = useNumber();
  const d = series.data;
  return (
    <section>
      {back(t('agro.title'))}
      <h1>{d?.trap.name ?? t('agro.trap')}</h1>
      {d?.trap.unit && <p>{t('agro.commune')}: <Link to={`/agronomy/communes/${d.trap.unit.id}`}>{d.trap.unit.name}</Link></p>}
      {picker}
      <ErrorText error={series.error} />
      {d && <SeriesCharts series={d.series} species={species.data} />}
      <div className="card">
        <h2>{t('agro.counts.title')}</h2>
        {(counts.data?.counts.length ?? 0) === 0 ? <p className="muted">{t('agro.counts.none')}</p> : (
          <div className="table-wrap">
            <table data-testid="field-counts">
              <thead><tr><th>{t('agro.counts.night')}</th><th>{t('agro.count')}</th><th>{t('agro.counts.note')}</th><th>{t('agro.counts.photo')}</th><th>{t('agro.counts.by')}</th></tr></thead>
              <tbody>
                {counts.data!.counts.map((c) => (
                  <tr key={c.id}>
                    <td>{dayMonthYear(c.night)}</td>
                    <td>{Object.entries(c.counts).map(([k, v]) => `${name(k)}: ${num(v)}`).join('; ')}</td>
                    <td>{c.note ?? '—'}</td>
                    <td>{c.hasPhoto ? <a href={`/api/agronomy/field-counts/${c.id}/photo`} target="_blank" rel="noreferrer">{t('agro.counts.open')}</a> : '—'}</td>
                    <td>{c.recordedBy} <small className="muted">{dateTime(c.recordedAt)}</small></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

/** A commune: its traps' nights together, per species, against the commune's baseline. */
export function CommunePage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().unitId);
  const { from, to, picker } = useRange();
  const series = useQuery({ ...communeSeriesQuery(unitId, from, to), enabled: unitId > 0 });
  const species = useQuery(speciesQuery());
  const d = series.data;
  return (
    <section>
      {back(t('agro.title'))}
      <h1>{d ? t('agro.communeOf', { name: d.unit.name }) : t('agro.commune')}</h1>
      {d && (
        <>
          <p className="small">{t('agro.map.traps')}: {d.traps.map((x, i) => <span key={x.id}>{i > 0 && ', '}<Link to={`/agronomy/traps/${x.id}`}>{x.name}</Link></span>)}</p>
          <p className="small muted">{t('agro.communeMean')}</p>
        </>
      )}
      {picker}
      <ErrorText error={series.error} />
      {d && <SeriesCharts series={d.series} species={species.data} />}
    </section>
  );
}
