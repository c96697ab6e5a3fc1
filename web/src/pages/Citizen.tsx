import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { DemoBanner, ErrorText, LanguageSwitch } from '../components/Chrome';
import { PointsMap, type MapPoint } from '../components/PointsMap';
import type { MapFeatureCollection } from '../components/UnitMap';

interface Category { code: string; nameVi: string; nameEn: string; deadlineWorkingDays: number; allowAnonymous: boolean }
interface Place { id: number; code: string; name: string }
interface Sent { trackingCode: string; dueDate: string; unit: { name: string }; photos: number }
interface Photo { position: number; width: number; height: number; url: string }
interface Report {
  trackingCode: string; state: string; categoryNameVi: string; categoryNameEn: string; unit: string | null; place: string | null; dueDate: string;
  answer: string | null; answeredAt: string | null; description: string; photos: Photo[];
  timeline: { at: string; action: string; state: string | null; note: string | null }[];
}
interface Nearby { trackingCode: string; state: string; description: string; distanceMeters: number }
interface PublicItem { trackingCode: string; category: string; state: string; unit: string | null; place: string | null; receivedAt: string; dueDate: string; lat: number | null; lon: number | null; description: string; photos: number }
interface MapInfo { picksCommune: boolean; outlines: MapFeatureCollection }

const MY_REPORTS = 'tinhso.myReports';
const QUEUED = 'tinhso.queuedReports';
const MAX_PHOTOS = 5;
const STATE_COLOURS: Record<string, string> = { answered: '#38761d', closed: '#6aa84f' };
const colourOf = (state: string) => STATE_COLOURS[state] ?? '#e69138';

const readList = <T,>(key: string): T[] => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '[]') as T[];
  } catch {
    return [];
  }
};
const remember = (code: string) => localStorage.setItem(MY_REPORTS, JSON.stringify([code, ...readList<string>(MY_REPORTS).filter((c) => c !== code)].slice(0, 50)));

type Body = Record<string, unknown>;

/** Sends a report: JSON, or a multipart form with the photos. */
async function sendReport(body: Body, photos: File[]): Promise<Sent> {
  if (!photos.length) return api<Sent>('/api/public/feedback', { method: 'POST', body });
  const form = new FormData();
  form.append('report', JSON.stringify(body));
  for (const p of photos) form.append('photos', p, p.name);
  return api<Sent>('/api/public/feedback', { method: 'POST', body: form });
}

/**
 * Reports written without a connection wait on the device (text only: photos need the connection) and are sent
 * when it returns; each is sent once, and its code is remembered as the citizen's own.
 */
function useQueuedReports(onSent: (sent: Sent) => void) {
  const [queued, setQueued] = useState(() => readList<Body>(QUEUED).length);
  const flush = useCallback(async () => {
    const pending = readList<Body>(QUEUED);
    for (const body of pending) {
      try {
        const sent = await api<Sent>('/api/public/feedback', { method: 'POST', body });
        remember(sent.trackingCode);
        onSent(sent);
      } catch (err) {
        if (!(err instanceof ApiError)) return; // still offline: keep the rest for later
      }
      localStorage.setItem(QUEUED, JSON.stringify(readList<Body>(QUEUED).slice(1)));
      setQueued(readList<Body>(QUEUED).length);
    }
  }, [onSent]);
  useEffect(() => {
    window.addEventListener('online', flush);
    if (navigator.onLine) void flush();
    return () => window.removeEventListener('online', flush);
  }, [flush]);
  const queue = (body: Body) => {
    localStorage.setItem(QUEUED, JSON.stringify([...readList<Body>(QUEUED), body]));
    setQueued(readList<Body>(QUEUED).length);
  };
  return { queued, queue };
}

