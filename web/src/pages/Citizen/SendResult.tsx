import { useTranslation } from 'react-i18next';
import type { Sent } from '../../api/feedback-public';
import { dayMonthYear } from '../../dates';

/** The report has arrived: its code to follow it by, who handles it and by when. */
export function SentCard({ sent, onTrack, reset }: { sent: Sent; onTrack(code: string): void; reset(): void }) {
  const { t } = useTranslation();
  return (
    <div className="card ok-card" role="status" data-testid="sent">
      <h2>{t('citizen.thanks')}</h2>
      <p>{t('citizen.code')}: <strong className="code">{sent.trackingCode}</strong></p>
      <p>{t('citizen.handledBy', { unit: sent.unit.name, date: dayMonthYear(sent.dueDate) })}</p>
      {sent.photos > 0 && <p className="muted small">{t('citizen.photosSent', { count: sent.photos })}</p>}
      <div className="row wrap">
        <button onClick={() => onTrack(sent.trackingCode)}>{t('citizen.look')}</button>
        <button onClick={reset}>{t('citizen.another')}</button>
      </div>
    </div>
  );
}

/** No connection: the report waits on the device and goes when the connection returns. */
export function QueuedCard({ reset }: { reset(): void }) {
  const { t } = useTranslation();
  return (
    <div className="card" role="status" data-testid="queued">
      <h2>{t('citizen.offlineTitle')}</h2>
      <p>{t('citizen.offlineText')}</p>
      <button onClick={reset}>{t('citizen.another')}</button>
    </div>
  );
}
