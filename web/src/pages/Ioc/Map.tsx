import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { MapParams } from '../../api/ioc-map';
import { indicatorsQuery } from '../../api/indicators';
import { vnToday } from '../../dates';
import { inLanguage } from './AlertList';
import { MapPanel } from './map/MapPanel';
import { IocUnitPage } from './UnitPage';
import './map/map.css';

/** The parameters of the map as the address holds them, so a view can be shared and the back button goes up. */
export function mapParamsOf(search: URLSearchParams, fallbackIndicator?: string): MapParams | null {
  const element = search.get('element');
  const code = element ?? search.get('indicator') ?? fallbackIndicator;
  if (!code) return null;
  return {
    kind: element ? 'element' : 'indicator', code,
    period: search.get('period') ?? String(Number(vnToday().slice(0, 4)) - 1),
    parent: search.get('parent'), date: search.get('date'),
  };
}

/** /ioc/map: any indicator as a choropleth by unit in time, drilled down level by level; with ?unit=ID, that unit's page. */
export function IocMapPage() {
  const [search] = useSearchParams();
  return search.get('unit') ? <IocUnitPage /> : <MapView />;
}

function MapView() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const indicators = useQuery(indicatorsQuery());
  const params = mapParamsOf(search, indicators.data?.[0]?.code);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    setSearch(next);
  };
  return (
    <section className="ioc">
      <h1>{t('iocMap.title')}</h1>
      <div className="row wrap">
        <label>{t('iocMap.indicator')}{' '}
          <select value={params?.kind === 'indicator' ? params.code : ''} onChange={(e) => set({ indicator: e.target.value, element: null })}>
            {params?.kind === 'element' && <option value="">{params.code}</option>}
            {(indicators.data ?? []).map((i) => <option key={i.code} value={i.code}>{inLanguage({ vi: i.nameVi, en: i.nameEn }, i18n.language)}</option>)}
          </select>
        </label>
        <label>{t('iocMap.period')}{' '}
          <input value={params?.period ?? ''} size={8} onChange={(e) => set({ period: e.target.value.trim() })} />
        </label>
        <label>{t('iocMap.date')}{' '}
          <input type="date" value={params?.date ?? vnToday()} onChange={(e) => set({ date: e.target.value, parent: null })} />
        </label>
      </div>
      {params ? <MapPanel params={params} onParent={(id) => set({ parent: String(id) })} /> : <p>{t('app.loading')}</p>}
    </section>
  );
}