function SendForm({ categories, places, map, onTrack }: { categories: Category[]; places: Place[]; map: MapInfo | undefined; onTrack(code: string): void }) {
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
  const name = (c: Category) => (i18n.language === 'vi' ? c.nameVi : c.nameEn);
  const previews = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);

  const nearby = useQuery({
    queryKey: ['fb-nearby', form.category, pin?.lat, pin?.lon],
    enabled: Boolean(form.category && pin),
    queryFn: () => api<Nearby[]>(`/api/public/feedback/nearby?category=${form.category}&lat=${pin!.lat}&lon=${pin!.lon}`),
  });

  async function pick(point: { lat: number; lon: number }) {
    setPin(point);
    if (!map?.picksCommune) return;
    const { place } = await api<{ place: Place | null }>(`/api/public/feedback/place-at?lat=${point.lat}&lon=${point.lon}`);
    if (place) setForm((f) => ({ ...f, placeUnitId: String(place.id) }));
  }
  function locate() {
    navigator.geolocation?.getCurrentPosition((p) => void pick({ lat: Number(p.coords.latitude.toFixed(6)), lon: Number(p.coords.longitude.toFixed(6)) }), (e) => setError(new Error(e.message)));
  }
  function choosePhotos(files: FileList | null) {
    const chosen = [...photos, ...Array.from(files ?? [])];
    setPhotos(chosen.slice(0, MAX_PHOTOS));
    if (chosen.length > MAX_PHOTOS) setError(new Error(t('citizen.maxPhotos', { max: MAX_PHOTOS })));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const body: Body = {
      category: form.category, placeUnitId: Number(form.placeUnitId), description: form.description, consent: form.consent, anonymous: form.anonymous,
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

  if (sent) {
    return (
      <div className="card ok-card" role="status" data-testid="sent">
        <h2>{t('citizen.thanks')}</h2>
        <p>{t('citizen.code')}: <strong className="code">{sent.trackingCode}</strong></p>
        <p>{t('citizen.handledBy', { unit: sent.unit.name, date: sent.dueDate })}</p>
        {sent.photos > 0 && <p className="muted small">{t('citizen.photosSent', { count: sent.photos })}</p>}
        <div className="row wrap">
          <button onClick={() => onTrack(sent.trackingCode)}>{t('citizen.look')}</button>
          <button onClick={reset}>{t('citizen.another')}</button>
        </div>
      </div>
    );
  }
  if (offlineSaved) {
    return (
      <div className="card" role="status" data-testid="queued">
        <h2>{t('citizen.offlineTitle')}</h2>
        <p>{t('citizen.offlineText')}</p>
        <button onClick={reset}>{t('citizen.another')}</button>
      </div>
    );
  }
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
      {nearby.data && nearby.data.length > 0 && (
        <div className="card warn-card" data-testid="nearby">
          <strong>{t('citizen.similar')}</strong>
          <ul>
            {nearby.data.map((n) => (
              <li key={n.trackingCode}>
                <button type="button" className="link" onClick={() => onTrack(n.trackingCode)}>{n.trackingCode}</button> · {n.distanceMeters} m · {n.description}
              </li>
            ))}
          </ul>
          <p className="muted small">{t('citizen.similarHelp')}</p>
          <FollowForm codes={nearby.data.map((n) => n.trackingCode)} />
        </div>
      )}
      <label>{t('citizen.photos', { max: MAX_PHOTOS })}
        <input name="photos" type="file" accept="image/jpeg,image/png,image/webp,image/heic" multiple onChange={(e) => { choosePhotos(e.target.files); e.target.value = ''; }} disabled={photos.length >= MAX_PHOTOS} />
      </label>
      {photos.length > 0 && (
        <div className="thumbs" data-testid="photo-previews">
          {previews.map((url, i) => (
            <figure key={url}><img src={url} alt={photos[i]!.name} /><button type="button" aria-label={t('citizen.removePhoto')} onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>×</button></figure>
          ))}
        </div>
      )}
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

/** Follow an existing report instead of sending a duplicate: the answer comes by e-mail. */
function FollowForm({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(codes[0] ?? '');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (done) return <p className="ok" role="status">{t('citizen.following', { code })}</p>;
  return (
    <div className="row wrap" data-testid="follow">
      <select aria-label={t('citizen.code')} value={code} onChange={(e) => setCode(e.target.value)}>{codes.map((c) => <option key={c}>{c}</option>)}</select>
      <input type="email" placeholder={t('citizen.email')} value={email} onChange={(e) => setEmail(e.target.value)} aria-label={t('citizen.email')} />
      <label className="inline small"><input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('citizen.consentShort')}</label>
      <button type="button" disabled={!email || !consent} onClick={async () => {
        try {
          await api(`/api/public/feedback/${code}/follow`, { method: 'POST', body: { email, consent: true } });
          setDone(true);
        } catch (err) {
          setError(err);
        }
      }}>{t('citizen.follow')}</button>
      <ErrorText error={error} />
    </div>
  );
}

function RateForm({ code, onDone }: { code: string; onDone(): void }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [solved, setSolved] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api(`/api/public/feedback/${code}/rating`, { method: 'POST', body: { rating, solved, ...(comment.trim() ? { comment } : {}) } });
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form onSubmit={submit} aria-label={t('citizen.rate')} data-testid="rate">
      <h3>{t('citizen.rate')}</h3>
      <div className="stars" role="radiogroup" aria-label={t('citizen.stars')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" role="radio" aria-checked={rating === n} aria-label={`${n}/5`} className={n <= rating ? 'star on' : 'star'} onClick={() => setRating(n)}>★</button>
        ))}
      </div>
      <div className="row wrap">
        <label className="inline"><input type="radio" name="solved" checked={solved === true} onChange={() => setSolved(true)} /> {t('citizen.solved')}</label>
        <label className="inline"><input type="radio" name="solved" checked={solved === false} onChange={() => setSolved(false)} /> {t('citizen.notSolved')}</label>
      </div>
      <label>{t('citizen.comment')}<input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} /></label>
      <button className="primary" type="submit" disabled={!rating || solved === null}>{t('citizen.sendRating')}</button>
      <ErrorText error={error} />
    </form>
  );
}

