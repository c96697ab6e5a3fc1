import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { issueSerials, labelsPdfUrl, labelUrl, lotQuery, placesQuery, productQuery, recallLot, traceKeys, type Lot } from '../../api/traceability';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { dateTime, dayMonthYear } from '../../dates';
import { TraceNav } from './common';
import { Journey } from './Journey';

/** Withdrawing a lot from sale: the consumer page says so at once. A dialog asks for the reason first. */
function RecallButton({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const recall = useMutation({
    mutationFn: () => recallLot(lot.id, reason.trim()),
    onSuccess: () => { setOpen(false); void client.invalidateQueries({ queryKey: traceKeys.all }); },
  });
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="recall-open">{t('trace.recall.open')}</button>
      {open && (
        <div role="dialog" aria-modal="true" aria-labelledby="recall-title" className="card warn-card" data-testid="recall-dialog">
          <h2 id="recall-title">{t('trace.recall.title', { lot: lot.lot })}</h2>
          <p>{t('trace.recall.warning')}</p>
          <label className="block">{t('trace.recall.reason')}
            <textarea required rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: '100%' }} />
          </label>
          <div className="row wrap">
            <button type="button" className="primary" disabled={!reason.trim() || recall.isPending} onClick={() => recall.mutate()}>{t('trace.recall.confirm')}</button>
            <button type="button" onClick={() => setOpen(false)}>{t('trace.cancel')}</button>
          </div>
          <ErrorText error={recall.error} />
        </div>
      )}
    </>
  );
}

function SerialsForm({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [count, setCount] = useState('100');
  const issue = useMutation({
    mutationFn: () => issueSerials(lot.id, Number(count)),
    onSuccess: () => void client.invalidateQueries({ queryKey: traceKeys.lot(lot.id) }),
  });
  return (
    <div className="row wrap">
      <label>{t('trace.serials.count')} <input type="number" min={1} max={10000} step={1} value={count} onChange={(e) => setCount(e.target.value)} style={{ width: '6rem' }} /></label>
      <button type="button" disabled={issue.isPending || !(Number(count) >= 1)} onClick={() => issue.mutate()}>{t('trace.serials.issue')}</button>
      {issue.data && <span className="ok" role="status">{t('trace.serials.issued', { count: issue.data.serials.length })}</span>}
      <ErrorText error={issue.error} />
    </div>
  );
}

/** A lot: its dates, serials, labels to print, recall, and its journey of events. */
export function LotPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const can = useCan();
  const lot = useQuery(lotQuery(id));
  const l = lot.data;
  const product = useQuery({ ...productQuery(l?.productId ?? 0), enabled: Boolean(l) });
  const places = useQuery({ ...placesQuery(product.data?.producerId ?? 0), enabled: Boolean(product.data) });
  const placeNames = new Map((places.data ?? []).map((p) => [p.location, p.name]));
  return (
    <section>
      <h1>{l ? t('trace.lots.heading', { lot: l.lot }) : t('trace.lots.title')}</h1>
      <TraceNav />
      <ErrorText error={lot.error} />
      {l && (
        <div className="card" data-testid="lot-detail">
          {product.data && <p><Link to={`/traceability/products/${l.productId}`}>{product.data.nameVi}</Link> · GTIN <span className="mono">{l.gtin}</span></p>}
          <p>{t('trace.lots.productionDate')}: {dayMonthYear(l.productionDate)} · {t('trace.lots.expiryDate')}: {l.expiryDate ? dayMonthYear(l.expiryDate) : '—'}
            {l.quantity !== null && <> · {t('trace.lots.quantity')}: {l.quantity} {l.uom}</>}</p>
          <p className="small"><a href={l.uri} className="mono" style={{ wordBreak: 'break-all' }}>{l.uri}</a></p>
          {l.recalledAt ? (
            <p className="error" data-testid="lot-recalled">{t('trace.recall.done', { at: dateTime(l.recalledAt), reason: l.recallReason ?? '' })}</p>
          ) : can('trace.capture') && <RecallButton lot={l} />}
        </div>
      )}
      {l && (
        <div className="card" data-testid="labels">
          <h2>{t('trace.labels.title')}</h2>
          <p>{t('trace.serials.total', { count: l.serials })}</p>
          {can('trace.capture') && !l.recalledAt && <SerialsForm lot={l} />}
          <p className="row wrap">
            <a href={labelUrl(l.id, 'png')} download>{t('trace.labels.png')}</a>
            <a href={labelUrl(l.id, 'svg')} download>{t('trace.labels.svg')}</a>
            <a href={labelsPdfUrl(l.id)} download>{t('trace.labels.pdf')}</a>
          </p>
        </div>
      )}
      {l && <Journey gtin={l.gtin} lot={l.lot} placeNames={placeNames} />}
    </section>
  );
}
