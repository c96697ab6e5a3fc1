import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAuth, useCan } from '../../auth';
import { reportQuery, type Finding } from '../../api/reporting';
import { ErrorText } from '../../components/Chrome';
import { dateTime, dayMonthYear } from '../../dates';
import { Attachments } from './Attachments';
import { ReportSection } from './ReportSection';
import { ReviewBar } from './ReviewBar';
import { StateBadge } from './StateBadge';
import { useReportDraft } from './useReportDraft';

/** The report form: its sections, attachments and checks, the next step in its chain of approval, and its history. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const { me } = useAuth();
  const can = useCan();
  const report = useQuery(reportQuery(id));
  const r = report.data;
  const { values, narrative, findings, sync, flush, edit } = useReportDraft(r);

  const byField = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of findings) m.set(f.field, [...(m.get(f.field) ?? []), f]);
    return m;
  }, [findings]);

  if (report.isLoading) return <p>{t('app.loading')}</p>;
  if (!r) return <ErrorText error={report.error} />;
  const editable = ['draft', 'returned'].includes(r.state) && me?.user.orgUnitId === r.unit.id && can('reports.edit');
  const next = r.chain.find((c) => !c.approved);
  const canReview = can('reports.act') && r.state === 'submitted' && next !== undefined && (me?.user.role === 'admin' || me?.user.orgUnitId === next.id);
  const canUnlock = can('reports.act') && r.state === 'approved' && (me?.user.role === 'admin' || me?.user.orgUnitId === r.chain.at(-1)?.id);
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
        <ReportSection key={s.code} r={r} s={s} values={values} narrative={narrative} edit={edit} byField={byField} editable={editable} />
      ))}
      <Attachments r={r} editable={editable} />
      {findings.filter((f) => f.code === 'rule').map((f) => <p key={f.field} className={f.severity === 'error' ? 'loss' : 'warn'} data-testid="rule">{message(f)}</p>)}
      {(editable || canReview || canUnlock) && (
        <ReviewBar r={r} editable={editable} canReview={canReview} canUnlock={canUnlock} nextName={next?.name} errors={errors.length} flush={flush} />
      )}
      <h3>{t('rep.timeline')}</h3>
      <ol className="timeline">
        {r.timeline.map((e) => <li key={e.id}><small className="muted">{dateTime(e.at)} · {e.actor_name}</small> <b>{t(`rep.actions.${e.action}`, { defaultValue: e.action })}</b>{e.note ? `: ${e.note}` : ''}</li>)}
      </ol>
    </section>
  );
}