function TrackPanel({ code, setCode }: { code: string; setCode(c: string): void }) {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState(code);
  const [rated, setRated] = useState(false);
  useEffect(() => setInput(code), [code]);
  const report = useQuery({ queryKey: ['fb-public', code], enabled: Boolean(code), retry: false, queryFn: () => api<Report>(`/api/public/feedback/${encodeURIComponent(code)}`) });
  const r = report.data;
  return (
    <section className="card" aria-label={t('citizen.track')}>
      <h2>{t('citizen.track')}</h2>
      <form className="row" onSubmit={(e) => { e.preventDefault(); setRated(false); setCode(input.trim().toUpperCase()); }}>
        <input name="code" placeholder="FE-XXXX-XXXX" value={input} onChange={(e) => setInput(e.target.value)} required />
        <button type="submit">{t('citizen.look')}</button>
      </form>
      {r && (
        <div data-testid="report">
          <p><strong>{i18n.language === 'vi' ? r.categoryNameVi : r.categoryNameEn}</strong> · {r.place}</p>
          <p>{t('citizen.state')}: <strong>{t(`citizen.states.${r.state}`)}</strong> · {t('citizen.unit')}: {r.unit} · {t('citizen.due')}: {r.dueDate}</p>
          <p className="muted">{r.description}</p>
          {r.photos.length > 0 && <div className="thumbs">{r.photos.map((p) => <a key={p.url} href={p.url} target="_blank" rel="noreferrer"><img src={p.url} alt={`${r.trackingCode} ${p.position}`} loading="lazy" /></a>)}</div>}
          {r.answer && <p className="ok" data-testid="answer">{t('citizen.answer')}: {r.answer}</p>}
          <ol className="timeline">
            {r.timeline.map((e, i) => (
              <li key={i}><small className="muted">{new Date(e.at).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')}</small> {t(`fb.events.${e.action}`, { defaultValue: e.action })}{e.note ? `: ${e.note}` : ''}</li>
            ))}
          </ol>
          {rated ? <p className="ok" role="status">{t('citizen.thanksRating')}</p> : (r.state === 'answered' && <RateForm code={r.trackingCode} onDone={() => { setRated(true); void report.refetch(); }} />)}
        </div>
      )}
      <ErrorText error={report.error} />
    </section>
  );
}

function PublicReports({ categories, map, onTrack, mine }: { categories: Category[]; map: MapInfo | undefined; onTrack(code: string): void; mine: boolean }) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const codes = mine ? readList<string>(MY_REPORTS) : [];
  const params = new URLSearchParams({ pageSize: '100', ...(category ? { category } : {}), ...(status ? { status } : {}), ...(mine ? { codes: codes.join(',') } : {}) });
  const list = useQuery({ queryKey: ['fb-public-list', params.toString()], enabled: !mine || codes.length > 0, queryFn: () => api<{ total: number; items: PublicItem[] }>(`/api/public/feedback?${params}`) });
  const name = (code: string) => {
    const c = categories.find((x) => x.code === code);
    return c ? (i18n.language === 'vi' ? c.nameVi : c.nameEn) : code;
  };
  const points: MapPoint[] = (list.data?.items ?? []).filter((i) => i.lat !== null && i.lon !== null)
    .map((i) => ({ id: i.trackingCode, lat: i.lat!, lon: i.lon!, color: colourOf(i.state), label: `${i.trackingCode} · ${name(i.category)} · ${t(`citizen.states.${i.state}`)}` }));
  if (mine && codes.length === 0) return <p className="muted card">{t('citizen.noneYet')}</p>;
  return (
    <section className="card" aria-label={mine ? t('citizen.mine') : t('citizen.publicMap')}>
      {!mine && (
        <div className="row wrap">
          <select aria-label={t('citizen.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('citizen.allCategories')}</option>
            {categories.map((c) => <option key={c.code} value={c.code}>{name(c.code)}</option>)}
          </select>
          <select aria-label={t('citizen.state')} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('citizen.allStates')}</option>
            {['open', 'answered', 'closed'].map((s) => <option key={s} value={s}>{t(`citizen.status.${s}`)}</option>)}
          </select>
          <span className="muted small">{t('citizen.total', { count: list.data?.total ?? 0 })}</span>
        </div>
      )}
      {map && <PointsMap outlines={map.outlines} points={points} onPoint={(id) => onTrack(String(id))} label={t('citizen.mapLabel')} testId={mine ? 'mine-map' : 'public-map'} />}
      <ul className="report-list" data-testid={mine ? 'mine-list' : 'public-list'}>
        {list.data?.items.map((i) => (
          <li key={i.trackingCode}>
            <button className="link" onClick={() => onTrack(i.trackingCode)}>{i.trackingCode}</button> <span className="badge" style={{ background: colourOf(i.state) }}>{t(`citizen.states.${i.state}`)}</span>
            <div className="small">{name(i.category)} · {i.place} · {new Date(i.receivedAt).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')}{i.photos ? ` · ${t('citizen.photoCount', { count: i.photos })}` : ''}</div>
            <div className="muted small">{i.description}</div>
          </li>
        ))}
      </ul>
      <ErrorText error={list.error} />
    </section>
  );
}

type Tab = 'send' | 'map' | 'mine' | 'track';

/** The citizen's side, mobile first: send a report with photos and a pin, follow it, rate the answer, see others'. */
export function CitizenPage() {
  const { t } = useTranslation();
  const initialCode = new URLSearchParams(window.location.search).get('ma')?.toUpperCase() ?? '';
  const [tab, setTab] = useState<Tab>(initialCode ? 'track' : 'send');
  const [code, setCode] = useState(initialCode);
  const categories = useQuery({ queryKey: ['fb-categories'], queryFn: () => api<Category[]>('/api/public/feedback/categories') });
  const places = useQuery({ queryKey: ['fb-places'], queryFn: () => api<Place[]>('/api/public/feedback/places') });
  const map = useQuery({ queryKey: ['fb-map'], queryFn: () => api<MapInfo>('/api/public/feedback/map') });
  const track = (c: string) => {
    setCode(c);
    setTab('track');
    window.history.replaceState(null, '', `/cong-dan?ma=${encodeURIComponent(c)}`);
  };
  const tabs: Tab[] = ['send', 'map', 'mine', 'track'];
  return (
    <div className="citizen">
      <DemoBanner />
      <header className="topbar"><strong className="brand">{t('citizen.title')}</strong><span className="spacer" /><LanguageSwitch /></header>
      <nav className="tabs" role="tablist">
        {tabs.map((x) => <button key={x} role="tab" aria-selected={tab === x} className={tab === x ? 'primary' : undefined} onClick={() => setTab(x)}>{t(`citizen.tabs.${x}`)}</button>)}
      </nav>
      <main>
        {tab === 'send' && <SendForm categories={categories.data ?? []} places={places.data ?? []} map={map.data} onTrack={track} />}
        {tab === 'map' && <PublicReports categories={categories.data ?? []} map={map.data} onTrack={track} mine={false} />}
        {tab === 'mine' && <PublicReports categories={categories.data ?? []} map={map.data} onTrack={track} mine />}
        {tab === 'track' && <TrackPanel code={code} setCode={track} />}
        <ErrorText error={categories.error ?? places.error} />
      </main>
    </div>
  );
}
