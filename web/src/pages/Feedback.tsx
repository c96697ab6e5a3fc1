import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorText } from '../components/Chrome';

interface Item { id: number; trackingCode: string; category: string; state: string; unit: string | null; receivedAt: string; dueDate: string; description: string }
interface Detail extends Omit<Item, 'unit'> {
  description: string; public_answer: string | null; due_date: string; tracking_code: string; category_code: string;
  data: { anonymous?: boolean; contact?: { name: string; phone?: string; email?: string } | null };
  timeline: { id: number; at: string; action: string; to_state: string | null; note: string | null; internal: boolean; actor_name: string }[];
}
interface Category { code: string; nameVi: string; nameEn: string }

const today = () => new Date().toISOString().slice(0, 10);

function CaseDetail({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['fb-case', id], queryFn: () => api<Detail>(`/api/feedback/cases/${id}`) });
  const [text, setText] = useState('');
  const [days, setDays] = useState('5');
  const act = useMutation({
    mutationFn: async (kind: 'accept' | 'start' | 'answer' | 'close' | 'extend' | 'note') => {
      if (kind === 'extend') return api(`/api/feedback/cases/${id}/extend`, { method: 'POST', body: { workingDays: Number(days), reason: text } });
      if (kind === 'note') return api(`/api/feedback/cases/${id}/notes`, { method: 'POST', body: { text, internal: true } });
      return api(`/api/feedback/cases/${id}/actions`, { method: 'POST', body: kind === 'answer' ? { action: 'answer', answer: text } : { action: kind } });
    },
    onSuccess: () => {
      setText('');
      void client.invalidateQueries({ queryKey: ['fb-case', id] });
      void client.invalidateQueries({ queryKey: ['fb-inbox'] });
    },
  });
  if (detail.isLoading) return <p>{t('app.loading')}</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  const c = detail.data!;
  const open = ['routed', 'forwarded', 'accepted', 'in_progress'].includes(c.state);
  const buttons: ('accept' | 'start' | 'answer' | 'close')[] = c.state === 'routed' || c.state === 'forwarded' ? ['accept'] : c.state === 'accepted' ? ['start', 'answer'] : c.state === 'in_progress' ? ['answer'] : c.state === 'answered' ? ['close'] : [];
  return (
    <div className="card" data-testid="case-detail">
      <h2>{c.tracking_code} <small className="muted">{t(`fb.states.${c.state}`)}</small></h2>
      <p>{c.description}</p>
      <p className="muted small">{t('fb.due')}: <span className={open && c.due_date < today() ? 'loss' : undefined}>{c.due_date}</span></p>
      <p className="small">{t('fb.contact')}: {c.data.anonymous || !c.data.contact ? t('fb.anonymous') : `${c.data.contact.name}${c.data.contact.phone ? ` · ${c.data.contact.phone}` : ''}`}</p>
      {c.public_answer && <p className="ok">{c.public_answer}</p>}
      <textarea aria-label={t('fb.answer')} rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={`${t('fb.answer')} / ${t('fb.note')} / ${t('fb.reason')}`} />
      <div className="row wrap">
        {buttons.map((b) => <button key={b} className={b === 'answer' ? 'primary' : undefined} disabled={b === 'answer' && !text.trim()} onClick={() => act.mutate(b)}>{t(`fb.actions.${b}`)}</button>)}
        <button disabled={!text.trim()} onClick={() => act.mutate('note')}>{t('fb.actions.note')}</button>
        {open && (<><input type="number" min={1} max={60} value={days} onChange={(e) => setDays(e.target.value)} aria-label={t('fb.days')} style={{ width: '4rem' }} /><button disabled={text.trim().length < 5} onClick={() => act.mutate('extend')}>{t('fb.actions.extend')}</button></>)}
      </div>
      <ErrorText error={act.error} />
      <h3>{t('fb.timeline')}</h3>
      <ol className="timeline">
        {c.timeline.map((e) => (
          <li key={e.id} className={e.internal ? 'internal' : undefined}>
            <small className="muted">{new Date(e.at).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')} · {e.actor_name}</small> <b>{t(`fb.events.${e.action}`, { defaultValue: e.action })}</b>{e.to_state ? ` → ${t(`fb.states.${e.to_state}`)}` : ''}{e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The unit's inbox: its cases by deadline, overdue ones marked, and the case being handled beside them. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'overdue'>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const inbox = useQuery({ queryKey: ['fb-inbox', filter], queryFn: () => api<Item[]>(`/api/feedback/cases${filter === 'overdue' ? '?overdue=true' : ''}`) });
  const categories = useQuery({ queryKey: ['fb-categories'], queryFn: () => api<Category[]>('/api/public/feedback/categories') });
  const categoryName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? (i18n.language === 'vi' ? c.nameVi : c.nameEn) : code;
  };
  return (
    <section>
      <div className="row wrap">
        <h1>{t('fb.title')}</h1><span className="spacer" />
        <button className={filter === 'all' ? 'primary' : undefined} onClick={() => setFilter('all')}>{t('fb.all')}</button>
        <button className={filter === 'overdue' ? 'primary' : undefined} onClick={() => setFilter('overdue')}>{t('fb.overdue')}</button>
      </div>
      <div className="score-layout">
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('fb.code')}</th><th>{t('fb.category')}</th><th>{t('fb.unit')}</th><th>{t('fb.due')}</th><th>{t('fb.state')}</th></tr></thead>
            <tbody>
              {inbox.data?.map((c) => (
                <tr key={c.id} className={selected === c.id ? 'selected-row' : undefined}>
                  <td><button className="link" onClick={() => setSelected(c.id)}>{c.trackingCode}</button></td>
                  <td>{categoryName(c.category)}</td><td>{c.unit}</td>
                  <td className={['routed', 'forwarded', 'accepted', 'in_progress'].includes(c.state) && c.dueDate < today() ? 'loss' : undefined}>{c.dueDate}</td>
                  <td>{t(`fb.states.${c.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>{selected ? <CaseDetail id={selected} /> : <p className="muted">{t('fb.pick')}</p>}</div>
      </div>
      <ErrorText error={inbox.error} />
    </section>
  );
}
