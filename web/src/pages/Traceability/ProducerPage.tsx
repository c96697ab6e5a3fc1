import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { producerQuery, traceKeys, verifyProducer, type Producer } from '../../api/traceability';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { dateTime } from '../../dates';
import { Certificates } from './Certificates';
import { StatusBadge, TraceNav } from './common';
import { Places, Products } from './ProducerCatalogue';
import { AccountForm, IntegrityCard } from './ProducerExtras';
import { ProducerForm } from './ProducerForm';

/** A verifier's decision: verify a pending or suspended producer, suspend a verified one, with a note. */
function VerifyPanel({ producer }: { producer: Producer }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const next = producer.status === 'verified' ? 'suspended' : 'verified';
  const act = useMutation({
    mutationFn: () => verifyProducer(producer.id, next, note.trim() || undefined),
    onSuccess: () => { setNote(''); void client.invalidateQueries({ queryKey: traceKeys.all }); },
  });
  return (
    <div className="card" data-testid="verify-panel">
      <h2>{t('trace.verify.title')}</h2>
      <label className="block">{t('trace.verify.note')}<input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} style={{ width: '100%' }} /></label>
      <button type="button" className={next === 'verified' ? 'primary' : undefined} disabled={act.isPending} onClick={() => act.mutate()}>{t(`trace.verify.${next}`)}</button>
      <ErrorText error={act.error} />
    </div>
  );
}

function Profile({ producer }: { producer: Producer }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    ['kind', t(`trace.kind.${producer.kind}`)], ['taxCode', producer.taxCode], ['gln', producer.gln], ['address', producer.address], ['unit', producer.unitName],
    ['phone', producer.phone], ['website', producer.website], ['description', producer.description || null],
  ];
  return (
    <dl className="card" data-testid="producer-profile">
      {rows.map(([k, v]) => <div key={k} className="row wrap"><dt className="muted">{t(`trace.producer.${k}`)}</dt><dd style={{ margin: 0 }}>{v ?? '—'}</dd></div>)}
      {producer.verifiedAt && <p className="small muted">{t('trace.producer.verifiedBy', { who: producer.verifiedBy ?? '—', at: dateTime(producer.verifiedAt) })}</p>}
    </dl>
  );
}

/** A producer's page: its profile, verification, accounts, places, products, certificates and the integrity of its chain. */
export function ProducerPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const producer = useQuery(producerQuery(id));
  const p = producer.data;
  return (
    <section>
      <div className="row wrap">
        <h1>{p?.name ?? t('trace.producer.title')}</h1>
        {p && <StatusBadge status={p.status} />}
        <span className="spacer" />
        {p && can('trace.capture') && !editing && <button type="button" onClick={() => setEditing(true)}>{t('trace.producer.edit')}</button>}
      </div>
      <TraceNav />
      <ErrorText error={producer.error} />
      {p && (editing ? <ProducerForm producer={p} onDone={() => setEditing(false)} /> : <Profile producer={p} />)}
      {p && can('trace.verify') && <VerifyPanel producer={p} />}
      {p && can('trace.register') && <AccountForm producerId={p.id} />}
      {p && <Places producerId={p.id} />}
      {p && <Products producerId={p.id} />}
      {p && <Certificates producerId={p.id} />}
      {p && <IntegrityCard producerId={p.id} />}
    </section>
  );
}
