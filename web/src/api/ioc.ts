import { queryOptions } from '@tanstack/react-query';
import { api, bearer } from './client';
import type { AlertPage } from './alerts';
import type { Card } from './scorecard';

export interface Overview extends Pick<Card, 'unit' | 'history' | 'years' | 'pillars'> {
  asOf: string;
  structure: { level: string; type: string; count: number }[];
  alerts: AlertPage;
}

export const iocKeys = { all: ['ioc'] as const, overview: (unitId: string | null, asOf: string | null) => ['ioc', 'overview', unitId, asOf] as const };

export const overviewQuery = (unitId: string | null, asOf: string | null, token?: string) => queryOptions({
  queryKey: iocKeys.overview(unitId, asOf),
  queryFn: () => {
    const params = new URLSearchParams();
    if (unitId) params.set('unitId', unitId);
    if (asOf) params.set('asOf', asOf);
    const query = params.toString();
    return api<Overview>(`/api/ioc/overview${query ? `?${query}` : ''}`, { headers: bearer(token) });
  },
});
