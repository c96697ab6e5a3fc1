import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Alert, AlertPage } from './alerts';
import type { Card } from './scorecard';

export interface MapUnit { id: number; code: string; name: string; level: string; type: string }
export interface ColourClass { from: number | null; to: number | null; breach: boolean }
export interface UnitMapView {
  asOf: string;
  period: string;
  target: { kind: 'indicator' | 'element'; code: string; nameVi: string; nameEn: string };
  parent: MapUnit;
  ancestors: MapUnit[];
  basis: 'quantiles' | 'rule';
  classes: ColourClass[];
  units: (MapUnit & { value: number | null; colourClass: number | null; geometryId: number | null; hasChildren: boolean })[];
}
export interface UnitPageView {
  asOf: string;
  unit: MapUnit & { validFrom: string | null; validTo: string | null };
  ancestors: MapUnit[];
  children: MapUnit[];
  indicators: Card['pillars'];
  alerts: Alert[];
  alertCounts: AlertPage['counts'];
  reports: { regime: { code: string; nameVi: string; nameEn: string }; period: string; dueDate: string; expected: number; submitted: number; onTime: number; missing: number; rate: number | null }[];
}

/** What the map shows: one target (an indicator or an element), a period, the units below `parent` on `date`. */
export interface MapParams { kind: 'indicator' | 'element'; code: string; period: string; parent: string | null; date: string | null }

export const iocMapKeys = {
  all: ['ioc', 'map'] as const,
  map: (p: MapParams) => [...iocMapKeys.all, p.kind, p.code, p.period, p.parent, p.date] as const,
  unit: (id: string, date: string | null) => ['ioc', 'unit', id, date] as const,
};

export const unitMapQuery = (p: MapParams) => queryOptions({
  queryKey: iocMapKeys.map(p),
  queryFn: () => {
    const params = new URLSearchParams({ [p.kind]: p.code, period: p.period });
    if (p.parent) params.set('parent', p.parent);
    if (p.date) params.set('date', p.date);
    return api<UnitMapView>(`/api/ioc/map?${params}`);
  },
});

export const unitPageQuery = (id: string, date: string | null) => queryOptions({
  queryKey: iocMapKeys.unit(id, date),
  queryFn: () => api<UnitPageView>(`/api/ioc/units/${id}${date ? `?date=${date}` : ''}`),
});

/** The colours of the classes: a blue ramp for quantiles; red for a rule's breach, green for the rest. */
export function classColour(classes: ColourClass[], index: number | null): string {
  if (index === null) return '#d9d9d9';
  if (classes[index]?.breach) return '#cc0000';
  if (classes.some((c) => c.breach)) return '#6aa84f';
  const ramp = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
  const step = classes.length <= 1 ? ramp.length - 1 : Math.round((index * (ramp.length - 1)) / (classes.length - 1));
  return ramp[step]!;
}

export interface MapPointView {
  layer: 'case' | 'alert'; ref: string; lat: number; lon: number; approximate: boolean;
  unitId: number | null; state: string; severity: string | null; label: { vi: string; en: string };
}
export type PointLayer = 'cases' | 'alerts';

export const mapPointsQuery = (layers: PointLayer[], parent: string | null, date: string | null) => queryOptions({
  queryKey: [...iocMapKeys.all, 'points', layers.join(), parent, date] as const,
  queryFn: () => {
    const params = new URLSearchParams({ layers: layers.join(',') });
    if (parent) params.set('parent', parent);
    if (date) params.set('date', date);
    return api<{ asOf: string; points: MapPointView[] }>(`/api/ioc/map/points?${params}`);
  },
  enabled: layers.length > 0,
});
