import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { boundariesQuery } from '../api/org-units';
import { useCan } from '../auth';
import { completenessQuery, regimesQuery, remind as sendReminders, type CompletenessRow as Row, type Frequency } from '../api/reporting';
import { ErrorText } from '../components/Chrome';
import { UnitMap } from '../components/UnitMap';
import { dayMonthYear, vnToday } from '../dates';

// Dark enough for the badges' white text (WCAG AA, 4.5:1).
const STATUS_COLOUR: Record<Row['status'], string> = { on_time: '#38761d', late: '#a35200', missing: '#cc0000', pending: '#666' };

/** The periods to choose from: the last three years of a frequency, newest first. */
function recentPeriods(frequency: Frequency): string[] {
  const year = Number(vnToday().slice(0, 4));
  const out: string[] = [];
  for (let y = year; y >= year - 2; y--) {
    if (frequency === 'year') out.push(String(y));
    if (frequency === 'sixmonth') out.push(`${y}S2`, `${y}S1`);
    if (frequency === 'quarter') out.push(`${y}Q4`, `${y}Q3`, `${y}Q2`, `${y}Q1`);
    if (frequency === 'month') for (let m = 12; m >= 1; m--) out.push(`${y}M${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** Who has reported, on time or late, and who has not: a table, a map and one-click reminders. */
export function ReportCompletenessPage() {
  const { t, i18n } = useTranslation();
  const regimes = useQuery(regimesQuery());
  // Reminders are offered only to those the server lets send them.
  const mayRemind = useCan()('reports.remind');
  const [code, setCode] = useState('BC_CDS');
  const regime = regimes.data?.find((r) => r.code === code);
  const periods = regime ? recentPeriods(regime.frequency) : [];
  const [period, setPeriod] = useState('');
  // Until a period is picked, the server answers the latest period whose reports are due, not one still running.
  const picked = period && periods.includes(period) ? period : '';
  const data = useQuery({ ...completenessQuery(code, picked), enabled: Boolean(regime) });
  const c = data.data;
  const chosen = picked || c?.period.code || '';
  const communeShapes = useQuery({ ...boundariesQuery(c?.period.end ?? '', 'commune'), enabled: Boolean(c) });
  const districtShapes = useQuery({ ...boundariesQuery(c?.period.end ?? '', 'district'), enabled: Boolean(c) });
  const remind = useMutation({ mutationFn: (unitIds?: number[]) => sendReminders({ regime: code, period: chosen, ...(unitIds ? { unitIds } : {}) }) });
  // Communes coloured by their own report where their shapes are loaded; otherwise districts by the share of their communes in.
  const map = useMemo(() => {
    if (!c) return null;
    if (communeShapes.data?.features.length) {
      return { shapes: communeShapes.data, values: new Map(c.units.map((u) => [u.unitId, u.status === 'on_time' ? 100 : u.status === 'late' ? 50 : 0])) };
    }
    if (districtShapes.data?.features.length) {
      const values = new Map<number, number>();
      for (const f of districtShapes.data.features) {
        const mine = c.units.filter((u) => u.parentId === f.id);
        if (mine.length) values.set(f.id, Math.round((mine.filter((u) => u.status === 'on_time' || u.status === 'late').length / mine.length) * 100));
      }
      return { shapes: districtShapes.data, values };
    }
    return null;
  }, [c, communeShapes.data, districtShapes.data]);
  const late = c?.units.filter((u) => u.status === 'missing' || u.status === 'late' || u.status === 'pending') ?? [];
  return (
    <section>
      <h1>{t('rep.completenessTitle')}</h1>
      <div className="row wrap">
        <select aria-label={t('rep.regime')} value={code} onChange={(e) => { setCode(e.target.value); setPeriod(''); }}>
          {regimes.data?.map((r) => <option key={r.code} value={r.code}>{i18n.language === 'vi' ? r.nameVi : r.nameEn}</option>)}
        </select>
        <select aria-label={t('rep.period')} value={chosen} onChange={(e) => setPeriod(e.target.value)}>{periods.map((p) => <option key={p}>{p}</option>)}</select>
        {c && <span className="muted small">{t('rep.due')} {dayMonthYear(c.dueDate)}</span>}
      </div>
      {c && (
        <>
          <div className="figures" data-testid="completeness-figures">
            <div className="tile">{t('rep.expected')}<b>{c.expected}</b></div>
            <div className="tile">{t('rep.submittedCount')}<b>{c.submitted}</b></div>
            <div className="tile">{t('rep.onTime')}<b>{c.onTime}</b></div>
            <div className="tile">{t('rep.lateCount')}<b>{c.late}</b></div>
            <div className="tile">{t('rep.missing')}<b>{c.missing + c.pending}</b></div>
            <div className="tile">{t('rep.rate')}<b>{c.rate ?? '—'}%</b></div>
          </div>
          <div className="score-layout">
            <div>
              {map ? <UnitMap geojson={map.shapes} values={map.values} valueLabel={t('rep.rate')} onSelect={() => {}} label={t('rep.completenessTitle')} /> : <p className="muted">{t('rep.noMap')}</p>}
            </div>
            <div className="card">
              <div className="row wrap">
                <b>{t('rep.notIn', { count: late.length })}</b><span className="spacer" />
                {mayRemind && <button disabled={!late.length} onClick={() => remind.mutate(undefined)}>{t('rep.remindAll')}</button>}
              </div>
              {remind.data && <p className="ok" role="status">{t('rep.reminded', { count: remind.data.reminded })}</p>}
              <ErrorText error={remind.error} />
            </div>
          </div>
          <div className="table-wrap">
            <table data-testid="completeness-table">
              <thead><tr><th>{t('rep.unit')}</th><th>{t('rep.status')}</th><th>{t('rep.submitted')}</th><th>{t('rep.state')}</th><th /></tr></thead>
              <tbody>
                {c.units.map((u) => (
                  <tr key={u.unitId}>
                    <td>{u.reportId ? <Link to={`/reports/${u.reportId}`}>{u.unit}</Link> : u.unit}</td>
                    <td><span className="badge" style={{ background: STATUS_COLOUR[u.status], color: '#fff' }}>{t(`rep.status_.${u.status}`)}</span></td>
                    <td>{u.submittedOn ? dayMonthYear(u.submittedOn) : ''}</td><td>{u.state ? t(`rep.states.${u.state}`) : ''}</td>
                    <td>{mayRemind && (u.status === 'missing' || u.status === 'pending') && <button className="link" onClick={() => remind.mutate([u.unitId])}>{t('rep.remind')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <ErrorText error={data.error ?? regimes.error} />
    </section>
  );
}
