import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorText } from '../components/Chrome';
import { dayMonthYear, vnDateOf, vnToday } from '../dates';

interface Due { regime: string; nameVi: string; nameEn: string; demo: boolean; period: string; start: string; end: string; dueDate: string; reportId: number | null; state: string | null; submittedAt: string | null }
interface Item { element: string; coc?: string; required: boolean; min?: number; max?: number }
type Section = { code: string; kind: 'data'; titleVi: string; titleEn: string; items: Item[] } | { code: string; kind: 'narrative'; titleVi: string; titleEn: string; outline: string[]; required: boolean };
interface Finding { severity: 'error' | 'warning'; code: string; field: string; vi: string; en: string }
interface ReportView {
  id: number; regime: { code: string; nameVi: string; nameEn: string; demo: boolean }; form: { version: number; definition: { sections: Section[] } };
  elements: Record<string, { nameVi: string; nameEn: string; unit: string | null }>;
  cocs: Record<string, { nameVi: string; nameEn: string }>;
  unit: { id: number; name: string }; period: { code: string; start: string; end: string }; dueDate: string; state: string;
  values: Record<string, number | null>; narrative: Record<string, string>; revision: number;
  chain: { id: number; name: string; approved: boolean }[]; findings: Finding[];
  attachments: { id: number; fileName: string; size: number }[];
  timeline: { id: number; at: string; action: string; actor_name: string; note: string | null; to_state: string | null }[];
}

const keyOf = (i: Item) => (i.coc ? `${i.element}.${i.coc}` : i.element);

/** Totals worth showing: an element entered by disaggregation (women + men…) adds up to its total; nothing is stored. */
function totalsOf(items: Item[], values: Record<string, number | null>): [string, number][] {
  const byElement = new Map<string, Item[]>();
  for (const i of items) if (i.coc) byElement.set(i.element, [...(byElement.get(i.element) ?? []), i]);
  return [...byElement].filter(([, parts]) => parts.length > 1).map(([element, parts]) => [element, parts.reduce((a, i) => a + (values[keyOf(i)] ?? 0), 0)]);
}

export function StateBadge({ state, dueDate }: { state: string | null; dueDate?: string }) {
  const { t } = useTranslation();
  const late = !state || state === 'draft' || state === 'returned' ? dueDate !== undefined && dueDate < vnToday() : false;
  const colour = state === 'approved' ? '#38761d' : state === 'submitted' ? '#0b5394' : state === 'returned' || late ? '#cc0000' : '#7f6000';
  return <span className="badge" style={{ background: colour, color: '#fff' }}>{t(`rep.states.${state ?? 'none'}`)}{late ? ` · ${t('rep.late')}` : ''}</span>;
}

