import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { producersQuery, type ProducerStatus } from '../../api/traceability';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { STATUSES, StatusBadge, TraceNav, useIsProducer } from './common';
import { ProducerForm } from './ProducerForm';

/** The producers the user may see, searched and filtered by status; an officer registers new ones here. */
export function ProducersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const producer = useIsProducer();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ProducerStatus | ''>('');
  const [registering, setRegistering] = useState(false);
  const list = useQuery(producersQuery(q.trim(), status));
  // A producer's account has one producer, its own: its page is the producer's home.
  if (producer && list.data?.items.length === 1) return <Navigate to={`/traceability/producers/${list.data.items[0]!.id}`} replace />;
  return (
    <section>
      <div className="row wrap">
        <h1>{t('trace.producers.title')}</h1><span className="spacer" />
        {can('trace.register') && (
          <button type="button" className={registering ? undefined : 'primary'} aria-expanded={registering} onClick={() => setRegistering(!registering)}>{t('trace.producers.register')}</button>
        )}
      </div>
      <TraceNav />
      {registering && <ProducerForm onDone={(p) => { setRegistering(false); if (p) navigate(`/traceability/producers/${p.id}`); }} />}
      <div className="row wrap" role="group" aria-label={t('trace.producers.filters')}>
        <label>{t('trace.producers.search')} <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} data-testid="producer-search" /></label>
        <label>{t('trace.producers.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as ProducerStatus | '')} data-testid="producer-status-filter">
            <option value="">{t('trace.producers.allStatuses')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`trace.status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      <ErrorText error={list.error} />
      {list.data && (list.data.items.length === 0 ? <p className="muted">{t('trace.producers.none')}</p> : (
        <div className="table-wrap">
          <table data-testid="producer-table">
            <thead><tr><th>{t('trace.producer.name')}</th><th>{t('trace.producer.unit')}</th><th>{t('trace.producers.status')}</th><th className="num">{t('trace.producer.events')}</th></tr></thead>
            <tbody>
              {list.data.items.map((p) => (
                <tr key={p.id} data-producer-id={p.id}>
                  <td><Link to={`/traceability/producers/${p.id}`}>{p.name}</Link><div className="small muted">{t(`trace.kind.${p.kind}`)}</div></td>
                  <td>{p.unitName}</td>
                  <td><StatusBadge status={p.status} /></td>
                  <td className="num">{p.events}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {list.data && <p className="small muted">{t('trace.producers.total', { count: list.data.total })}</p>}
    </section>
  );
}
