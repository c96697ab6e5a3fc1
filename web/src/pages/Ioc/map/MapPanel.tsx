import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { classColour, mapPointsQuery, unitMapQuery, type ColourClass, type MapParams, type PointLayer, type UnitMapView } from '../../../api/ioc-map';
import { boundariesQuery } from '../../../api/org-units';
import { ChoroplethMap } from '../../../components/ChoroplethMap';
import { UnitTileGrid } from '../../../components/UnitTileGrid';
import { vnToday } from '../../../dates';
import { inLanguage } from '../AlertList';
import { basemapQuery } from './basemap-query';

const LAYER_COLOUR = { case: '#674ea7', alert: '#cc0000' } as const;
const figure = (v: number | null, lang: string) => (v === null ? '—' : v.toLocaleString(lang, { maximumFractionDigits: 2 }));

function Legend({ classes, basis }: { classes: ColourClass[]; basis: UnitMapView['basis'] }) {
  const { t, i18n } = useTranslation();
  const range = (c: ColourClass) => (c.from === null ? `< ${figure(c.to, i18n.language)}` : c.to === null ? `≥ ${figure(c.from, i18n.language)}` : `${figure(c.from, i18n.language)} – ${figure(c.to, i18n.language)}`);
  return (
    <div className="map-legend" data-testid="map-legend">
      <strong>{t(basis === 'rule' ? 'iocMap.legendRule' : 'iocMap.legendQuantiles')}</strong>
      <ul>
        {classes.map((c, i) => (
          <li key={i}><span className="unit-tile-swatch" style={{ background: classColour(classes, i) }} aria-hidden />
            {classes.length > 1 ? range(c) : t('iocMap.allValues')}{c.breach ? ` (${t('iocMap.breach')})` : ''}</li>
        ))}
        <li><span className="unit-tile-swatch" style={{ background: classColour(classes, null) }} aria-hidden />{t('iocMap.noValue')}</li>
      </ul>
    </div>
  );
}

/**
 * The choropleth of one indicator by unit in time: the units below `parent` drawn from their boundaries where some are
 * stored, else ranked as tiles in the same colours; a click goes one level down, the breadcrumb back up, and a unit
 * with nothing below opens its page.
 */
export function MapPanel({ params, onParent }: { params: MapParams; onParent(id: number): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const map = useQuery(unitMapQuery(params));
  const data = map.data;
  const asOf = data?.asOf ?? params.date ?? vnToday();
  const level = data?.units[0]?.level as 'district' | 'commune' | undefined;
  const drawn = Boolean(data?.units.some((u) => u.geometryId !== null));
  const geo = useQuery({ ...boundariesQuery(asOf, level), enabled: drawn });
  // Drawn once it is known whether there is a basemap (its projection decides the layout); if asking fails, without.
  const basemap = useQuery({ ...basemapQuery(), enabled: drawn });
  const [layers, setLayers] = useState<PointLayer[]>(['cases', 'alerts']);
  const pointsData = useQuery({ ...mapPointsQuery(layers, data ? String(data.parent.id) : null, asOf), enabled: drawn && layers.length > 0 }).data;
  const points = useMemo(() => (layers.length ? pointsData?.points ?? [] : []).map((p) => ({
    lat: p.lat, lon: p.lon, colour: LAYER_COLOUR[p.layer],
    label: p.layer === 'alert' ? inLanguage(p.label, i18n.language) : `${t('iocMap.case')} ${p.ref}`,
  })), [pointsData, layers, i18n.language, t]);
  const toggle = (layer: PointLayer) => setLayers((l) => (l.includes(layer) ? l.filter((x) => x !== layer) : [...l, layer]));
  const regions = useMemo(() => (data?.units ?? []).map((u) => ({
    id: u.id, name: u.name, value: u.value, colour: classColour(data!.classes, u.colourClass), valueText: figure(u.value, i18n.language), geometry: u.geometryId !== null,
  })), [data, i18n.language]);
  const select = useCallback((id: number) => {
    const unit = data?.units.find((u) => u.id === id);
    if (!unit) return;
    if (unit.hasChildren && unit.id !== data!.parent.id) onParent(unit.id);
    else navigate(`/ioc/map?unit=${unit.id}&date=${asOf}`);
  }, [data, onParent, navigate, asOf]);

  if (map.error) return <p className="error" role="alert">{map.error.message}</p>;
  if (!data) return <p>{t('app.loading')}</p>;
  const ungeo = regions.filter((r) => !r.geometry);
  const label = `${inLanguage({ vi: data.target.nameVi, en: data.target.nameEn }, i18n.language)} — ${data.parent.name} (${data.period})`;
  return (
    <div className="ioc-map" data-testid="ioc-map">
      <nav className="breadcrumb" aria-label={t('iocMap.breadcrumb')} data-testid="map-breadcrumb">
        {data.ancestors.map((a) => (
          <span key={a.id}><button type="button" className="link" onClick={() => onParent(a.id)}>{a.name}</button> › </span>
        ))}
        <strong>{data.parent.name}</strong>{' '}
        <Link to={`/ioc/map?unit=${data.parent.id}&date=${asOf}`}>{t('iocMap.unitPage')}</Link>
      </nav>
      <p className="muted">{label}</p>
      <div className="ioc-map-body">
        {drawn && geo.data && !basemap.isPending && (
          <ChoroplethMap key={basemap.data?.basemap?.kind ?? 'none'} geojson={geo.data} regions={regions.filter((r) => r.geometry)} points={points} onSelect={select} label={label}
            basemap={basemap.data?.basemap ?? null} />
        )}
        {(ungeo.length > 0) && <UnitTileGrid regions={ungeo} onSelect={select} label={label} />}
        <div>
          <Legend classes={data.classes} basis={data.basis} />
          {drawn && (
            <fieldset className="map-layers" data-testid="map-layers">
              <legend>{t('iocMap.layers')}</legend>
              {(['cases', 'alerts'] as const).map((l) => (
                <label key={l}><input type="checkbox" checked={layers.includes(l)} onChange={() => toggle(l)} />{' '}
                  <span className="unit-tile-swatch" style={{ background: LAYER_COLOUR[l === 'cases' ? 'case' : 'alert'] }} aria-hidden /> {t(`iocMap.layer.${l}`)}</label>
              ))}
            </fieldset>
          )}
        </div>
      </div>
    </div>
  );
}
