import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAuth } from '../auth';
import { Chart } from '../components/Chart';
import { ErrorText } from '../components/Chrome';
import { PointsMap, type MapPoint } from '../components/PointsMap';
import type { MapFeatureCollection } from '../components/UnitMap';
import { CaseDetail, OPEN_STATES, PRIORITIES, type CaseCategory } from './FeedbackCase';
import { vnToday } from '../dates';

interface Item {
  id: number; trackingCode: string; category: string; state: string; priority: string; unit: string | null; unitId: number | null; receivedAt: string; dueDate: string;
  description: string; lat: number | null; lon: number | null; officer: string | null;
}
interface Officer { id: number; displayName: string }
interface Series { period: string; value: number | null }

const lastMonths = (n: number) => {
  const today = vnToday();
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}M${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
};

/** The unit's feedback figures of the last 12 months, from the data-value store (published by the figures job). */
function FeedbackFigures({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const periods = lastMonths(12);
  const series = (kind: 'element' | 'indicator', code: string) => ({
    queryKey: ['fb-figures', kind, code, unitId, periods.join()],
    queryFn: () => api<Series[]>(`/api/analytics?${kind}=${code}&orgUnitId=${unitId}&periods=${periods.join(',')}`),
  });
  const received = useQuery(series('element', 'FB_RECEIVED'));
  const resolved = useQuery(series('element', 'FB_RESOLVED'));
  const onTime = useQuery(series('indicator', 'FB_ON_TIME_RATE'));
  const satisfied = useQuery(series('indicator', 'FB_SATISFACTION_RATE'));
  const valueOf = (s: Series[] | undefined) => periods.map((p) => s?.find((x) => x.period === p)?.value ?? null);
  const sum = (s: Series[] | undefined) => valueOf(s).reduce<number>((a, v) => a + (v ?? 0), 0);
  const last = (s: Series[] | undefined) => valueOf(s).filter((v): v is number => v !== null).at(-1);
  const option = useMemo(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 30, bottom: 24 },
    xAxis: { type: 'category', data: periods.map((p) => `${p.slice(5)}/${p.slice(2, 4)}`) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('fb.fig.received'), type: 'bar', data: valueOf(received.data) },
      { name: t('fb.fig.resolved'), type: 'bar', data: valueOf(resolved.data) },
      { name: t('fb.fig.onTime'), type: 'line', yAxisIndex: 1, data: valueOf(onTime.data), connectNulls: true },
      { name: t('fb.fig.satisfied'), type: 'line', yAxisIndex: 1, data: valueOf(satisfied.data), connectNulls: true },
    ],
  }), [received.data, resolved.data, onTime.data, satisfied.data, t]);
  const pct = (v: number | undefined) => (v === undefined ? '—' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
  return (
    <section className="card" aria-label={t('fb.fig.title')} data-testid="fb-figures">
      <h3>{t('fb.fig.title')}</h3>
      <div className="figures">
        <div className="tile">{t('fb.fig.received')}<b>{sum(received.data)}</b></div>
        <div className="tile">{t('fb.fig.resolved')}<b>{sum(resolved.data)}</b></div>
        <div className="tile">{t('fb.fig.onTime')}<b>{pct(last(onTime.data))}</b></div>
        <div className="tile">{t('fb.fig.satisfied')}<b>{pct(last(satisfied.data))}</b></div>
      </div>
      <Chart option={option} height={220} label={t('fb.fig.title')} />
      <p className="muted small">{t('fb.fig.note')}</p>
    </section>
  );
}

interface Place { id: number; name: string }

/** A report taken by phone or at the desk, entered by the officer for the caller (the channel is recorded). */
function OperatorEntry({ categories, onDone }: { categories: CaseCategory[]; onDone(code: string): void }) {
  const { t, i18n } = useTranslation();
  const places = useQuery({ queryKey: ['fb-places'], queryFn: () => api<Place[]>('/api/public/feedback/places') });
  const [form, setForm] = useState({ category: '', placeUnitId: '', description: '', name: '', phone: '', channel: 'hotline' });
  const save = useMutation({
    mutationFn: () => api<{ trackingCode: string }>('/api/feedback/operator', {
      method: 'POST',
      body: { category: form.category, placeUnitId: Number(form.placeUnitId), description: form.description, channel: form.channel, consent: true, contact: { name: form.name, ...(form.phone ? { phone: form.phone } : {}) } },
    }),
    onSuccess: (r) => {
      setForm({ ...form, description: '', name: '', phone: '' });
      onDone(r.trackingCode);
    },
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form className="card" aria-label={t('fb.operator')} onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <h3>{t('fb.operator')}</h3>
      <div className="row wrap">
        <select aria-label={t('fb.channel')} value={form.channel} onChange={set('channel')}>{['hotline', 'walk_in', 'email'].map((c) => <option key={c} value={c}>{t(`fb.channels.${c}`)}</option>)}</select>
        <select aria-label={t('fb.category')} value={form.category} onChange={set('category')} required>
          <option value="" disabled>{t('fb.category')}…</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</option>)}
        </select>
        <select aria-label={t('citizen.place')} value={form.placeUnitId} onChange={set('placeUnitId')} required>
          <option value="" disabled>{t('citizen.place')}…</option>
          {places.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <textarea aria-label={t('citizen.description')} placeholder={t('citizen.description')} rows={2} value={form.description} onChange={set('description')} required minLength={10} />
      <div className="row wrap">
        <input aria-label={t('fb.callerName')} placeholder={t('fb.callerName')} value={form.name} onChange={set('name')} required />
        <input aria-label={t('citizen.phone')} placeholder={t('citizen.phone')} type="tel" value={form.phone} onChange={set('phone')} />
        <button className="primary" type="submit" disabled={save.isPending}>{t('fb.record')}</button>
      </div>
      {save.data && <p className="ok" role="status">{t('fb.recorded', { code: save.data.trackingCode })}</p>}
      <ErrorText error={save.error} />
    </form>
  );
}

