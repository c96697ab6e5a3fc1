import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { connectorRunsQuery } from '../../api/connectors';
import { dateTime } from '../../dates';
import { BadRows } from './BadRows';

/** A connector's last runs: when, how, what was written and refused, and why a pull failed. */
export function RunHistory({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const runs = useQuery(connectorRunsQuery(id));
  if (runs.data?.length === 0) return <p className="muted">{t('connectors.noRuns')}</p>;
  return (
    <section aria-label={t('connectors.history')}>
      <h2>{t('connectors.history')}</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('connectors.startedAt')}</th><th>{t('connectors.trigger')}</th><th>{t('connectors.outcome')}</th><th>{t('connectors.counts')}</th><th>{t('connectors.error')}</th></tr></thead>
          <tbody>
            {runs.data?.map((r) => (
              <tr key={r.id}>
                <td>{dateTime(r.startedAt)}</td><td>{t(`connectors.triggers.${r.trigger}`)}</td><td>{t(`connectors.outcomes.${r.outcome}`)}</td>
                <td>{t('connectors.runCounts', { read: r.rowsRead, imported: r.imported, updated: r.updated, refused: r.refused })}</td>
                <td>{r.error ? (i18n.language === 'vi' ? r.error.vi : r.error.en) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {runs.data?.[0] && <BadRows rows={runs.data[0].badRows} />}
    </section>
  );
}
