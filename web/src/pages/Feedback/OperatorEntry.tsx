import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordOperatorReport } from '../../api/feedback';
import { placesQuery } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import type { CaseCategory } from '../FeedbackCase';

/** A report taken by phone or at the desk, entered by the officer for the caller (the channel is recorded). */
export function OperatorEntry({ categories, onDone }: { categories: CaseCategory[]; onDone(code: string): void }) {
  const { t, i18n } = useTranslation();
  const places = useQuery(placesQuery());
  const [form, setForm] = useState({ category: '', placeUnitId: '', description: '', name: '', phone: '', channel: 'hotline' });
  const save = useMutation({
    mutationFn: () => recordOperatorReport({
      category: form.category, placeUnitId: Number(form.placeUnitId), description: form.description, channel: form.channel, consent: true, contact: { name: form.name, ...(form.phone ? { phone: form.phone } : {}) },
    }),
    onSuccess: (r) => {
      setForm({ ...form, description: '', name: '', phone: '' });
      onDone(r.trackingCode);
    },
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form className="card" aria-label={t('fb.operator')} onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <h3>{t('fb.operator')}</h3>
      <div className="row wrap">
        <select aria-label={t('fb.channel')} value={form.channel} onChange={set('channel')}>{['hotline', 'walk_in', 'email'].map((c) => <option key={c} value={c}>{t(`fb.channels.${c}`)}</option>)}</select>
        <select aria-label={t('fb.category')} value={form.category} onChange={set('category')} required>
          <option value="" disabled>{t('fb.category')}…</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{i18n.language === 'vi' ? c.nameVi : c.nameEn}</option>)}
        </select>
        <select aria-label={t('citizen.place')} value={form.placeUnitId} onChange={set('placeUnitId')} required>
          <option value="" disabled>{t('citizen.place')}…</option>
          {places.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <textarea aria-label={t('citizen.description')} placeholder={t('citizen.description')} rows={2} value={form.description} onChange={set('description')} required minLength={10} />
      <div className="row wrap">
        <input aria-label={t('fb.callerName')} placeholder={t('fb.callerName')} value={form.name} onChange={set('name')} required />
        <input aria-label={t('citizen.phone')} placeholder={t('citizen.phone')} type="tel" value={form.phone} onChange={set('phone')} />
        <button className="primary" type="submit" disabled={save.isPending}>{t('fb.record')}</button>
      </div>
      {save.data && <p className="ok" role="status">{t('fb.recorded', { code: save.data.trackingCode })}</p>}
      <ErrorText error={save.error} />
    </form>
  );
}
