import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { actOnAlert, alertKeys, alertQuery, NEXT_ACTIONS, type AlertAction } from '../../api/alerts';
import { useAuth } from '../../auth';
import { dateTime } from '../../dates';
import { SeverityBadge, inLanguage } from './AlertList';

/** Actions that need a few words: what was done, or why it is dismissed. */
const NEEDS_NOTE: AlertAction[] = ['resolve', 'dismiss', 'reopen', 'note'];

/** One alert to the end, on the desk or a phone: its facts, its standard steps, the next steps in one tap each, its timeline. */
export function AlertDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const { me } = useAuth();
  const client = useQueryClient();
  const alert = useQuery(alertQuery(id));
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (body: Parameters<typeof actOnAlert>[1]) => actOnAlert(id, body),
    onSuccess: () => {
      setNote('');
      void client.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
  const a = alert.data;
  if (alert.error) return <section><h1>{t('ioc.title')}</h1><p className="error" role="alert">{alert.error.message}</p></section>;
  if (!a) return <section><h1>{t('ioc.title')}</h1><p>{t('app.loading')}</p></section>;
  const run = (action: AlertAction) => act.mutate({ action, ...(NEEDS_NOTE.includes(action) ? { note } : {}) });
  const actions: AlertAction[] = [...NEXT_ACTIONS[a.state], ...(a.state === 'open' || a.state === 'acknowledged' ? ['assign' as const] : [])];
  return (
    <section className="alert-detail">
      <p><Link to="/ioc">← {t('ioc.back')}</Link></p>
      <h1>{inLanguage(a.title, i18n.language)}</h1>
      <div className="row wrap">
        <SeverityBadge severity={a.severity} />
        <span className="badge" data-testid="alert-state">{t(`ioc.state.${a.state}`)}</span>
        <span>{inLanguage(a.typeName, i18n.language)} · {inLanguage(a.fieldName, i18n.language)}</span>
      </div>
      <dl className="facts">
        <dt>{t('ioc.unit')}</dt><dd>{a.unit?.name ?? t('ioc.noUnit')}</dd>
        <dt>{t('ioc.raisedAt')}</dt><dd>{dateTime(a.raisedAt)}{a.occurrences > 1 ? ` · ${t('ioc.occurrences', { count: a.occurrences })}` : ''}</dd>
        {a.escalatedUnit && <><dt>{t('ioc.event.escalated')}</dt><dd>{t('ioc.escalated', { unit: a.escalatedUnit.name, level: a.escalationLevel })}</dd></>}
        {a.assignedUnit && <><dt>{t('ioc.action.assign')}</dt><dd>{a.assignedUnit.name}{a.assignedUser ? ` · ${a.assignedUser.name}` : ''}</dd></>}
        {a.dismissReason && <><dt>{t('ioc.reason')}</dt><dd>{a.dismissReason}</dd></>}
      </dl>
      {inLanguage(a.details, i18n.language) && <p>{inLanguage(a.details, i18n.language)}</p>}
      {a.hasImage && <img className="alert-image" src={`/api/alerts/${a.id}/image`} alt={t('ioc.image')} />}
      {a.checklist.length > 0 && (
        <fieldset className="checklist">
          <legend>{t('ioc.checklist')}</legend>
          {a.checklist.map((s) => (
            <label key={s.key}>
              <input type="checkbox" checked={s.done} disabled={act.isPending || ['closed', 'dismissed'].includes(a.state)}
                onChange={() => act.mutate({ action: s.done ? 'uncheck' : 'check', step: s.key })} />
              {inLanguage(s, i18n.language)}{s.by ? ` — ${s.by}, ${dateTime(s.at!)}` : ''}
            </label>
          ))}
        </fieldset>
      )}
      <label className="block">
        {t('ioc.note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('ioc.notePlaceholder')} rows={2} />
      </label>
      {act.error && <p className="error" role="alert">{act.error.message}</p>}
      <div className="row wrap actions" data-testid="alert-actions">
        {actions.map((action) => (
          <button key={action} type="button" className={action === 'acknowledge' || action === 'resolve' ? 'primary' : undefined} disabled={act.isPending}
            onClick={() => (action === 'assign' ? act.mutate({ action, unitId: me!.user.orgUnitId, ...(note ? { note } : {}) }) : run(action))}>
            {action === 'assign' ? t('ioc.assignToMine') : t(`ioc.action.${action}`)}
          </button>
        ))}
        <button type="button" disabled={act.isPending || !note.trim()} onClick={() => run('note')}>{t('ioc.action.note')}</button>
      </div>
      <h2>{t('ioc.timeline')}</h2>
      <ol className="timeline">
        {a.timeline.map((e) => (
          <li key={e.id}><small>{dateTime(e.at)}</small> <strong>{t(`ioc.event.${e.action}`, { defaultValue: e.action })}</strong> — {e.actor}{e.note ? `: ${e.note}` : ''}</li>
        ))}
      </ol>
    </section>
  );
}
