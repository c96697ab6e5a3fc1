import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { MapFeatureCollection } from '../components/UnitMap';

/** What citizens and officers both read without signing in: categories, places, the map, others' reports. */
export interface FeedbackCategory { code: string; nameVi: string; nameEn: string; deadlineWorkingDays: number; allowAnonymous: boolean }
export interface Place { id: number; code: string; name: string }
export interface MapInfo { picksCommune: boolean; outlines: MapFeatureCollection }
export interface Sent { trackingCode: string; dueDate: string; unit: { name: string }; photos: number }
export interface PublicPhoto { position: number; width: number; height: number; url: string }
export interface PublicReport {
  trackingCode: string; state: string; categoryNameVi: string; categoryNameEn: string; unit: string | null; place: string | null; dueDate: string;
  answer: string | null; answeredAt: string | null; description: string; photos: PublicPhoto[];
  timeline: { at: string; action: string; state: string | null; note: string | null }[];
}
export interface Nearby { trackingCode: string; state: string; description: string; distanceMeters: number }
export interface PublicItem {
  trackingCode: string; category: string; state: string; unit: string | null; place: string | null; receivedAt: string; dueDate: string;
  lat: number | null; lon: number | null; description: string; photos: number;
}
export type ReportBody = Record<string, unknown>;

export const publicFeedbackKeys = {
  all: ['public-feedback'] as const,
  categories: () => [...publicFeedbackKeys.all, 'categories'] as const,
  places: () => [...publicFeedbackKeys.all, 'places'] as const,
  map: () => [...publicFeedbackKeys.all, 'map'] as const,
  nearby: (category: string, lat: number | undefined, lon: number | undefined) => [...publicFeedbackKeys.all, 'nearby', category, lat, lon] as const,
  list: (params: string) => [...publicFeedbackKeys.all, 'list', params] as const,
  report: (code: string) => [...publicFeedbackKeys.all, 'report', code] as const,
};

export const categoriesQuery = () => queryOptions({ queryKey: publicFeedbackKeys.categories(), queryFn: () => api<FeedbackCategory[]>('/api/public/feedback/categories') });
export const placesQuery = () => queryOptions({ queryKey: publicFeedbackKeys.places(), queryFn: () => api<Place[]>('/api/public/feedback/places') });
export const feedbackMapQuery = () => queryOptions({ queryKey: publicFeedbackKeys.map(), queryFn: () => api<MapInfo>('/api/public/feedback/map') });
export const nearbyQuery = (category: string, pin: { lat: number; lon: number } | null) => queryOptions({
  queryKey: publicFeedbackKeys.nearby(category, pin?.lat, pin?.lon),
  queryFn: () => api<Nearby[]>(`/api/public/feedback/nearby?category=${category}&lat=${pin!.lat}&lon=${pin!.lon}`),
});
export const publicListQuery = (params: URLSearchParams) => queryOptions({
  queryKey: publicFeedbackKeys.list(params.toString()),
  queryFn: () => api<{ total: number; items: PublicItem[] }>(`/api/public/feedback?${params}`),
});
export const publicReportQuery = (code: string) => queryOptions({
  queryKey: publicFeedbackKeys.report(code),
  queryFn: () => api<PublicReport>(`/api/public/feedback/${encodeURIComponent(code)}`),
});

/** Sends a report: JSON, or a multipart form with the photos. */
export async function sendReport(body: ReportBody, photos: File[] = []): Promise<Sent> {
  if (!photos.length) return api<Sent>('/api/public/feedback', { method: 'POST', body });
  const form = new FormData();
  form.append('report', JSON.stringify(body));
  for (const p of photos) form.append('photos', p, p.name);
  return api<Sent>('/api/public/feedback', { method: 'POST', body: form });
}
export const placeAt = (lat: number, lon: number) => api<{ place: Place | null }>(`/api/public/feedback/place-at?lat=${lat}&lon=${lon}`);
export const followReport = (code: string, email: string) => api(`/api/public/feedback/${code}/follow`, { method: 'POST', body: { email, consent: true } });
export const rateReport = (code: string, body: { rating: number; solved: boolean | null; comment?: string }) => api(`/api/public/feedback/${code}/rating`, { method: 'POST', body });
