import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PanelFigures } from '../../../api/ioc-panels';
import { boundariesQuery } from '../../../api/org-units';
import { UnitMap } from '../../../components/UnitMap';
import { vnToday } from '../../../dates';

/** A simple choropleth of a panel's units with boundaries; a level without boundaries is shown as a ranked list. */
export function PanelMap({ figures, title, token }: { figures: PanelFigures; title: string; token?: string }) {
  const { t, i18n } = useTranslation();
  const boundaries = useQuery(boundariesQuery(vnToday(), undefined, token));
  const ids = new Set(figures.points.map((p) => p.unitId));
  const features = boundaries.data?.features.filter((f) => ids.has(f.id)) ?? [];
  if (features.length === 0) {
    return (
      <ol className="panel-map-list" aria-label={title}>
        {figures.points.map((p) => <li key={p.label}>{p.label}: {p.value === null ? '—' : p.value.toLocaleString(i18n.language)}</li>)}
      </ol>
    );
  }
  const values = new Map(figures.points.filter((p) => p.unitId !== null && p.value !== null).map((p) => [p.unitId!, p.value!]));
  return <UnitMap geojson={{ type: 'FeatureCollection', features }} values={values} valueLabel={t('iocFields.value')} onSelect={() => undefined} label={title} />;
}
