import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Basemap } from '../../../components/basemap-tiles';

/** The basemap the platform is configured with, or null (boundaries alone): it changes only with a restart. */
export const basemapQuery = () => queryOptions({
  queryKey: ['ioc', 'map', 'basemap'] as const,
  queryFn: () => api<{ basemap: Basemap | null }>('/api/ioc/map/basemap'),
  staleTime: Infinity,
  retry: 1,
});
