import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { queueQuery } from '../../api/reporting';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear, vnDateOf } from '../../dates';

/** The reports waiting for the reader's unit to review, those sent late marked. */
export function ReportQueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useQuery(queueQuery());
  return (
    <section>
      <h1>{t('rep.queueTitle')}</h1>
      {queue.data?.length === 0 ? <p className="muted">{t('rep.queueEmpty')}</p> : (
        <div className="table-wrap">
          <table data-testid="queue">
            <thead><tr><th>{t('rep.unit')}</th><th>{t('rep.regime')}</th><th>{t('rep.period')}</th><th>{t('rep.submitted')}</th><th>{t('rep.due')}</th></tr></thead>
            <tbody>
              {queue.data?.map((w) => (
                <tr key={w.id}>
                  <td><Link to={`/reports/${w.id}`}>{w.unit}</Link></td><td>{i18n.language === 'vi' ? w.nameVi : w.nameEn}</td><td>{w.period}</td>
                  <td className={vnDateOf(w.submittedAt) > w.dueDate ? 'loss' : undefined}>{dayMonthYear(w.submittedAt)}</td><td>{dayMonthYear(w.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorText error={queue.error} />
    </section>
  );
}
