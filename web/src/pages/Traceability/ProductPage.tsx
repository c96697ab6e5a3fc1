import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createLot, lotsQuery, placesQuery, productQuery, productsQuery, traceKeys } from '../../api/traceability';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { dayMonthYear, vnToday } from '../../dates';
import { CATEGORIES, TraceNav, useCodeName } from './common';

/** A new lot of the product: its code, dates, quantity and the place it comes from. */
function LotForm({ productId, producerId, onDone }: { productId: number; producerId: number; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const places = useQuery(placesQuery(producerId));
  const [form, setForm] = useState({ lot: '', productionDate: vnToday(), expiryDate: '', quantity: '', uom: 'KGM', placeId: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = useMutation({
    mutationFn: () => createLot(productId, {
      lot: form.lot.trim(), productionDate: form.productionDate, expiryDate: form.expiryDate || null, quantity: form.quantity ? Number(form.quantity) : null,
      uom: form.quantity ? form.uom : null, placeId: form.placeId ? Number(form.placeId) : null,
    }),
    onSuccess: () => { void client.invalidateQueries({ queryKey: traceKeys.all }); onDone(); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <form className="card form-grid" onSubmit={submit} data-testid="lot-form">
      <label className="block">{t('trace.lots.lot')}<input required maxLength={20} value={form.lot} onChange={set('lot')} style={{ width: '100%' }} /></label>
      <label className="block">{t('trace.lots.productionDate')}<input type="date" required value={form.productionDate} onChange={set('productionDate')} /></label>
      <label className="block">{t('trace.lots.expiryDate')}<input type="date" min={form.productionDate} value={form.expiryDate} onChange={set('expiryDate')} /></label>
      <label className="block">{t('trace.lots.quantity')}<input type="number" min={0} step="any" value={form.quantity} onChange={set('quantity')} style={{ width: '100%' }} /></label>
      <label className="block">{t('trace.lots.uom')}
        <select value={form.uom} onChange={set('uom')} style={{ width: '100%' }}>{['KGM', 'TNE', 'LTR', 'H87'].map((u) => <option key={u} value={u}>{t(`trace.record.uom.${u}`)}</option>)}</select>
      </label>
      <label className="block">{t('trace.lots.place')}
        <select value={form.placeId} onChange={set('placeId')} style={{ width: '100%' }}><option value="">—</option>{places.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
      </label>
      <div className="wide row wrap"><button className="primary" disabled={save.isPending}>{t('trace.lots.create')}</button><button type="button" onClick={onDone}>{t('trace.cancel')}</button></div>
      <div className="wide"><ErrorText error={save.error} /></div>
    </form>
  );
}

/** A product with its lots; a new lot. */
export function ProductPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const can = useCan();
  const codeName = useCodeName();
  const [adding, setAdding] = useState(false);
  const product = useQuery(productQuery(id));
  const lots = useQuery(lotsQuery(id));
  const p = product.data;
  return (
    <section>
      <div className="row wrap">
        <h1>{p ? (i18n.language === 'en' && p.nameEn) || p.nameVi : t('trace.products.title')}</h1><span className="spacer" />
        {p && can('trace.capture') && !adding && <button type="button" className="primary" onClick={() => setAdding(true)}>{t('trace.lots.add')}</button>}
      </div>
      <TraceNav />
      <ErrorText error={product.error ?? lots.error} />
      {p && (
        <p className="card">
          <Link to={`/traceability/producers/${p.producerId}`}>{p.producerName}</Link> · {codeName(CATEGORIES, p.category)} · GTIN <span className="mono">{p.gtin}</span>
          {p.ocopStars !== null && <> · OCOP {'★'.repeat(p.ocopStars)}</>}
          {p.description && <><br /><span className="muted">{p.description}</span></>}
        </p>
      )}
      {p && adding && <LotForm productId={p.id} producerId={p.producerId} onDone={() => setAdding(false)} />}
      <h2>{t('trace.lots.title')}</h2>
      {lots.data && (lots.data.length === 0 ? <p className="muted">{t('trace.lots.none')}</p> : (
        <div className="table-wrap">
          <table data-testid="lot-table">
            <thead><tr><th>{t('trace.lots.lot')}</th><th>{t('trace.lots.productionDate')}</th><th>{t('trace.lots.expiryDate')}</th><th className="num">{t('trace.lots.quantity')}</th><th>{t('trace.lots.state')}</th></tr></thead>
            <tbody>
              {lots.data.map((l) => (
                <tr key={l.id}>
                  <td><Link to={`/traceability/lots/${l.id}`}>{l.lot}</Link></td>
                  <td>{dayMonthYear(l.productionDate)}</td><td>{l.expiryDate ? dayMonthYear(l.expiryDate) : '—'}</td>
                  <td className="num">{l.quantity ?? '—'} {l.uom ?? ''}</td>
                  <td>{l.recalledAt ? <span className="loss">{t('trace.lots.recalled')}</span> : t('trace.lots.active')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** Every product the user may see, by producer. */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const codeName = useCodeName();
  const products = useQuery(productsQuery());
  return (
    <section>
      <h1>{t('trace.products.title')}</h1>
      <TraceNav />
      <ErrorText error={products.error} />
      {products.data && (products.data.length === 0 ? <p className="muted">{t('trace.products.none')}</p> : (
        <div className="table-wrap">
          <table data-testid="product-table">
            <thead><tr><th>{t('trace.products.name')}</th><th>{t('trace.producer.title')}</th><th>{t('trace.products.category')}</th><th className="num">{t('trace.lots.title')}</th></tr></thead>
            <tbody>
              {products.data.map((p) => (
                <tr key={p.id}>
                  <td><Link to={`/traceability/products/${p.id}`}>{(i18n.language === 'en' && p.nameEn) || p.nameVi}</Link><div className="small mono">{p.gtin}</div></td>
                  <td><Link to={`/traceability/producers/${p.producerId}`}>{p.producerName}</Link></td>
                  <td>{codeName(CATEGORIES, p.category)}</td><td className="num">{p.lots}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
