import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { outboxQuery } from '../../api/notifications';
import { dateTime } from '../../dates';

/** The last messages sent or waiting, with their attempts and the last error: where a missing e-mail is looked for. */
export function Outbox() {
  const { t } = useTranslation();
  const outbox = useQuery(outboxQuery());
  return (
  <section className="card" aria-label={t('fbs.outbox')}>
    <h2>{t('fbs.outbox')}</h2>
    {outbox.data?.length === 0 ? <p className="muted">{t('fbs.outboxEmpty')}</p> : (
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('fbs.channel')}</th><th>{t('fbs.recipient')}</th><th>{t('fbs.events')}</th><th>{t('fb.state')}</th><th>{t('fbs.attempts')}</th><th>{t('fbs.error')}</th><th /></tr></thead>
          <tbody>
            {outbox.data?.map((d) => (
              <tr key={d.id}><td>{t(`fbs.channels.${d.channel}`, { defaultValue: d.channel })}</td><td>{d.recipient}</td><td>{d.event}</td><td className={d.state === 'failed' ? 'loss' : undefined}>{t(`fbs.deliveryStates.${d.state}`, { defaultValue: d.state })}</td><td>{d.attempts}</td><td className="small">{d.lastError ?? ''}</td><td className="small muted">{dateTime(d.createdAt)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
  );
}