/** The unit's inbox: filters, list or map, bulk steps, the figures, and the case being handled beside them. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const client = useQueryClient();
  const [filters, setFilters] = useState({ state: '', category: '', priority: '', overdue: false, mine: false, q: '' });
  const [view, setView] = useState<'list' | 'map'>('list');
  const [selected, setSelected] = useState<number | null>(() => null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState({ officerId: '', priority: 'high' });
  const [entering, setEntering] = useState(false);
  const params = new URLSearchParams({
    ...(filters.state ? { state: filters.state } : {}), ...(filters.category ? { category: filters.category } : {}), ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.overdue ? { overdue: 'true' } : {}), ...(filters.mine ? { mine: 'true' } : {}), ...(filters.q.trim().length >= 2 ? { q: filters.q.trim() } : {}),
  });
  const code = new URLSearchParams(window.location.search).get('ma');
  const inbox = useQuery({ queryKey: ['fb-inbox', params.toString()], queryFn: () => api<Item[]>(`/api/feedback/cases?${params}`) });
  const linked = useQuery({ queryKey: ['fb-inbox-code', code], enabled: Boolean(code), queryFn: () => api<Item[]>(`/api/feedback/cases?code=${code}`) });
  const shown = selected ?? linked.data?.[0]?.id ?? null;
  const categories = useQuery({ queryKey: ['fb-categories'], queryFn: () => api<CaseCategory[]>('/api/public/feedback/categories') });
  const map = useQuery({ queryKey: ['fb-map'], enabled: view === 'map', queryFn: () => api<{ outlines: MapFeatureCollection }>('/api/public/feedback/map') });
  const canHandle = me?.user.role !== 'leader';
  const officers = useQuery({ queryKey: ['fb-officers', me?.user.orgUnitId], enabled: canHandle, queryFn: () => api<Officer[]>(`/api/feedback/officers?unitId=${me!.user.orgUnitId}`) });
  const runBulk = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<{ done: number }>('/api/feedback/cases/bulk', { method: 'POST', body: { ids: [...checked], ...body } }),
    onSuccess: () => {
      setChecked(new Set());
      void client.invalidateQueries({ queryKey: ['fb-inbox'] });
      void client.invalidateQueries({ queryKey: ['fb-case'] });
    },
  });
  const categoryName = (c: string) => {
    const x = categories.data?.find((y) => y.code === c);
    return x ? (i18n.language === 'vi' ? x.nameVi : x.nameEn) : c;
  };
  const toggle = (id: number) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  };
  const items = inbox.data ?? [];
  const points: MapPoint[] = items.filter((c) => c.lat !== null && c.lon !== null).map((c) => ({
    id: c.id, lat: c.lat!, lon: c.lon!, label: `${c.trackingCode} · ${categoryName(c.category)} · ${t(`fb.states.${c.state}`)}`,
    color: OPEN_STATES.includes(c.state) && c.dueDate < vnToday() ? '#cc0000' : OPEN_STATES.includes(c.state) ? '#e69138' : '#38761d',
  }));
  const set = (k: keyof typeof filters, v: string | boolean) => setFilters({ ...filters, [k]: v });
  return (
    <section>
      <div className="row wrap">
        <h1>{t('fb.title')}</h1><span className="spacer" />
        {canHandle && <button onClick={() => setEntering(!entering)} aria-expanded={entering}>{t('fb.operator')}</button>}
        <button className={view === 'list' ? 'primary' : undefined} onClick={() => setView('list')}>{t('fb.list')}</button>
        <button className={view === 'map' ? 'primary' : undefined} onClick={() => setView('map')}>{t('fb.map')}</button>
      </div>
      {entering && <OperatorEntry categories={categories.data ?? []} onDone={() => void client.invalidateQueries({ queryKey: ['fb-inbox'] })} />}
      {me && <FeedbackFigures unitId={me.user.orgUnitId} />}
      <div className="row wrap" role="search">
        <select aria-label={t('fb.state')} value={filters.state} onChange={(e) => set('state', e.target.value)}>
          <option value="">{t('fb.allStates')}</option>
          {['routed', 'forwarded', 'accepted', 'in_progress', 'answered', 'closed', 'returned', 'merged'].map((s) => <option key={s} value={s}>{t(`fb.states.${s}`)}</option>)}
        </select>
        <select aria-label={t('fb.category')} value={filters.category} onChange={(e) => set('category', e.target.value)}>
          <option value="">{t('fb.allCategories')}</option>
          {categories.data?.map((c) => <option key={c.code} value={c.code}>{categoryName(c.code)}</option>)}
        </select>
        <select aria-label={t('fb.priority')} value={filters.priority} onChange={(e) => set('priority', e.target.value)}>
          <option value="">{t('fb.allPriorities')}</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{t(`fb.priorities.${p}`)}</option>)}
        </select>
        <label className="inline"><input type="checkbox" checked={filters.overdue} onChange={(e) => set('overdue', e.target.checked)} /> {t('fb.overdue')}</label>
        <label className="inline"><input type="checkbox" checked={filters.mine} onChange={(e) => set('mine', e.target.checked)} /> {t('fb.mine')}</label>
        <input type="search" aria-label={t('fb.search')} placeholder={t('fb.search')} value={filters.q} onChange={(e) => set('q', e.target.value)} />
      </div>
      {checked.size > 0 && canHandle && (
        <div className="bulk-bar row wrap" data-testid="bulk-bar">
          <b>{t('fb.selected', { count: checked.size })}</b>
          <button onClick={() => runBulk.mutate({ action: 'accept' })}>{t('fb.actions.accept')}</button>
          <select aria-label={t('fb.assignTo')} value={bulk.officerId} onChange={(e) => setBulk({ ...bulk, officerId: e.target.value })}>
            <option value="">{t('fb.assignTo')}…</option>
            {officers.data?.map((o) => <option key={o.id} value={o.id}>{o.displayName}</option>)}
          </select>
          <button disabled={!bulk.officerId} onClick={() => runBulk.mutate({ action: 'assign', officerId: Number(bulk.officerId) })}>{t('fb.assign')}</button>
          <select aria-label={t('fb.priority')} value={bulk.priority} onChange={(e) => setBulk({ ...bulk, priority: e.target.value })}>
            {PRIORITIES.map((p) => <option key={p} value={p}>{t(`fb.priorities.${p}`)}</option>)}
          </select>
          <button onClick={() => runBulk.mutate({ action: 'priority', priority: bulk.priority })}>{t('fb.setPriority')}</button>
          <button className="link" onClick={() => setChecked(new Set())}>{t('fb.cancel')}</button>
          <ErrorText error={runBulk.error} />
        </div>
      )}
      <div className="score-layout">
        {view === 'map' ? (
          <div>{map.data && <PointsMap outlines={map.data.outlines} points={points} onPoint={(id) => setSelected(Number(id))} label={t('fb.map')} testId="inbox-map" height={480} />}</div>
        ) : (
          <div className="table-wrap">
            <table>
              <thead><tr><th><input type="checkbox" aria-label={t('fb.selectAll')} checked={items.length > 0 && checked.size === items.length} onChange={(e) => setChecked(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())} /></th><th>{t('fb.code')}</th><th>{t('fb.category')}</th><th>{t('fb.unit')}</th><th>{t('fb.due')}</th><th>{t('fb.state')}</th><th>{t('fb.priority')}</th><th>{t('fb.officer')}</th></tr></thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} className={shown === c.id ? 'selected-row' : undefined}>
                    <td><input type="checkbox" aria-label={c.trackingCode} checked={checked.has(c.id)} onChange={() => toggle(c.id)} /></td>
                    <td><button className="link" onClick={() => setSelected(c.id)}>{c.trackingCode}</button></td>
                    <td>{categoryName(c.category)}</td><td>{c.unit}</td>
                    <td className={OPEN_STATES.includes(c.state) && c.dueDate < vnToday() ? 'loss' : undefined}>{c.dueDate}</td>
                    <td>{t(`fb.states.${c.state}`)}</td>
                    <td>{c.priority === 'normal' ? '' : t(`fb.priorities.${c.priority}`)}</td>
                    <td>{c.officer ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div>{shown ? <CaseDetail key={shown} id={shown} categories={categories.data ?? []} /> : <p className="muted">{t('fb.pick')}</p>}</div>
      </div>
      <ErrorText error={inbox.error} />
    </section>
  );
}
