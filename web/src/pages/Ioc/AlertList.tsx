import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { actOnAlert, alertKeys, type Alert } from '../../api/alerts';
import { dateTime } from '../../dates';

/** Severity, as a coloured badge every IOC screen shares. */
export function SeverityBadge({ severity }: { severity: Alert['severity'] }) {
  const { t } = useTranslation();
  return <span className={`badge severity-${severity}`}>{t(`ioc.severity.${severity}`)}</span>;
}

/** The text of an alert in the reader's language. */
export const inLanguage = (text: { vi: string; en: string }, language: string) => (language.startsWith('en') ? text.en : text.vi);

/** Alerts as a list a finger can use: each opens its page; an open one is acknowledged in one tap. */
export function AlertList({ alerts }: { alerts: Alert[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: (id: number) => actOnAlert(id, { action: 'acknowledge' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: alertKeys.all }),
  });
  if (!alerts.length) return <p className="muted">{t('ioc.noAlerts')}</p>;
  return (
    <ul className="alert-list" data-testid="alert-list">
      {alerts.map((a) => (
        <li key={a.id} className={`alert-item severity-${a.severity}`} data-alert-id={a.id}>
          <div className="alert-head">
            <SeverityBadge severity={a.severity} />
            <span className="badge">{t(`ioc.state.${a.state}`)}</span>
            <small>{dateTime(a.raisedAt)}</small>
          </div>
          <Link to={`/ioc/alerts/${a.id}`} className="alert-title">{inLanguage(a.title, i18n.language)}</Link>
          <div className="alert-meta">
            <span>{a.unit?.name ?? t('ioc.noUnit')}</span>
            <span>{inLanguage(a.typeName, i18n.language)}</span>
            {a.occurrences > 1 && <span>{t('ioc.occurrences', { count: a.occurrences })}</span>}
            {a.escalatedUnit && <span>{t('ioc.escalated', { unit: a.escalatedUnit.name, level: a.escalationLevel })}</span>}
          </div>
          {a.state === 'open' && (
            <button type="button" className="primary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(a.id)}>{t('ioc.action.acknowledge')}</button>
          )}
        </li>
      ))}
    </ul>
  );
}
