import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { DemoBanner, ErrorText, LanguageSwitch } from '../components/Chrome';

interface Category { code: string; nameVi: string; nameEn: string; deadlineWorkingDays: number; allowAnonymous: boolean }
interface Place { id: number; code: string; name: string }
interface Sent { trackingCode: string; dueDate: string; unit: { name: string } }
interface Report { trackingCode: string; state: string; categoryNameVi: string; categoryNameEn: string; unit: string | null; place: string | null; dueDate: string; answer: string | null; description: string }

/** The citizen's side: send a report (mobile first), get its tracking code, and follow it by that code. */
export function CitizenPage() {
  const { t, i18n } = useTranslation();
  const categories = useQuery({ queryKey: ['fb-categories'], queryFn: () => api<Category[]>('/api/public/feedback/categories') });
  const places = useQuery({ queryKey: ['fb-places'], queryFn: () => api<Place[]>('/api/public/feedback/places') });
  const [form, setForm] = useState({ category: '', placeUnitId: '', description: '', name: '', phone: '', anonymous: false, consent: false });
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Report | null>(null);
  const category = categories.data?.find((c) => c.code === form.category);
  const name = (c: Category) => (i18n.language === 'vi' ? c.nameVi : c.nameEn);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setSent(await api<Sent>('/api/public/feedback', {
        method: 'POST',
        body: {
          category: form.category, placeUnitId: Number(form.placeUnitId), description: form.description, consent: form.consent, anonymous: form.anonymous,
          ...(form.anonymous ? {} : { contact: { name: form.name, ...(form.phone ? { phone: form.phone } : {}) } }),
        },
      }));
    } catch (err) {
      setError(err);
    }
  }
  async function track(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setFound(await api<Report>(`/api/public/feedback/${encodeURIComponent(code.trim())}`));
    } catch (err) {
      setFound(null);
      setError(err);
    }
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  return (
    <div className="citizen">
      <DemoBanner />
      <header className="topbar"><strong className="brand">{t('citizen.title')}</strong><span className="spacer" /><LanguageSwitch /></header>
      <main>
        {sent ? (
          <div className="card ok-card" role="status" data-testid="sent">
            <h2>{t('citizen.thanks')}</h2>
            <p>{t('citizen.code')}: <strong className="code">{sent.trackingCode}</strong></p>
            <p>{t('citizen.handledBy', { unit: sent.unit.name, date: sent.dueDate })}</p>
            <button onClick={() => { setSent(null); setForm({ ...form, description: '' }); }}>{t('citizen.another')}</button>
          </div>
        ) : (
          <form className="card" onSubmit={submit} aria-label={t('citizen.send')}>
            <h2>{t('citizen.send')}</h2>
            <label>{t('citizen.category')}
              <select name="category" value={form.category} onChange={set('category')} required>
                <option value="" disabled>—</option>
                {categories.data?.map((c) => <option key={c.code} value={c.code}>{name(c)}</option>)}
              </select>
            </label>
            {category && <p className="muted small">{t('citizen.deadline', { days: category.deadlineWorkingDays })}</p>}
            <label>{t('citizen.place')}
              <select name="place" value={form.placeUnitId} onChange={set('placeUnitId')} required>
                <option value="" disabled>—</option>
                {places.data?.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <label>{t('citizen.description')}<textarea name="description" rows={4} value={form.description} onChange={set('description')} required minLength={10} maxLength={4000} /></label>
            {category?.allowAnonymous && (
              <label className="inline"><input type="checkbox" checked={form.anonymous} onChange={(e) => setForm({ ...form, anonymous: e.target.checked })} /> {t('citizen.anonymous')}</label>
            )}
            {!form.anonymous && (
              <>
                <label>{t('citizen.name')}<input name="name" value={form.name} onChange={set('name')} required /></label>
                <label>{t('citizen.phone')}<input name="phone" type="tel" value={form.phone} onChange={set('phone')} /></label>
              </>
            )}
            <label className="inline consent"><input type="checkbox" name="consent" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} required /> {t('citizen.consent')}</label>
            <button className="primary" type="submit">{t('citizen.submit')}</button>
          </form>
        )}
        <form className="card" onSubmit={track} aria-label={t('citizen.track')}>
          <h2>{t('citizen.track')}</h2>
          <div className="row"><input name="code" placeholder="FE-XXXX-XXXX" value={code} onChange={(e) => setCode(e.target.value)} required /><button type="submit">{t('citizen.look')}</button></div>
          {found && (
            <div data-testid="report">
              <p><strong>{i18n.language === 'vi' ? found.categoryNameVi : found.categoryNameEn}</strong> · {found.place}</p>
              <p>{t('citizen.state')}: <strong>{t(`citizen.states.${found.state}`)}</strong> · {t('citizen.unit')}: {found.unit} · {t('citizen.due')}: {found.dueDate}</p>
              {found.answer && <p className="ok">{t('citizen.answer')}: {found.answer}</p>}
            </div>
          )}
        </form>
        <ErrorText error={error} />
      </main>
    </div>
  );
}