/** The officer's inbox: what the unit has to report, the period just closed first. */
export function ReportsDuePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const due = useQuery({ queryKey: ['rep-due'], queryFn: () => api<Due[]>('/api/reporting/due') });
  const open = useMutation({
    mutationFn: (d: Due) => api<ReportView>('/api/reporting/reports', { method: 'POST', body: { regime: d.regime, unitId: me!.user.orgUnitId, period: d.period } }),
    onSuccess: (r) => navigate(`/reports/${r.id}`),
  });
  return (
    <section>
      <h1>{t('rep.dueTitle')}</h1>
      <p className="muted">{t('rep.dueHelp', { unit: me?.user.orgUnitName })}</p>
      <div className="table-wrap">
        <table data-testid="due-list">
          <thead><tr><th>{t('rep.regime')}</th><th>{t('rep.period')}</th><th>{t('rep.window')}</th><th>{t('rep.due')}</th><th>{t('rep.state')}</th><th /></tr></thead>
          <tbody>
            {due.data?.map((d) => (
              <tr key={`${d.regime}-${d.period}`}>
                <td>{i18n.language === 'vi' ? d.nameVi : d.nameEn}{d.demo && <small className="muted"> · {t('rep.demo')}</small>}</td>
                <td>{d.period}</td><td className="small">{dayMonthYear(d.start)} – {dayMonthYear(d.end)}</td><td>{dayMonthYear(d.dueDate)}</td>
                <td><StateBadge state={d.state} dueDate={d.dueDate} /></td>
                <td>{d.reportId ? <Link to={`/reports/${d.reportId}`}>{t('rep.openReport')}</Link> : <button onClick={() => open.mutate(d)}>{t('rep.start')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {due.data?.length === 0 && <p className="muted">{t('rep.nothingDue')}</p>}
      <ErrorText error={due.error ?? open.error} />
    </section>
  );
}

const DRAFT_KEY = (id: number) => `tinhso.reportDraft.${id}`;
interface LocalDraft { revision: number; values: Record<string, number | null>; narrative: Record<string, string> }

/**
 * The report form. Edits are kept in the browser at once and saved to the server a moment later; without a
 * connection they wait (the page says so) and are sent when it returns, against the revision they started from, so
 * a value is never lost or saved twice.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const client = useQueryClient();
  const { me } = useAuth();
  const report = useQuery({ queryKey: ['rep', id], queryFn: () => api<ReportView>(`/api/reporting/reports/${id}`) });
  const r = report.data;
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [findings, setFindings] = useState<Finding[]>([]);
  const [sync, setSync] = useState<'saved' | 'saving' | 'offline' | 'conflict' | 'idle'>('idle');
  const [note, setNote] = useState('');
  const revision = useRef(0);
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!r) return;
    const local = (() => {
      try {
        return JSON.parse(localStorage.getItem(DRAFT_KEY(r.id)) ?? 'null') as LocalDraft | null;
      } catch {
        return null;
      }
    })();
    // Edits kept offline from the revision on the server are put back and sent; anything else is the server's.
    if (local && local.revision === r.revision && ['draft', 'returned'].includes(r.state)) {
      setValues({ ...r.values, ...local.values });
      setNarrative({ ...r.narrative, ...local.narrative });
      dirty.current = true;
    } else {
      setValues(r.values);
      setNarrative(r.narrative);
      localStorage.removeItem(DRAFT_KEY(r.id));
    }
    revision.current = r.revision;
    setFindings(r.findings);
  }, [r?.id, r?.revision, r?.state]);

  const flush = useCallback(async () => {
    if (!dirty.current || !r) return;
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY(r.id)) ?? 'null') as LocalDraft | null;
    if (!draft) return;
    setSync('saving');
    try {
      const saved = await api<{ revision: number; findings: Finding[] }>(`/api/reporting/reports/${r.id}`, { method: 'PUT', body: { values: draft.values, narrative: draft.narrative, revision: draft.revision } });
      revision.current = saved.revision;
      dirty.current = false;
      localStorage.removeItem(DRAFT_KEY(r.id));
      setFindings(saved.findings);
      setSync('saved');
    } catch (err) {
      if (err instanceof ApiError) setSync(err.code === 'report_conflict' ? 'conflict' : 'idle');
      else setSync('offline');
    }
  }, [r]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    if (dirty.current && navigator.onLine) void flush();
    return () => window.removeEventListener('online', online);
  }, [flush]);

  const edit = (nextValues: Record<string, number | null>, nextNarrative: Record<string, string>) => {
    setValues(nextValues);
    setNarrative(nextNarrative);
    dirty.current = true;
    const changedValues = Object.fromEntries(Object.entries(nextValues).filter(([k, v]) => r!.values[k] !== v));
    const changedText = Object.fromEntries(Object.entries(nextNarrative).filter(([k, v]) => r!.narrative[k] !== v));
    localStorage.setItem(DRAFT_KEY(r!.id), JSON.stringify({ revision: revision.current, values: changedValues, narrative: changedText } satisfies LocalDraft));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), 800);
    if (!navigator.onLine) setSync('offline');
  };

  const act = useMutation({
    mutationFn: async (action: 'submit' | 'approve' | 'return' | 'unlock') => {
      await flush();
      return api(`/api/reporting/reports/${id}/${action}`, { method: 'POST', body: note.trim() ? { note } : {} });
    },
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: ['rep', id] });
      void client.invalidateQueries({ queryKey: ['rep-due'] });
      void client.invalidateQueries({ queryKey: ['rep-queue'] });
    },
  });

  const attach = useMutation({
    mutationFn: async (files: FileList) => {
      const form = new FormData();
      for (const f of Array.from(files)) form.append('file', f, f.name);
      return api(`/api/reporting/reports/${id}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['rep', id] }),
  });
  const detach = useMutation({
    mutationFn: (attachmentId: number) => api(`/api/reporting/reports/${id}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['rep', id] }),
  });

  const byField = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of findings) m.set(f.field, [...(m.get(f.field) ?? []), f]);
    return m;
  }, [findings]);

  if (report.isLoading) return <p>{t('app.loading')}</p>;
  if (!r) return <ErrorText error={report.error} />;
  const editable = ['draft', 'returned'].includes(r.state) && me?.user.orgUnitId === r.unit.id;
  const next = r.chain.find((c) => !c.approved);
  const canReview = r.state === 'submitted' && next && (me?.user.role === 'admin' || me?.user.orgUnitId === next.id);
  const canUnlock = r.state === 'approved' && (me?.user.role === 'admin' || me?.user.orgUnitId === r.chain.at(-1)?.id);
  const lang = i18n.language === 'vi';
  const errors = findings.filter((f) => f.severity === 'error');
  const message = (f: Finding) => (lang ? f.vi : f.en);
  return (
    <section data-testid="report-form">
      <div className="row wrap">
        <h1>{lang ? r.regime.nameVi : r.regime.nameEn}</h1>
        <span className="spacer" />
        <StateBadge state={r.state} />
      </div>
      <p className="muted">
        {r.unit.name} · {t('rep.period')} {r.period.code} ({dayMonthYear(r.period.start)} – {dayMonthYear(r.period.end)}) · {t('rep.due')} {dayMonthYear(r.dueDate)} · {t('rep.formVersion', { v: r.form.version })}
        {r.regime.demo && <> · <b>{t('rep.demo')}</b></>}
      </p>
      <p className="small" data-testid="sync">{t(`rep.sync.${sync}`)}</p>
      <p className="small" data-testid="chain">{t('rep.chain')}: {r.chain.map((c, i) => <span key={c.id} className={c.approved ? 'ok' : undefined}>{i > 0 && ' → '}{c.name}: {c.approved ? t('rep.approvedBy') : t('rep.waiting')}</span>)}</p>
      {r.form.definition.sections.map((s) => (
        <fieldset key={s.code} className="card">
          <legend>{lang ? s.titleVi : s.titleEn}</legend>
          {s.kind === 'data' ? (
            <table>
              <tbody>
                {s.items.map((item) => {
                  const key = keyOf(item);
                  const e = r.elements[item.element];
                  const problems = byField.get(key) ?? [];
                  return (
                    <tr key={key}>
                      <td><label htmlFor={`v-${key}`}>{e ? (lang ? e.nameVi : e.nameEn) : item.element}{item.coc && r.cocs[item.coc] ? ` — ${lang ? r.cocs[item.coc]!.nameVi : r.cocs[item.coc]!.nameEn}` : ''}{item.required && ' *'}</label> <small className="muted">{e?.unit}</small></td>
                      <td>
                        <input id={`v-${key}`} type="number" inputMode="decimal" disabled={!editable} value={values[key] ?? ''} aria-invalid={problems.some((p) => p.severity === 'error')}
                          onChange={(ev) => edit({ ...values, [key]: ev.target.value === '' ? null : Number(ev.target.value) }, narrative)} />
                        {problems.map((p, i) => <div key={i} className={p.severity === 'error' ? 'loss small' : 'warn small'}>{message(p)}</div>)}
                      </td>
                    </tr>
                  );
                })}
                {totalsOf(s.items, values).map(([element, total]) => (
                  <tr key={`total-${element}`} className="total"><td>{t('rep.total')}: {r.elements[element] ? (lang ? r.elements[element]!.nameVi : r.elements[element]!.nameEn) : element}</td><td>{total.toLocaleString('vi-VN')}</td></tr>
                ))}
              </tbody>
            </table>
          ) : (
            <>
              {s.outline.length > 0 && <p className="muted small">{t('rep.outline')}: {s.outline.join(' · ')}</p>}
              <textarea aria-label={lang ? s.titleVi : s.titleEn} rows={6} disabled={!editable} value={narrative[s.code] ?? ''} onChange={(ev) => edit(values, { ...narrative, [s.code]: ev.target.value })} />
              {(byField.get(s.code) ?? []).map((p, i) => <div key={i} className="loss small">{message(p)}</div>)}
            </>
          )}
        </fieldset>
      ))}
      <fieldset className="card" data-testid="attachments">
        <legend>{t('rep.attachments')}</legend>
        <ul>
          {r.attachments.map((a) => (
            <li key={a.id}><a href={`/api/reporting/reports/${r.id}/attachments/${a.id}`}>{a.fileName}</a> <small className="muted">{Math.ceil(a.size / 1024)} KB</small>
              {editable && <button className="link" onClick={() => detach.mutate(a.id)}>{t('rep.remove')}</button>}</li>
          ))}
        </ul>
        {editable && <input type="file" multiple aria-label={t('rep.attach')} accept=".pdf,.docx,.xlsx,.odt,.ods,.jpg,.jpeg,.png" onChange={(e) => { if (e.target.files?.length) attach.mutate(e.target.files); e.target.value = ''; }} />}
        <ErrorText error={attach.error ?? detach.error} />
      </fieldset>
      {findings.filter((f) => f.code === 'rule').map((f) => <p key={f.field} className={f.severity === 'error' ? 'loss' : 'warn'} data-testid="rule">{message(f)}</p>)}
      {(editable || canReview || canUnlock) && (
        <div className="card">
          <textarea aria-label={t('rep.note')} placeholder={t('rep.note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="row wrap">
            {editable && <button className="primary" disabled={errors.length > 0} onClick={() => act.mutate('submit')}>{t('rep.submit')}</button>}
            {editable && errors.length > 0 && <span className="loss small">{t('rep.fixFirst', { count: errors.length })}</span>}
            {canReview && <button className="primary" onClick={() => act.mutate('approve')}>{t('rep.approve', { unit: next!.name })}</button>}
            {canReview && <button disabled={!note.trim()} onClick={() => act.mutate('return')}>{t('rep.return')}</button>}
            {canUnlock && <button disabled={!note.trim()} onClick={() => act.mutate('unlock')}>{t('rep.unlock')}</button>}
            <a className="button" href={`/api/reporting/reports/${r.id}/xlsx`}>{t('rep.downloadXlsx')}</a>
          </div>
          <ErrorText error={act.error} />
        </div>
      )}
      <h3>{t('rep.timeline')}</h3>
      <ol className="timeline">
        {r.timeline.map((e) => <li key={e.id}><small className="muted">{new Date(e.at).toLocaleString(lang ? 'vi-VN' : 'en-GB')} · {e.actor_name}</small> <b>{t(`rep.actions.${e.action}`, { defaultValue: e.action })}</b>{e.note ? `: ${e.note}` : ''}</li>)}
      </ol>
    </section>
  );
}

interface Waiting { id: number; regime: string; nameVi: string; nameEn: string; unit: string | null; period: string; dueDate: string; submittedAt: string }

export function ReportQueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useQuery({ queryKey: ['rep-queue'], queryFn: () => api<Waiting[]>('/api/reporting/queue') });
  return (
    <section>
      <h1>{t('rep.queueTitle')}</h1>
      <div className="table-wrap">
        <table data-testid="queue">
          <thead><tr><th>{t('rep.unit')}</th><th>{t('rep.regime')}</th><th>{t('rep.period')}</th><th>{t('rep.submitted')}</th><th>{t('rep.due')}</th></tr></thead>
          <tbody>
            {queue.data?.map((w) => (
              <tr key={w.id}>
                <td><Link to={`/reports/${w.id}`}>{w.unit}</Link></td><td>{i18n.language === 'vi' ? w.nameVi : w.nameEn}</td><td>{w.period}</td>
                <td className={vnDateOf(w.submittedAt) > w.dueDate ? 'loss' : undefined}>{new Date(w.submittedAt).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')}</td><td>{dayMonthYear(w.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {queue.data?.length === 0 && <p className="muted">{t('rep.queueEmpty')}</p>}
      <ErrorText error={queue.error} />
    </section>
  );
}
