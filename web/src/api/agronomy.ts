import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

// Agronomy (issue 15): the light traps, the salinity stations, the sowing bulletins and the technicians' counts.
// The shapes follow src/modules/agronomy/schema.ts (its index does not export them yet).
export type Level = 'normal' | 'peak' | 'outbreak';
interface Named { id: number; name: string }
interface Point { lat: number; lon: number }
export interface Species { code: string; nameVi: string; nameEn: string; peak: number; outbreak: number }
export interface TrapMap {
  night: string; species: Species[]; totals: Record<string, number>;
  traps: { id: number; name: string; revoked: boolean; location: Point | null; unit: Named | null; reported: boolean; level: Level; counts: Record<string, { count: number; level: Level; median: number | null }> }[];
}
export interface Scored { night: string; count: number; median: number | null; upper: number | null; z: number | null; level: Level }
export interface Episode { from: string; to: string; peak: string; count: number; level: 'peak' | 'outbreak' }
export interface SpeciesSeries { species: string; nights: Scored[]; episodes: Episode[] }
export interface TrapSeries { trap: { id: number; name: string; unit: Named | null; location: Point | null }; series: SpeciesSeries[] }
export interface CommuneSeries { unit: Named; traps: Named[]; series: SpeciesSeries[] }
export interface SalinityLevel { above: number; severity: 'warning' | 'major' | 'critical'; adviceVi: string; adviceEn: string }
export interface Station {
  id: number; name: string; revoked: boolean; location: Point | null; unit: Named | null;
  stage: { code: string; nameVi: string; nameEn: string; limit: number | null; since: string | null };
  days: { day: string; min: number; max: number }[]; today: { max: number; min: number } | null; last: { at: string; perMille: number } | null;
  exceeds: boolean; level: SalinityLevel | null; beyondLine: boolean;
}
export interface Salinity { day: string; line: number; stations: Station[] }
export interface Stages {
  stages: { code: string; nameVi: string; nameEn: string; limit: number | null }[]; defaultStage: string;
  entries: { id: number; unit: Named; stage: string; since: string; setBy: string; setAt: string }[];
}
export interface FieldCount { id: number; deviceId: number; night: string; counts: Record<string, number>; note: string | null; hasPhoto: boolean; recordedBy: string; recordedAt: string }
export type BulletinState = 'draft' | 'approved' | 'published';
export interface BulletinWindow { unit: Named; from: string; to: string; peak: string; round: number; fromLunar: string; toLunar: string; fromLunarEn: string; toLunarEn: string }
export interface Bulletin {
  id: number; unit: Named; season: string; title: string; status: BulletinState; advice: string; windows: BulletinWindow[]; forecast: Record<string, unknown>;
  draftedBy: string; draftedAt: string; approvedBy: string | null; approvedAt: string | null; publishedBy: string | null; publishedAt: string | null;
}
export interface Subscription { id: number; name: string; email: string; unit: Named | null; locale: 'vi' | 'en'; createdAt: string }
export interface WindowInput { unitId: number; from: string; to: string; peak: string; round: number }
export interface FieldCountBody { deviceId: number; night: string; counts: Record<string, number>; note?: string; clientRef: string }

export const LEVEL_COLOR: Record<Level, string> = { normal: '#38761d', peak: '#e69138', outbreak: '#cc0000' };
export const SEVERITY_COLOR: Record<string, string> = { warning: '#e69138', major: '#cc4125', critical: '#990000' };

