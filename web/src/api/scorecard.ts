import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Unit } from './org-units';

export type Framework = 'NQ07' | 'DTI';
export interface ScoreTarget { year: number; value: number; source: string | null }
export interface ScoreItem {
  code: string; nameVi: string; nameEn: string; pillar: string; direction: 'higher' | 'lower'; decimals: number; unitLabel: string | null;
  source: string | null; series: (number | null)[]; latest: { year: number; value: number } | null; target: ScoreTarget | null;
  targets: ScoreTarget[]; status: string; projected: number | null; rank: { position: number; of: number } | null;
}
export interface Card { framework: string; unit: Unit; years: number[]; pillars: { pillar: string; indicators: ScoreItem[] }[] }
export interface ScoreDetail {
  indicator: ScoreItem; unit: Unit; years: number[]; series: (number | null)[]; targets: ScoreTarget[]; status: string; projected: number | null;
  childrenYear: number; children: { unit: Unit; value: number | null }[];
}

export const scorecardKeys = {
  all: ['scorecard'] as const,
  card: (framework: Framework, unitId: string | null) => [...scorecardKeys.all, 'card', framework, unitId] as const,
  indicator: (code: string, unitId: number, framework: string) => [...scorecardKeys.all, 'indicator', code, unitId, framework] as const,
};

export const scorecardQuery = (framework: Framework, unitId: string | null) => queryOptions({
  queryKey: scorecardKeys.card(framework, unitId),
  queryFn: () => api<Card>(`/api/scorecard?framework=${framework}${unitId ? `&unitId=${unitId}` : ''}`),
});
export const scoreDetailQuery = (code: string, unitId: number, framework: string) => queryOptions({
  queryKey: scorecardKeys.indicator(code, unitId, framework),
  queryFn: () => api<ScoreDetail>(`/api/scorecard/indicators/${code}?unitId=${unitId}&framework=${framework}`),
});

/** Where the scorecard on screen is downloaded, in the reader's language. */
export const scorecardExportUrl = (format: 'pdf' | 'xlsx' | 'csv', framework: string, unitId: number, lang: 'vi' | 'en') =>
  `/api/scorecard/export?format=${format}&framework=${framework}&unitId=${unitId}&lang=${lang}`;
