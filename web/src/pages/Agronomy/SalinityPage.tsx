import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { agronomyKeys, salinityQuery, setCropStage, stagesQuery } from '../../api/agronomy';
import { entryUnitsQuery } from '../../api/org-units';
import { useAuth } from '../../auth';
import { Chart } from '../../components/Chart';
import { ErrorText } from '../../components/Chrome';
import { useScopeUnit } from '../../components/UnitPicker';
import { dayMonthYear, vnToday } from '../../dates';
import { AgronomyNav, useNumber } from './common';
import { StationsPanel } from './StationsPanel';

export function SalinityPage() {
  const { t } = useTranslation();
  const num = useNumber();
  const data = useQuery(salinityQuery('', 14));
  const d = data.data;
  return (
    <section>
      <p><Link to="/agronomy">← {t('agro.title')}</Link></p>
      <h1>{t('agro.salinity.title')}</h1>
      <AgronomyNav />
      <ErrorText error={data.error} />
      {d && <StationsPanel data={d} />}
      {d?.stations.map((s) => {
        const option = {
          animation: false, grid: { left: 40, right: 12, top: 28, bottom: 28 }, tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t('agro.salinity.max'), t('agro.salinity.min')] },
          xAxis: { type: 'category', data: s.days.map((x) => dayMonthYear(x.day)) }, yAxis: { type: 'value', min: 0, name: '‰' },
          series: [
            {
              name: t('agro.salinity.max'), type: 'line', data: s.days.map((x) => x.max), color: '#cc4125',
              markLine: s.stage.limit === null ? undefined : { symbol: 'none', data: [{ yAxis: s.stage.limit, name: t('agro.salinity.limit', { limit: num(s.stage.limit, 1) }) }], label: { formatter: `${num(s.stage.limit, 1)}‰` } },
            },
            { name: t('agro.salinity.min'), type: 'line', data: s.days.map((x) => x.min), color: '#3c78d8' },
          ],
        };
        return (
          <div className="card" key={s.id}>
            <h2>{s.name}</h2>
            {s.days.length === 0 ? <p className="muted">{t('agro.salinity.noData')}</p> : <Chart option={option} label={t('agro.salinity.chart', { name: s.name })} testId={`salinity-${s.id}`} />}
          </div>
        );
      })}
      <StageForm />
    </section>
  );
}

/** An officer says which stage the rice of a unit is in since a day: the stage fixes the salinity it tolerates. */
function StageForm() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const client = useQueryClient();
  const today = vnToday();
  const stages = useQuery(stagesQuery());
  const units = useQuery(entryUnitsQuery(today, useScopeUnit()));
  const [form, setForm] = useState({ unitId: '', stage: '', since: today });
  const save = useMutation({
    mutationFn: () => setCropStage({ unitId: Number(form.unitId), stage: form.stage, since: form.since }),
    onSuccess: () => client.invalidateQueries({ queryKey: agronomyKeys.all }),
  });
  const may = me?.user.role === 'admin' || me?.user.role === 'officer';
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  const stageName = (code: string) => { const s = stages.data?.stages.find((x) => x.code === code); return s ? (i18n.language === 'en' ? s.nameEn : s.nameVi) : code; };
  return (
    <div className="card">
      <h2>{t('agro.stage.title')}</h2>
      {may && (
        <form className="row wrap" onSubmit={submit}>
          <label>{t('agro.commune')} <select required data-testid="stage-unit" value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
            <option value="">—</option>
            {(units.data ?? []).filter((u) => u.level === 'commune').map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select></label>
          <label>{t('agro.stage.stage')} <select required data-testid="stage-stage" value={form.stage} onChange={(e) => setForm({ ...form, stage: e.target.value })}>
            <option value="">—</option>
            {(stages.data?.stages ?? []).map((s) => <option key={s.code} value={s.code}>{stageName(s.code)}{s.limit !== null ? ` (≤ ${s.limit}‰)` : ''}</option>)}
          </select></label>
          <label>{t('agro.stage.since')} <input type="date" required data-testid="stage-since" value={form.since} onChange={(e) => setForm({ ...form, since: e.target.value })} /></label>
          <button className="primary" disabled={save.isPending}>{t('agro.stage.save')}</button>
          {save.isSuccess && <span role="status">{t('agro.stage.saved')}</span>}
        </form>
      )}
      <ErrorText error={save.error ?? stages.error} />
      <ul>
        {(stages.data?.entries ?? []).map((e) => <li key={e.id}>{e.unit.name}: {stageName(e.stage)} {t('agro.stage.from', { date: dayMonthYear(e.since) })} <small className="muted">({e.setBy})</small></li>)}
      </ul>
    </div>
  );
}
