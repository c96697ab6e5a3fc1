import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { bulletinPdf, publicBulletinQuery, publicBulletinsQuery, publicSalinityQuery, unsubscribeByToken } from '../../../api/agronomy';
import { DemoBanner, ErrorText, LanguageSwitch } from '../../../components/Chrome';
import { dayMonthYear } from '../../../dates';
import { StationsPanel } from '../../Agronomy/StationsPanel';

const HOME = '/cong-dan/nong-nghiep';

/** The farmers' side of agronomy, in the citizen app: published sowing bulletins, the salinity stations, unsubscribing. */
export function CitizenAgronomyPage({ view }: { view: 'home' | 'bulletin' | 'unsubscribe' }) {
  const { t } = useTranslation();
  return (
    <div className="citizen">
      <DemoBanner />
      <header className="topbar"><h1 className="brand">{t('agro.public.title')}</h1><span className="spacer" /><LanguageSwitch /></header>
      <nav className="tabs">
        <Link className="button" to="/cong-dan">{t('agro.public.toCitizen')}</Link>
        {view !== 'home' && <Link className="button" to={HOME}>{t('agro.public.home')}</Link>}
        {view === 'home' && <Link className="button" to="/cong-dan/dac-san">{t('spec.title')}</Link>}
      </nav>
      <main>
        {view === 'home' && <Home />}
        {view === 'bulletin' && <OneBulletin />}
        {view === 'unsubscribe' && <Unsubscribe />}
      </main>
    </div>
  );
}

function Home() {
  const { t } = useTranslation();
  const list = useQuery(publicBulletinsQuery());
  const salinity = useQuery(publicSalinityQuery());
  return (
    <>
      <div className="card">
        <h2>{t('agro.public.bulletins')}</h2>
        {(list.data?.bulletins.length ?? 0) === 0 ? <p className="muted">{t('agro.public.noBulletins')}</p> : (
          <ul data-testid="public-bulletins">
            {list.data!.bulletins.map((b) => (
              <li key={b.id}>
                <Link to={`${HOME}/ban-tin/${b.id}`}>{b.title}</Link>
                <div className="small muted">{b.unit.name}{b.publishedAt && ` · ${t('agro.public.published', { date: dayMonthYear(b.publishedAt) })}`}</div>
              </li>
            ))}
          </ul>
        )}
        <ErrorText error={list.error} />
      </div>
      {salinity.data && <StationsPanel data={salinity.data} />}
      <ErrorText error={salinity.error} />
    </>
  );
}

function OneBulletin() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const b = useQuery({ ...publicBulletinQuery(id), enabled: id > 0 });
  if (!b.data) return b.isError ? <div className="card"><p>{t('agro.public.notFound')}</p></div> : <p className="muted">{t('app.loading')}</p>;
  const d = b.data;
  return (
    <article className="card" data-testid="public-bulletin">
      <h2>{d.title}</h2>
      <p className="small muted">{d.unit.name} · {d.season}{d.publishedAt && ` · ${t('agro.public.published', { date: dayMonthYear(d.publishedAt) })}`}</p>
      <h3>{t('agro.bulletins.windows')}</h3>
      <ol className="windows" data-testid="public-windows">
        {d.windows.map((w) => (
          <li key={`${w.unit.id}-${w.round}`}>
            <strong>{t('agro.public.window', { round: w.round, unit: w.unit.name })}</strong>
            <div>{t('agro.public.solar', { from: dayMonthYear(w.from), to: dayMonthYear(w.to) })}</div>
            <div>{t('agro.public.lunarRange', { from: i18n.language === 'en' ? w.fromLunarEn : w.fromLunar, to: i18n.language === 'en' ? w.toLunarEn : w.toLunar })}</div>
            <div className="small muted">{t('agro.public.peak', { date: dayMonthYear(w.peak) })}</div>
          </li>
        ))}
      </ol>
      {d.advice && <><h3>{t('agro.bulletins.advice')}</h3><p style={{ whiteSpace: 'pre-line' }}>{d.advice}</p></>}
      <p className="row wrap">
        <a className="button" href={bulletinPdf(d.id, 'vi', true)} download>{t('agro.bulletins.pdfVi')}</a>
        <a className="button" href={bulletinPdf(d.id, 'en', true)} download>{t('agro.bulletins.pdfEn')}</a>
      </p>
      {i18n.language === 'en' && <p className="muted small">{t('agro.bulletins.viOnly')}</p>}
    </article>
  );
}

function Unsubscribe() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const go = useMutation({ mutationFn: () => unsubscribeByToken(token), onSuccess: (r) => setDone(r.name) });
  return (
    <div className="card">
      <h2>{t('agro.public.unsubscribe')}</h2>
      {done !== null ? <p role="status">{t('agro.public.unsubscribed', { name: done })}</p> : (
        <>
          <p>{t('agro.public.unsubscribeAsk')}</p>
          <button className="primary" disabled={!token || go.isPending} onClick={() => go.mutate()}>{t('agro.public.unsubscribeButton')}</button>
          {!token && <p className="muted">{t('agro.public.noToken')}</p>}
        </>
      )}
      <ErrorText error={go.error} />
    </div>
  );
}
