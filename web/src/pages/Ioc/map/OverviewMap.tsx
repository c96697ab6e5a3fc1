import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Overview } from '../../../api/ioc';
import { MapPanel } from './MapPanel';
import './map.css';

/**
 * The overview's map: its first Resolution 07 indicator in the latest year it has a figure, by the units below the
 * overview's unit; a click goes on in the full map (/ioc/map), one level down.
 */
export function OverviewMap({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const indicator = overview.pillars.flatMap((p) => p.indicators).find((i) => i.latest) ?? overview.pillars[0]?.indicators[0];
  if (!indicator) return null;
  const period = String(indicator.latest?.year ?? overview.years.at(-1) ?? Number(overview.asOf.slice(0, 4)) - 1);
  const full = (parent: number) => `/ioc/map?indicator=${indicator.code}&period=${period}&parent=${parent}&date=${overview.asOf}`;
  return (
    <section aria-labelledby="ioc-map" data-testid="overview-map">
      <h2 id="ioc-map">{t('iocMap.title')}</h2>
      <MapPanel params={{ kind: 'indicator', code: indicator.code, period, parent: String(overview.unit.id), date: overview.asOf }} onParent={(id) => navigate(full(id))} />
      <Link to={full(overview.unit.id)}>{t('iocMap.openMap')}</Link>
    </section>
  );
}
