import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAuth } from '../auth';
import { ErrorText } from '../components/Chrome';
import type { CaseCategory } from './FeedbackCase';

interface Rule { category: string | null; target: 'place' | 'place_parent' | 'unit'; unitId: number | null; unit?: string | null; note: string | null }
interface Template { id: number; title: string; body: string; category: string | null }
interface Webhook { id: number; name: string; url: string; events: string[]; active: boolean }
interface Delivery { id: number; channel: string; recipient: string; event: string; subject: string; state: string; attempts: number; lastError: string | null; createdAt: string }

function RoutingRules({ categories }: { categories: CaseCategory[] }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const saved = useQuery({ queryKey: ['fb-rules'], queryFn: () => api<Rule[]>('/api/feedback/routing-rules') });
  const [rules, setRules] = useState<Rule[]>([]);
  useEffect(() => setRules(saved.data ?? []), [saved.data]);
  const save = useMutation({ mutationFn: () => api('/api/feedback/routing-rules', { method: 'PUT', body: { rules: rules.map(({ category, target, unitId, note }) => ({ category, target, unitId, note })) } }) });
  const edit = (i: number, change: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const admin = me?.user.role === 'admin';
  return (
    <section className="card" aria-label={t('fbs.rules')}>
      <h2>{t('fbs.rules')}</h2>
      <p className="muted small">{t('fbs.rulesHelp')}</p>
      <table>
        <thead><tr><th>#</th><th>{t('fb.category')}</th><th>{t('fbs.target')}</th><th>{t('fbs.unitId')}</th><th>{t('fbs.note')}</th><th /></tr></thead>
        <tbody>
          {rules.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td><select aria-label={t('fb.category')} disabled={!admin} value={r.category ?? ''} onChange={(e) => edit(i, { category: e.target.value || null })}>
                <option value="">{t('fbs.anyCategory')}</option>
                {categories.map((c) => <option key={c.code} value={c.code}>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</option>)}
              </select></td>
              <td><select aria-label={t('fbs.target')} disabled={!admin} value={r.target} onChange={(e) => edit(i, { target: e.target.value as Rule['target'], unitId: e.target.value === 'unit' ? r.unitId : null })}>
                {(['place', 'place_parent', 'unit'] as const).map((x) => <option key={x} value={x}>{t(`fbs.targets.${x}`)}</option>)}
              </select></td>
              <td>{r.target === 'unit' ? <input type="number" aria-label={t('fbs.unitId')} disabled={!admin} value={r.unitId ?? ''} onChange={(e) => edit(i, { unitId: e.target.value ? Number(e.target.value) : null })} style={{ width: '6rem' }} /> : ''} <small className="muted">{r.unit ?? ''}</small></td>
              <td><input aria-label={t('fbs.note')} disabled={!admin} value={r.note ?? ''} onChange={(e) => edit(i, { note: e.target.value || null })} /></td>
              <td>{admin && (<>
                <button disabled={i === 0} onClick={() => setRules([...rules.slice(0, i - 1), r, rules[i - 1]!, ...rules.slice(i + 1)])}>{t('fbs.up')}</button>
                <button onClick={() => setRules(rules.filter((_, j) => j !== i))}>{t('fbs.remove')}</button>
              </>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin && (
        <div className="row wrap">
          <button onClick={() => setRules([{ category: categories[0]?.code ?? null, target: 'place_parent', unitId: null, note: null }, ...rules])}>{t('fbs.add')}</button>
          <button className="primary" onClick={() => save.mutate()}>{t('fbs.saveRules')}</button>
          {save.isSuccess && <span className="ok" role="status">{t('fbs.saved')}</span>}
        </div>
      )}
      <ErrorText error={save.error} />
    </section>
  );
}

function Templates({ categories }: { categories: CaseCategory[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['fb-templates', 'all'], queryFn: () => api<Template[]>('/api/feedback/templates') });
  const [draft, setDraft] = useState({ title: '', body: '', category: '' });
  const refresh = () => void client.invalidateQueries({ queryKey: ['fb-templates'] });
  const create = useMutation({
    mutationFn: () => api('/api/feedback/templates', { method: 'POST', body: { title: draft.title, body: draft.body, category: draft.category || null } }),
    onSuccess: () => {
      setDraft({ title: '', body: '', category: '' });
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => api(`/api/feedback/templates/${id}`, { method: 'DELETE' }), onSuccess: refresh });
  return (
    <section className="card" aria-label={t('fbs.templates')}>
      <h2>{t('fbs.templates')}</h2>
      <ul className="report-list">
        {list.data?.map((x) => (
          <li key={x.id}><b>{x.title}</b> <small className="muted">{x.category ?? t('fbs.anyCategory')}</small> <button className="link" onClick={() => remove.mutate(x.id)}>{t('fbs.remove')}</button><div className="small">{x.body}</div></li>
        ))}
      </ul>
      <div className="row wrap">
        <input aria-label={t('fbs.title_')} placeholder={t('fbs.title_')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
        <select aria-label={t('fb.category')} value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
          <option value="">{t('fbs.anyCategory')}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</option>)}
        </select>
      </div>
      <textarea aria-label={t('fbs.body')} placeholder={t('fbs.body')} rows={3} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
      <button className="primary" disabled={draft.title.trim().length < 2 || draft.body.trim().length < 10} onClick={() => create.mutate()}>{t('fbs.add')}</button>
      <ErrorText error={create.error ?? remove.error} />
    </section>
  );
}

function Webhooks() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => api<{ events: string[]; webhooks: Webhook[] }>('/api/webhooks') });
  const outbox = useQuery({ queryKey: ['outbox'], queryFn: () => api<Delivery[]>('/api/notifications/outbox?limit=50') });
  const [draft, setDraft] = useState({ name: '', url: '', events: ['*'] as string[] });
  const [secret, setSecret] = useState('');
  const create = useMutation({
    mutationFn: () => api<{ secret: string }>('/api/webhooks', { method: 'POST', body: draft }),
    onSuccess: (r) => {
      setSecret(r.secret);
      setDraft({ name: '', url: '', events: ['*'] });
      void client.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => api(`/api/webhooks/${id}`, { method: 'DELETE' }), onSuccess: () => void client.invalidateQueries({ queryKey: ['webhooks'] }) });
  return (
    <>
      <section className="card" aria-label={t('fbs.webhooks')}>
        <h2>{t('fbs.webhooks')}</h2>
        <ul className="report-list">
          {hooks.data?.webhooks.map((h) => <li key={h.id}><b>{h.name}</b> <code>{h.url}</code> <small>{h.events.join(', ')}</small> <button className="link" onClick={() => remove.mutate(h.id)}>{t('fbs.remove')}</button></li>)}
        </ul>
        <div className="row wrap">
          <input aria-label={t('fbs.title_')} placeholder={t('fbs.title_')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <input aria-label={t('fbs.url')} placeholder="https://…" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />
          <select aria-label={t('fbs.events')} multiple value={draft.events} onChange={(e) => setDraft({ ...draft, events: Array.from(e.target.selectedOptions).map((o) => o.value) })}>
            {['*', ...(hooks.data?.events ?? [])].map((ev) => <option key={ev} value={ev}>{ev}</option>)}
          </select>
          <button className="primary" onClick={() => create.mutate()}>{t('fbs.add')}</button>
        </div>
        {secret && <p role="status">{t('fbs.secret')}: <code>{secret}</code></p>}
        <ErrorText error={create.error ?? remove.error} />
      </section>
      <section className="card" aria-label={t('fbs.outbox')}>
        <h2>{t('fbs.outbox')}</h2>
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('fbs.channel')}</th><th>{t('fbs.recipient')}</th><th>{t('fbs.events')}</th><th>{t('fb.state')}</th><th>{t('fbs.attempts')}</th><th>{t('fbs.error')}</th><th /></tr></thead>
            <tbody>
              {outbox.data?.map((d) => (
                <tr key={d.id}><td>{d.channel}</td><td>{d.recipient}</td><td>{d.event}</td><td className={d.state === 'failed' ? 'loss' : undefined}>{d.state}</td><td>{d.attempts}</td><td className="small">{d.lastError ?? ''}</td><td className="small muted">{new Date(d.createdAt).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Feedback settings: routing rules (administrators edit), answer templates (reviewers and administrators), webhooks. */
export function FeedbackSettingsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const categories = useQuery({ queryKey: ['fb-categories'], queryFn: () => api<CaseCategory[]>('/api/public/feedback/categories') });
  return (
    <section>
      <h1>{t('fbs.title')}</h1>
      <RoutingRules categories={categories.data ?? []} />
      <Templates categories={categories.data ?? []} />
      {me?.user.role === 'admin' && <Webhooks />}
    </section>
  );
}
