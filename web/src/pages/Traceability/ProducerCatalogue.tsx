import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createPlace, createProduct, placesQuery, producerQuery, productsQuery, traceKeys } from '../../api/traceability';
import { useCan } from '../../auth';
import { ErrorText } from '../../components/Chrome';
import { CATEGORIES, useCodeName } from './common';
import { ImportForm } from './ImportForm';
import { UnitSelect } from './ProducerForm';

/** The producer's plots and facilities: where its events happen. */
export function Places({ producerId }: { producerId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const places = useQuery(placesQuery(producerId));
  const producer = useQuery(producerQuery(producerId)).data;
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ kind: 'area', code: '', name: '', unitId: '', areaHa: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = useMutation({
    mutationFn: () => createPlace(producerId, {
      kind: form.kind as 'area' | 'facility', code: form.code.trim(), name: form.name.trim(), unitId: Number(form.unitId), areaHa: form.areaHa ? Number(form.areaHa) : null,
    }),
    onSuccess: () => { setOpen(false); setForm({ kind: 'area', code: '', name: '', unitId: '', areaHa: '' }); void client.invalidateQueries({ queryKey: traceKeys.places(producerId) }); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <div className="card" data-testid="places">
      <div className="row wrap"><h2>{t('trace.places.title')}</h2><span className="spacer" />
        {can('trace.capture') && <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('trace.places.add')}</button>}
      </div>
      {open && (
        <form onSubmit={submit} className="form-grid">
          <label className="block">{t('trace.places.kind')}
            <select value={form.kind} onChange={set('kind')} style={{ width: '100%' }}><option value="area">{t('trace.places.area')}</option><option value="facility">{t('trace.places.facility')}</option></select>
          </label>
          <label className="block">{t('trace.places.code')}<input required maxLength={40} pattern="[A-Za-z0-9._\-]+" value={form.code} onChange={set('code')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.places.name')}<input required maxLength={200} value={form.name} onChange={set('name')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.producer.unit')}<UnitSelect value={form.unitId} onChange={(v) => setForm({ ...form, unitId: v })}
            current={producer && { id: producer.unitId, name: producer.unitName }} /></label>
          <label className="block">{t('trace.places.areaHa')}<input type="number" min={0} step="any" value={form.areaHa} onChange={set('areaHa')} style={{ width: '100%' }} /></label>
          <div className="wide"><button className="primary" disabled={save.isPending}>{t('trace.save')}</button></div>
        </form>
      )}
      <ErrorText error={places.error ?? save.error} />
      {places.data && (places.data.length === 0 ? <p className="muted">{t('trace.places.none')}</p> : (
        <ul>{places.data.map((p) => <li key={p.id}>{p.name} <span className="small muted">· {t(`trace.places.${p.kind}`)} · {p.unitName}{p.areaHa !== null ? ` · ${p.areaHa} ha` : ''}</span></li>)}</ul>
      ))}
    </div>
  );
}

/** The producer's products, a new one, and the import of products and lots from a file. */
export function Products({ producerId }: { producerId: number }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const codeName = useCodeName();
  const client = useQueryClient();
  const products = useQuery(productsQuery());
  const mine = (products.data ?? []).filter((p) => p.producerId === producerId);
  const [open, setOpen] = useState<'' | 'new' | 'import'>('');
  const [form, setForm] = useState({ gtin: '', nameVi: '', nameEn: '', category: 'rice', description: '' });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const save = useMutation({
    mutationFn: () => createProduct(producerId, { gtin: form.gtin.trim(), nameVi: form.nameVi.trim(), nameEn: form.nameEn.trim() || null, category: form.category, description: form.description.trim() }),
    onSuccess: () => { setOpen(''); setForm({ gtin: '', nameVi: '', nameEn: '', category: 'rice', description: '' }); void client.invalidateQueries({ queryKey: traceKeys.all }); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(); };
  return (
    <div className="card" data-testid="products">
      <div className="row wrap"><h2>{t('trace.products.title')}</h2><span className="spacer" />
        {can('trace.capture') && <>
          <button type="button" aria-expanded={open === 'new'} onClick={() => setOpen(open === 'new' ? '' : 'new')}>{t('trace.products.add')}</button>
          <button type="button" aria-expanded={open === 'import'} onClick={() => setOpen(open === 'import' ? '' : 'import')}>{t('trace.import.open')}</button>
        </>}
      </div>
      {open === 'new' && (
        <form onSubmit={submit} className="form-grid">
          <label className="block">{t('trace.products.gtin')}<input required inputMode="numeric" pattern="\d{8}|\d{12,14}" value={form.gtin} onChange={set('gtin')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.products.nameVi')}<input required maxLength={200} value={form.nameVi} onChange={set('nameVi')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.products.nameEn')}<input maxLength={200} value={form.nameEn} onChange={set('nameEn')} style={{ width: '100%' }} /></label>
          <label className="block">{t('trace.products.category')}
            <select value={form.category} onChange={set('category')} style={{ width: '100%' }}>{CATEGORIES.map((c) => <option key={c.code} value={c.code}>{codeName(CATEGORIES, c.code)}</option>)}</select>
          </label>
          <label className="block wide">{t('trace.products.description')}<textarea rows={2} maxLength={4000} value={form.description} onChange={set('description')} style={{ width: '100%' }} /></label>
          <div className="wide"><button className="primary" disabled={save.isPending}>{t('trace.save')}</button></div>
        </form>
      )}
      {open === 'import' && <ImportForm producerId={producerId} />}
      <ErrorText error={products.error ?? save.error} />
      {products.data && (mine.length === 0 ? <p className="muted">{t('trace.products.none')}</p> : (
        <ul>{mine.map((p) => (
          <li key={p.id}><Link to={`/traceability/products/${p.id}`}>{(i18n.language === 'en' && p.nameEn) || p.nameVi}</Link>{' '}
            <span className="small muted">· {codeName(CATEGORIES, p.category)} · GTIN <span className="mono">{p.gtin}</span> · {t('trace.products.lots', { count: p.lots })}</span>
          </li>
        ))}</ul>
      ))}
    </div>
  );
}
