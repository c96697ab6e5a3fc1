import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { placeAt, sendReport, type FeedbackCategory, type MapInfo, type Place, type Sent } from '../../api/feedback-public';
import { ErrorText } from '../../components/Chrome';
import { PointsMap } from '../../components/PointsMap';
import { NearbyReports } from './NearbyReports';
import { PhotoPicker } from './PhotoPicker';
import { QueuedCard, SentCard } from './SendResult';
import { remember } from './storage';
import { newClientRef, useQueuedReports, type QueuedReport } from './useQueuedReports';

/** A report with its place (a pin on the map, or the commune), photos and contact; kept on the device when offline. */
export function SendForm({ categories, places, map, onTrack }: { categories: FeedbackCategory[]; places: Place[]; map: MapInfo | undefined; onTrack(code: string): void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ category: '', placeUnitId: '', description: '', name: '', phone: '', email: '', anonymous: false, consent: false });
  const [pin, setPin] = useState<{ lat: number; lon: number } | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [offlineSaved, setOfflineSaved] = useState(false);
  const { queued, queue } = useQueuedReports(useCallback((s: Sent) => setSent(s), []));
  const category = categories.find((c) => c.code === form.category);
  const name = (c: FeedbackCategory) => (i18n.language === 'vi' ? c.nameVi : c.nameEn);

  async function pick(point: { lat: number; lon: number }) {
    setPin(point);
    if (!map?.picksCommune) return;
    const { place } = await placeAt(point.lat, point.lon);
    if (place) setForm((f) => ({ ...f, placeUnitId: String(place.id) }));
  }
  function locate() {
    navigator.geolocation?.getCurrentPosition((p) => void pick({ lat: Number(p.coords.latitude.toFixed(6)), lon: Number(p.coords.longitude.toFixed(6)) }), (e) => setError(new Error(e.message)));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    // The report's id is made now, once: a retry from the offline queue sends the same id, and the server makes one case.
    const body: QueuedReport = {
      clientRef: newClientRef(), category: form.category, placeUnitId: Number(form.placeUnitId), description: form.description, consent: form.consent, anonymous: form.anonymous,
      ...(pin ? { lat: pin.lat, lon: pin.lon } : {}),
      ...(form.anonymous ? {} : { contact: { name: form.name, ...(form.phone ? { phone: form.phone } : {}), ...(form.email ? { email: form.email } : {}) } }),
    };
    setBusy(true);
    try {
      const result = await sendReport(body, photos);
      remember(result.trackingCode);
      setSent(result);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else {
        queue(body);
        setOfflineSaved(true);
      }
    } finally {
      setBusy(false);
    }
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const reset = () => {
    setSent(null);
    setOfflineSaved(false);
    setPhotos([]);
    setPin(null);
    setForm({ ...form, description: '' });
  };

  if (sent) return <SentCard sent={sent} onTrack={onTrack} reset={reset} />;
  if (offlineSaved) return <QueuedCard reset={reset} />;
  return (
    <form className="card" onSubmit={submit} aria-label={t('citizen.send')}>
      <h2>{t('citizen.send')}</h2>
      {queued > 0 && <p className="muted small" data-testid="queued-count">{t('citizen.queued', { count: queued })}</p>}
      <label>{t('citizen.category')}
        <select name="category" value={form.category} onChange={set('category')} required>
          <option value="" disabled>—</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{name(c)}</option>)}
        </select>
      </label>
      {category && <p className="muted small">{t('citizen.deadline', { days: category.deadlineWorkingDays })}</p>}
      <label>{t('citizen.description')}<textarea name="description" rows={4} value={form.description} onChange={set('description')} required minLength={10} maxLength={4000} /></label>
      <fieldset>
        <legend>{t('citizen.where')}</legend>
        <p className="muted small">{map?.picksCommune ? t('citizen.pinPicks') : t('citizen.pinHelp')}</p>
        {map && <PointsMap outlines={map.outlines} pin={pin} onPick={(p) => void pick(p)} label={t('citizen.mapLabel')} testId="pin-map" height={260} />}
        <div className="row wrap">
          <button type="button" onClick={locate}>{t('citizen.myLocation')}</button>
          {pin && <span className="small" data-testid="pin">{pin.lat.toFixed(5)}, {pin.lon.toFixed(5)}</span>}
          {pin && <button type="button" className="link" onClick={() => setPin(null)}>{t('citizen.clearPin')}</button>}
        </div>
        <label>{t('citizen.place')}
          <select name="place" value={form.placeUnitId} onChange={set('placeUnitId')} required>
            <option value="" disabled>—</option>
            {places.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
      </fieldset>
      <NearbyReports category={form.category} pin={pin} onTrack={onTrack} />
      <PhotoPicker photos={photos} setPhotos={setPhotos} onError={setError} />
      {category?.allowAnonymous && (
        <label className="inline"><input type="checkbox" checked={form.anonymous} onChange={(e) => setForm({ ...form, anonymous: e.target.checked })} /> {t('citizen.anonymous')}</label>
      )}
      {!form.anonymous && (
        <>
          <label>{t('citizen.name')}<input name="name" value={form.name} onChange={set('name')} required autoComplete="name" /></label>
          <label>{t('citizen.phone')}<input name="phone" type="tel" value={form.phone} onChange={set('phone')} autoComplete="tel" /></label>
          <label>{t('citizen.email')}<input name="email" type="email" value={form.email} onChange={set('email')} autoComplete="email" /></label>
        </>
      )}
      <label className="inline consent"><input type="checkbox" name="consent" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} required /> {t('citizen.consent')}</label>
      <button className="primary" type="submit" disabled={busy}>{busy ? t('app.loading') : t('citizen.submit')}</button>
      <ErrorText error={error} />
    </form>
  );
}
