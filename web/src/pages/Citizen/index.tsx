import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { categoriesQuery, feedbackMapQuery, placesQuery } from '../../api/feedback-public';
import { DemoBanner, ErrorText, LanguageSwitch } from '../../components/Chrome';
import { PublicReports } from './PublicReports';
import { SendForm } from './SendForm';
import { TrackPanel } from './TrackPanel';

type Tab = 'send' | 'map' | 'mine' | 'track';

/** The citizen's side, mobile first: send a report with photos and a pin, follow it, rate the answer, see others'. */
export function CitizenPage() {
  const { t } = useTranslation();
  const initialCode = new URLSearchParams(window.location.search).get('ma')?.toUpperCase() ?? '';
  const [tab, setTab] = useState<Tab>(initialCode ? 'track' : 'send');
  const [code, setCode] = useState(initialCode);
  const categories = useQuery(categoriesQuery());
  const places = useQuery(placesQuery());
  const map = useQuery(feedbackMapQuery());
  const track = (c: string) => {
    setCode(c);
    setTab('track');
    window.history.replaceState(null, '', `/cong-dan?ma=${encodeURIComponent(c)}`);
  };
  const tabs: Tab[] = ['send', 'map', 'mine', 'track'];
  return (
    <div className="citizen">
      <DemoBanner />
      <header className="topbar"><h1 className="brand">{t('citizen.title')}</h1><span className="spacer" /><LanguageSwitch /></header>
      <nav className="tabs" role="tablist">
        {tabs.map((x) => <button key={x} role="tab" aria-selected={tab === x} className={tab === x ? 'primary' : undefined} onClick={() => setTab(x)}>{t(`citizen.tabs.${x}`)}</button>)}
      </nav>
      <main>
        {tab === 'send' && <SendForm categories={categories.data ?? []} places={places.data ?? []} map={map.data} onTrack={track} />}
        {tab === 'map' && <PublicReports categories={categories.data ?? []} map={map.data} onTrack={track} mine={false} />}
        {tab === 'mine' && <PublicReports categories={categories.data ?? []} map={map.data} onTrack={track} mine />}
        {tab === 'track' && <TrackPanel code={code} setCode={track} />}
        <ErrorText error={categories.error ?? places.error} />
        <p className="row wrap"><Link className="button" to="/cong-dan/dac-san">{t('spec.link')}</Link></p>
      </main>
    </div>
  );
}
