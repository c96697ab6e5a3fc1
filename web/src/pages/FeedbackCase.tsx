import { useRef, useState, type PointerEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorText } from '../components/Chrome';
import { vnToday } from '../dates';

export interface CaseCategory { code: string; nameVi: string; nameEn: string }
interface Media { id: number; position: number; width: number; height: number; hidden: boolean; redacted: boolean; url: string }
interface Detail {
  id: number; state: string; description: string; publicText: string; public_description: string | null; public_answer: string | null; due_date: string;
  tracking_code: string; category_code: string; priority: 'low' | 'normal' | 'high' | 'urgent'; unit_id: number | null;
  data: { anonymous?: boolean; contact?: { name: string; phone?: string; email?: string } | null };
  media: Media[];
  timeline: { id: number; at: string; action: string; to_state: string | null; note: string | null; internal: boolean; actor_name: string }[];
}
interface Template { id: number; title: string; body: string }
interface Area { x: number; y: number; w: number; h: number }

export const OPEN_STATES = ['routed', 'forwarded', 'accepted', 'in_progress'];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Draw rectangles over a photo; they are blurred in the copy the public sees. */
function PhotoRedactor({ caseId, media, onDone }: { caseId: number; media: Media; onDone(): void }) {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);
  const [areas, setAreas] = useState<Area[]>([]);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const [draft, setDraft] = useState<Area | null>(null);
  const save = useMutation({
    mutationFn: (body: { areas?: Area[]; hidden?: boolean }) => api(`/api/feedback/cases/${caseId}/photos/${media.id}`, { method: 'POST', body }),
    onSuccess: onDone,
  });
  const at = (e: PointerEvent) => {
    const box = stage.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)), y: Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)) };
  };
  const rect = (a: { x: number; y: number }, b: { x: number; y: number }): Area => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
  const style = (a: Area) => ({ left: `${a.x * 100}%`, top: `${a.y * 100}%`, width: `${a.w * 100}%`, height: `${a.h * 100}%` });
  return (
    <div className="card" data-testid="redactor">
      <p className="small muted">{t('fb.redactHelp')}</p>
      <div
        ref={stage} className="redact-stage" data-testid="redact-stage"
        onPointerDown={(e) => { e.preventDefault(); setDrag(at(e)); }}
        onPointerMove={(e) => drag && setDraft(rect(drag, at(e)))}
        onPointerUp={(e) => {
          if (drag) {
            const a = rect(drag, at(e));
            if (a.w > 0.01 && a.h > 0.01) setAreas([...areas, a]);
          }
          setDrag(null);
          setDraft(null);
        }}
      >
        <img src={media.url} alt={`${t('fb.photo')} ${media.position}`} draggable={false} />
        {[...areas, ...(draft ? [draft] : [])].map((a, i) => <span key={i} className="area" style={style(a)} />)}
      </div>
      <div className="row wrap">
        <button className="primary" disabled={!areas.length} onClick={() => save.mutate({ areas })}>{t('fb.blurSave', { count: areas.length })}</button>
        <button disabled={!areas.length} onClick={() => setAreas([])}>{t('fb.clearAreas')}</button>
        {media.redacted && <button onClick={() => save.mutate({ areas: [] })}>{t('fb.unblur')}</button>}
        <button onClick={() => save.mutate({ hidden: !media.hidden })}>{media.hidden ? t('fb.showPhoto') : t('fb.hidePhoto')}</button>
      </div>
      <ErrorText error={save.error} />
    </div>
  );
}