export const agronomyKeys = {
  all: ['agronomy'] as const,
  species: () => [...agronomyKeys.all, 'species'] as const,
  map: (night: string) => [...agronomyKeys.all, 'map', night] as const,
  trap: (id: number, from: string, to: string) => [...agronomyKeys.all, 'trap', id, from, to] as const,
  commune: (id: number, from: string, to: string) => [...agronomyKeys.all, 'commune', id, from, to] as const,
  counts: (id: number) => [...agronomyKeys.all, 'counts', id] as const,
  salinity: (day: string, days: number) => [...agronomyKeys.all, 'salinity', day, days] as const,
  stages: () => [...agronomyKeys.all, 'stages'] as const,
  bulletins: () => [...agronomyKeys.all, 'bulletins'] as const,
  bulletin: (id: number) => [...agronomyKeys.all, 'bulletin', id] as const,
  subscriptions: () => [...agronomyKeys.all, 'subscriptions'] as const,
  publicBulletins: () => ['public-agronomy', 'bulletins'] as const,
  publicBulletin: (id: number) => ['public-agronomy', 'bulletin', id] as const,
  publicSalinity: () => ['public-agronomy', 'salinity'] as const,
};

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const speciesQuery = () => queryOptions({ queryKey: agronomyKeys.species(), queryFn: () => api<Species[]>('/api/agronomy/species'), staleTime: 3_600_000 });
export const trapMapQuery = (night: string) => queryOptions({
  queryKey: agronomyKeys.map(night), queryFn: () => api<TrapMap>(`/api/agronomy/traps/map${night ? `?${q({ night })}` : ''}`),
});
export const trapSeriesQuery = (id: number, from: string, to: string) => queryOptions({
  queryKey: agronomyKeys.trap(id, from, to), queryFn: () => api<TrapSeries>(`/api/agronomy/traps/${id}/series?${q({ from, to })}`), retry: false,
});
export const communeSeriesQuery = (id: number, from: string, to: string) => queryOptions({
  queryKey: agronomyKeys.commune(id, from, to), queryFn: () => api<CommuneSeries>(`/api/agronomy/communes/${id}/series?${q({ from, to })}`), retry: false,
});
export const fieldCountsQuery = (id: number) => queryOptions({
  queryKey: agronomyKeys.counts(id), queryFn: () => api<{ counts: FieldCount[] }>(`/api/agronomy/traps/${id}/field-counts`),
});
export const salinityQuery = (day: string, days = 14) => queryOptions({
  queryKey: agronomyKeys.salinity(day, days), queryFn: () => api<Salinity>(`/api/agronomy/salinity?${q(day ? { day, days: String(days) } : { days: String(days) })}`),
});
export const stagesQuery = () => queryOptions({ queryKey: agronomyKeys.stages(), queryFn: () => api<Stages>('/api/agronomy/crop-stages') });
export const setCropStage = (body: { unitId: number; stage: string; since: string }) => api('/api/agronomy/crop-stages', { method: 'PUT', body });

/** A technician's count: multipart when it has a photo (the count as JSON in `count`), JSON otherwise. */
export function sendFieldCount(body: FieldCountBody, photo: Blob | null) {
  if (!photo) return api<{ created: boolean; count: FieldCount }>('/api/agronomy/field-counts', { method: 'POST', body });
  const form = new FormData();
  form.append('count', JSON.stringify(body));
  form.append('photo', photo, 'photo.jpg');
  return api<{ created: boolean; count: FieldCount }>('/api/agronomy/field-counts', { method: 'POST', body: form });
}

export const bulletinsQuery = () => queryOptions({ queryKey: agronomyKeys.bulletins(), queryFn: () => api<{ bulletins: Bulletin[] }>('/api/agronomy/bulletins?limit=200') });
export const bulletinQuery = (id: number) => queryOptions({ queryKey: agronomyKeys.bulletin(id), queryFn: () => api<Bulletin>(`/api/agronomy/bulletins/${id}`), retry: false });
export const draftBulletin = (body: { unitId: number; season: string }) => api<Bulletin>('/api/agronomy/bulletins', { method: 'POST', body });
export const editBulletin = (id: number, body: { title?: string; advice?: string; windows?: WindowInput[] }) => api<Bulletin>(`/api/agronomy/bulletins/${id}`, { method: 'PATCH', body });
export const moveBulletin = (id: number, verb: 'approve' | 'reopen' | 'publish') => api<Bulletin>(`/api/agronomy/bulletins/${id}/${verb}`, { method: 'POST' });
export const bulletinPdf = (id: number, lang: string, open = false) => `/api/${open ? 'public/' : ''}agronomy/bulletins/${id}/pdf?lang=${lang === 'en' ? 'en' : 'vi'}`;

export const subscriptionsQuery = () => queryOptions({ queryKey: agronomyKeys.subscriptions(), queryFn: () => api<{ subscriptions: Subscription[] }>('/api/agronomy/subscriptions') });
export const subscribe = (body: { name: string; email: string; unitId: number | null; locale: string }) => api<Subscription>('/api/agronomy/subscriptions', { method: 'POST', body });
export const unsubscribe = (id: number) => api(`/api/agronomy/subscriptions/${id}`, { method: 'DELETE' });

export const publicBulletinsQuery = () => queryOptions({ queryKey: agronomyKeys.publicBulletins(), queryFn: () => api<{ bulletins: Bulletin[] }>('/api/public/agronomy/bulletins') });
export const publicBulletinQuery = (id: number) => queryOptions({ queryKey: agronomyKeys.publicBulletin(id), queryFn: () => api<Bulletin>(`/api/public/agronomy/bulletins/${id}`), retry: false });
export const publicSalinityQuery = () => queryOptions({ queryKey: agronomyKeys.publicSalinity(), queryFn: () => api<Salinity>('/api/public/agronomy/salinity') });
export const unsubscribeByToken = (token: string) => api<{ name: string }>('/api/public/agronomy/unsubscribe', { method: 'POST', body: { token } });
