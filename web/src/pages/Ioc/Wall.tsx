import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { alertsQuery, SEVERITIES, type Alert } from '../../api/alerts';
import { api } from '../../api/client';
import { overviewQuery } from '../../api/ioc';
import { fieldsQuery } from '../../api/ioc-panels';
import { dateTime } from '../../dates';
import { onLiveEvent, useLiveUpdates } from '../../live';
import { StatusBadge } from '../Scorecard/StatusBadge';
import { inLanguage, SeverityBadge } from './AlertList';
import { FieldPanels } from './panels/FieldPanels';

const params = new URLSearchParams(window.location.search);
const TOKEN = params.get('token') ?? undefined;
/** Seconds each page of the wall stays before the next (?rotate=N; 0 stops rotation). */
const ROTATE_S = Math.max(0, Number(params.get('rotate') ?? 30)) || 0;
const POPUP_MS = 12_000;

function Clock() {
  const [now, setNow] = useState(new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="wall-clock">{dateTime(now)}</span>;
}

/**
 * The big screen: dark, legible from across the room, no scrollbars; it rotates between the alerts and the
 * indicators, pops up each new alert as it arrives, and reconnects by itself. It signs in with a display token
 * (scope "wall") in its address: no personal login on a shared screen, and no personal data shown.
 */
export function WallPage() {
  const { t, i18n } = useTranslation();
  const connected = useLiveUpdates(TOKEN);
  const overview = useQuery({ ...overviewQuery(null, null, TOKEN), enabled: !!TOKEN });
  const alerts = useQuery({ ...alertsQuery('state=active&limit=12', TOKEN), enabled: !!TOKEN });
  const fields = useQuery({ ...fieldsQuery(TOKEN), enabled: !!TOKEN });
  const [page, setPage] = useState(0);
  const [popups, setPopups] = useState<Alert[]>([]);
  useEffect(() => {
    document.documentElement.classList.add('wall-mode');
    return () => document.documentElement.classList.remove('wall-mode');
  }, []);
  useEffect(() => {
    if (!ROTATE_S) return;
    const timer = setInterval(() => setPage((p) => p + 1), ROTATE_S * 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => onLiveEvent((event) => {
    if (event.topic !== 'alert' || event.data.action !== 'raised' || typeof event.data.alertId !== 'number') return;
    void api<Alert>(`/api/alerts/${event.data.alertId}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((alert) => {
      setPopups((list) => [alert, ...list].slice(0, 3));
      setTimeout(() => setPopups((list) => list.filter((a) => a.id !== alert.id)), POPUP_MS);
    }, () => undefined);
  }), []);
  if (!TOKEN) return <main className="wall"><h1>{t('ioc.wallTitle')}</h1><p>{t('ioc.wallNoToken')}</p></main>;
  const data = overview.data;
  // The alerts, the indicators, then each field that has panels, in turn.
  const fieldPages = (fields.data ?? []).filter((f) => f.panels.length > 0);
  const shown = page % (2 + fieldPages.length);
  const field = fieldPages[shown - 2];
  return (
    <main className="wall" data-testid="wall">
      <header className="wall-top">
        <h1>{t('ioc.wallTitle')}{data ? ` — ${data.unit.name}` : ''}</h1>
        <span className={connected ? 'wall-live on' : 'wall-live'}>{connected ? t('ioc.live') : t('ioc.offline')}</span>
        <Clock />
      </header>
      <div className="wall-severities">
        {SEVERITIES.map((s) => (
          <div key={s} className={`tile severity-${s}`}><span className="tile-number">{alerts.data?.counts[s] ?? '–'}</span><span>{t(`ioc.severity.${s}`)}</span></div>
        ))}
      </div>
      {field ? <FieldPanels field={field} unit={null} token={TOKEN} /> : shown === 0 ? (
        <ul className="wall-alerts" data-testid="wall-alerts">
          {(alerts.data?.alerts ?? []).map((a) => (
            <li key={a.id} className={`severity-${a.severity}`} data-alert-id={a.id}>
              <SeverityBadge severity={a.severity} /> <strong>{inLanguage(a.title, i18n.language)}</strong>
              <span className="wall-meta">{a.unit?.name ?? t('ioc.noUnit')} · {dateTime(a.raisedAt)} · {t(`ioc.state.${a.state}`)}</span>
            </li>
          ))}
          {alerts.data && !alerts.data.alerts.length && <li>{t('ioc.noAlerts')}</li>}
        </ul>
      ) : (
        <ul className="wall-indicators">
          {(data?.pillars ?? []).flatMap((p) => p.indicators).slice(0, 12).map((i) => (
            <li key={i.code}>
              <span>{inLanguage({ vi: i.nameVi, en: i.nameEn }, i18n.language)}</span>
              <strong>{i.latest ? i.latest.value.toLocaleString(i18n.language) : '—'}</strong>
              <StatusBadge status={i.status} />
            </li>
          ))}
        </ul>
      )}
      <div className="wall-popups" aria-live="assertive">
        {popups.map((a) => (
          <div key={a.id} className={`wall-popup severity-${a.severity}`} role="alert" data-testid="wall-popup">
            <small>{t('ioc.newAlert')} · {t(`ioc.severity.${a.severity}`)}</small>
            <strong>{inLanguage(a.title, i18n.language)}</strong>
            <span>{a.unit?.name ?? t('ioc.noUnit')}</span>
          </div>
        ))}
      </div>
    </main>
  );
}
