import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface SeriesPoint { period: string; value: number | null }

export const analyticsKeys = {
  all: ['analytics'] as const,
  series: (kind: 'element' | 'indicator', code: string, orgUnitId: number, periods: string[]) => [...analyticsKeys.all, kind, code, orgUnitId, periods.join()] as const,
};

/** One element's or indicator's figures for a unit, period by period. */
export const seriesQuery = (kind: 'element' | 'indicator', code: string, orgUnitId: number, periods: string[]) => queryOptions({
  queryKey: analyticsKeys.series(kind, code, orgUnitId, periods),
  queryFn: () => api<SeriesPoint[]>(`/api/analytics?${kind}=${code}&orgUnitId=${orgUnitId}&periods=${periods.join(',')}`),
});
