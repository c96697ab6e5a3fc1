import { queryOptions } from '@tanstack/react-query';
import type { BriefingKind, BriefingView } from '../../../src/modules/briefing/index.js';
import { api } from './client';
import type { Json } from './json';

/** A briefing as the server's schema says: its period and what it found. */
export type Briefing = Json<BriefingView>;
export type BriefingSummary = Omit<Briefing, 'content'>;
export type { BriefingKind };

export const briefingKeys = {
  all: ['briefings'] as const,
  list: (kind: BriefingKind | null) => ['briefings', 'list', kind ?? 'all'] as const,
  one: (id: number) => ['briefings', id] as const,
};

export const briefingsQuery = (kind: BriefingKind | null) => queryOptions({
  queryKey: briefingKeys.list(kind),
  queryFn: () => api<{ briefings: BriefingSummary[] }>(`/api/briefings${kind ? `?kind=${kind}` : ''}`),
});
export const briefingQuery = (id: number) => queryOptions({ queryKey: briefingKeys.one(id), queryFn: () => api<Briefing>(`/api/briefings/${id}`) });

export const briefingPdfUrl = (id: number, lang: 'vi' | 'en') => `/api/briefings/${id}/pdf?lang=${lang}`;
export const generateBriefing = (kind: BriefingKind) => api<Briefing>('/api/briefings/generate', { method: 'POST', body: { kind, replace: true } });
