import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { markRead, noticesQuery, notificationKeys, type Notice } from '../api/notifications';
import { dateTime } from '../dates';

/** The bell in the top bar: unread in-app notifications (new cases, reminders, escalations), polled every minute. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery(noticesQuery());
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: () => void client.invalidateQueries({ queryKey: notificationKeys.mine() }),
  });
  const unread = list.data?.unread ?? 0;
  const subjectOf = (n: Notice) => (i18n.language === 'vi' ? n.subject : n.subjectEn);
  return (
    <>
      {/* The name is the button's own text, so what a screen reader says holds the count a sighted user sees. */}
      <button className="bell" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="bell">
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" /></svg>
        <span className="visually-hidden">{t('notify.title')}{unread > 0 && ', '}</span>
        {unread > 0 && <><span className="count">{unread}</span><span className="visually-hidden"> {t('notify.unread')}</span></>}
      </button>
      {open && (
        <div className="card notifications" role="dialog" aria-label={t('notify.title')}>
          <div className="row"><b>{t('notify.title')}</b><span className="spacer" />{unread > 0 && <button className="link" onClick={() => read.mutate(undefined)}>{t('notify.markRead')}</button>}</div>
          {list.data?.items.length ? (
            <ul className="report-list">
              {list.data.items.map((n) => (
                <li key={n.id} className={n.readAt ? undefined : 'unread'}>
                  <button className="link" onClick={() => {
                    read.mutate(n);
                    setOpen(false);
                    // A group opens the list its messages belong to, not the newest one's case.
                    if (n.payload.link) navigate(n.count > 1 ? n.payload.link.split('?')[0]! : n.payload.link);
                  }}>{n.count > 1 ? t('notify.group', { count: n.count, subject: subjectOf(n) }) : subjectOf(n)}</button>
                  <div className="muted small">{dateTime(n.createdAt)}</div>
                </li>
              ))}
            </ul>
          ) : <p className="muted">{t('notify.none')}</p>}
        </div>
      )}
    </>
  );
}