export function CaseDetail({ id, categories }: { id: number; categories: CaseCategory[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['fb-case', id], queryFn: () => api<Detail>(`/api/feedback/cases/${id}`) });
  const c = detail.data;
  const templates = useQuery({ queryKey: ['fb-templates', c?.category_code], enabled: Boolean(c), queryFn: () => api<Template[]>(`/api/feedback/templates?category=${c!.category_code}`) });
  const [text, setText] = useState('');
  const [days, setDays] = useState('5');
  const [publicText, setPublicText] = useState<string | null>(null);
  const [photo, setPhoto] = useState<number | null>(null);
  const duplicates = useQuery({ queryKey: ['fb-dups', id], queryFn: () => api<{ id: number; trackingCode: string; state: string; distanceMeters: number; description: string }[]>(`/api/feedback/cases/${id}/duplicates`) });
  const merge = useMutation({
    mutationFn: (into: number) => api(`/api/feedback/cases/${id}/actions`, { method: 'POST', body: { action: 'merge', mergeInto: into } }),
    onSuccess: () => refresh(),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['fb-case', id] });
    void client.invalidateQueries({ queryKey: ['fb-inbox'] });
  };
  const act = useMutation({
    mutationFn: async (kind: 'accept' | 'start' | 'answer' | 'close' | 'extend' | 'note') => {
      if (kind === 'extend') return api(`/api/feedback/cases/${id}/extend`, { method: 'POST', body: { workingDays: Number(days), reason: text } });
      if (kind === 'note') return api(`/api/feedback/cases/${id}/notes`, { method: 'POST', body: { text, internal: true } });
      return api(`/api/feedback/cases/${id}/actions`, { method: 'POST', body: kind === 'answer' ? { action: 'answer', answer: text } : { action: kind } });
    },
    onSuccess: () => {
      setText('');
      refresh();
    },
  });
  const update = useMutation({
    mutationFn: (body: Record<string, unknown>) => api(`/api/feedback/cases/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      setPublicText(null);
      refresh();
    },
  });
  if (detail.isLoading) return <p>{t('app.loading')}</p>;
  if (detail.error) return <ErrorText error={detail.error} />;
  if (!c) return null;
  const open = OPEN_STATES.includes(c.state);
  const buttons: ('accept' | 'start' | 'answer' | 'close')[] = c.state === 'routed' || c.state === 'forwarded' ? ['accept'] : c.state === 'accepted' ? ['start', 'answer'] : c.state === 'in_progress' ? ['answer'] : c.state === 'answered' ? ['close'] : [];
  const catName = (x: CaseCategory) => (i18n.language === 'vi' ? x.nameVi : x.nameEn);
  const editing = publicText !== null;
  const selectedPhoto = c.media.find((m) => m.id === photo);
  return (
    <div className="card" data-testid="case-detail">
      <h2>{c.tracking_code} <small className="muted">{t(`fb.states.${c.state}`)}</small></h2>
      <div className="row wrap small">
        <label>{t('fb.priority')} <select aria-label={t('fb.priority')} value={c.priority} onChange={(e) => update.mutate({ priority: e.target.value })}>{PRIORITIES.map((p) => <option key={p} value={p}>{t(`fb.priorities.${p}`)}</option>)}</select></label>
        <label>{t('fb.category')} <select aria-label={t('fb.category')} value={c.category_code} disabled={!open && c.state !== 'received'} onChange={(e) => update.mutate({ category: e.target.value })}>{categories.map((x) => <option key={x.code} value={x.code}>{catName(x)}</option>)}</select></label>
      </div>
      <p>{c.description}</p>
      <div className="small">
        <b>{t('fb.publicText')}</b>{' '}
        {editing ? (
          <span className="row wrap">
            <textarea aria-label={t('fb.publicText')} rows={3} value={publicText} onChange={(e) => setPublicText(e.target.value)} />
            <button className="primary" disabled={publicText.trim().length < 10} onClick={() => update.mutate({ publicDescription: publicText })}>{t('fb.save')}</button>
            {c.public_description && <button onClick={() => update.mutate({ publicDescription: null })}>{t('fb.maskedOriginal')}</button>}
            <button onClick={() => setPublicText(null)}>{t('fb.cancel')}</button>
          </span>
        ) : (<><span className="muted" data-testid="public-text">{c.publicText}</span> <button className="link" onClick={() => setPublicText(c.publicText)}>{t('fb.edit')}</button></>)}
      </div>
      <p className="muted small">{t('fb.due')}: <span className={open && c.due_date < vnToday() ? 'loss' : undefined}>{c.due_date}</span></p>
      <p className="small">{t('fb.contact')}: {c.data.anonymous || !c.data.contact ? t('fb.anonymous') : `${c.data.contact.name}${c.data.contact.phone ? ` · ${c.data.contact.phone}` : ''}${c.data.contact.email ? ` · ${c.data.contact.email}` : ''}`}</p>
      {c.media.length > 0 && (
        <div className="thumbs" data-testid="case-photos">
          {c.media.map((m) => (
            <figure key={m.id} className={m.hidden ? 'hidden-photo' : undefined}>
              <button className="link" onClick={() => setPhoto(photo === m.id ? null : m.id)} aria-label={`${t('fb.photo')} ${m.position}`}><img src={m.url} alt={`${t('fb.photo')} ${m.position}`} /></button>
              <figcaption className="small">{m.hidden ? t('fb.hidden') : m.redacted ? t('fb.blurred') : t('fb.public')}</figcaption>
            </figure>
          ))}
        </div>
      )}
      {selectedPhoto && <PhotoRedactor key={selectedPhoto.id} caseId={id} media={selectedPhoto} onDone={() => { setPhoto(null); refresh(); }} />}
      {open && duplicates.data && duplicates.data.length > 0 && (
        <div className="card warn-card" data-testid="duplicates">
          <b>{t('fb.similar')}</b>
          <ul>
            {duplicates.data.map((d) => (
              <li key={d.id}>{d.trackingCode} · {d.distanceMeters} m · {t(`fb.states.${d.state}`)} · <span className="muted">{d.description}</span>{' '}
                <button onClick={() => merge.mutate(d.id)}>{t('fb.mergeInto', { code: d.trackingCode })}</button></li>
            ))}
          </ul>
          <ErrorText error={merge.error} />
        </div>
      )}
      {c.public_answer && <p className="ok">{c.public_answer}</p>}
      {templates.data && templates.data.length > 0 && (
        <select aria-label={t('fb.template')} value="" onChange={(e) => setText(templates.data!.find((x) => String(x.id) === e.target.value)?.body ?? text)}>
          <option value="">{t('fb.template')}…</option>
          {templates.data.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
        </select>
      )}
      <textarea aria-label={t('fb.answer')} rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={`${t('fb.answer')} / ${t('fb.note')} / ${t('fb.reason')}`} />
      <div className="row wrap">
        {buttons.map((b) => <button key={b} className={b === 'answer' ? 'primary' : undefined} disabled={b === 'answer' && !text.trim()} onClick={() => act.mutate(b)}>{t(`fb.actions.${b}`)}</button>)}
        <button disabled={!text.trim()} onClick={() => act.mutate('note')}>{t('fb.actions.note')}</button>
        {open && (<><input type="number" min={1} max={60} value={days} onChange={(e) => setDays(e.target.value)} aria-label={t('fb.days')} style={{ width: '4rem' }} /><button disabled={text.trim().length < 5} onClick={() => act.mutate('extend')}>{t('fb.actions.extend')}</button></>)}
      </div>
      <ErrorText error={act.error ?? update.error} />
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
