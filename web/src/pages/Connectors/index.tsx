import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { connectorKeys, connectorsQuery, deleteConnector, runConnector, type Connector } from '../../api/connectors';
import { ErrorText } from '../../components/Chrome';
import { dateTime } from '../../dates';
import { ConnectorForm } from './ConnectorForm';
import { RunHistory } from './RunHistory';

/** The connectors to other systems: their list, a run now, their history, and the form to set one up. */
export function ConnectorsPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery(connectorsQuery());
  const [editing, setEditing] = useState<Connector | 'new' | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: connectorKeys.all });
  const run = useMutation({ mutationFn: runConnector, onSuccess: (r) => { setShown(r.connectorId); refresh(); } });
  const remove = useMutation({ mutationFn: deleteConnector, onSuccess: refresh });
  const name = (c: Connector) => (i18n.language === 'vi' ? c.nameVi : c.nameEn);
  return (
    <section>
      <h1>{t('connectors.title')}</h1>
      <p className="muted">{t('connectors.intro')}</p>
      {editing ? <ConnectorForm key={editing === 'new' ? 'new' : editing.id} editing={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        : <button className="primary" onClick={() => setEditing('new')}>{t('connectors.new')}</button>}
      <ErrorText error={run.error ?? remove.error} />
      {list.data?.length === 0 ? <p className="muted">{t('connectors.empty')}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>{t('connectors.name')}</th><th>{t('connectors.schedule')}</th><th>{t('connectors.lastRun')}</th><th /></tr></thead>
            <tbody>
              {list.data?.map((c) => (
                <tr key={c.id}>
                  <td>{name(c)} <small className="muted">{c.format.toUpperCase()} · {c.url}</small></td>
                  <td>{t('connectors.every', { minutes: c.intervalMinutes })}{c.active ? '' : ` · ${t('connectors.inactive')}`}</td>
                  <td>{c.lastRunAt ? `${dateTime(c.lastRunAt)} · ${t(`connectors.outcomes.${c.lastOutcome ?? 'ok'}`)}` : t('connectors.never')}</td>
                  <td className="row wrap">
                    <button onClick={() => run.mutate(c.id)} disabled={run.isPending}>{t('connectors.runNow')}</button>
                    <button onClick={() => setShown(shown === c.id ? null : c.id)}>{t('connectors.history')}</button>
                    <button onClick={() => setEditing(c)}>{t('connectors.edit')}</button>
                    <button onClick={() => { if (window.confirm(t('connectors.confirmDelete'))) remove.mutate(c.id); }}>{t('connectors.delete')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown !== null && <RunHistory id={shown} />}
    </section>
  );
}
