import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Unit } from './org-units';

export type Framework = 'NQ07' | 'DTI';
/** `fromUnit`: the predecessor the target was set for, when the unit has none of its own. */
export interface ScoreTarget { year: number; value: number; source: string | null; fromUnit: { id: number; name: string } | null }
export interface ScoreItem {
  code: string; nameVi: string; nameEn: string; pillar: string; direction: 'higher' | 'lower'; decimals: number; unitLabel: string | null; unitLabelEn: string | null;
  source: string | null; series: (number | null)[]; latest: { year: number; value: number } | null; target: ScoreTarget | null;
  targets: ScoreTarget[]; status: string; projected: number | null; rank: { position: number; of: number } | null;
}
/** The units a unit succeeded whose figures its history includes. */
export type History = { id: number; name: string; validTo: string | null }[];
export interface Card { framework: string; unit: Unit; asOf: string; history: History; years: number[]; pillars: { pillar: string; indicators: ScoreItem[] }[] }
export interface ScoreDetail {
  indicator: ScoreItem; unit: Unit; asOf: string; history: History; years: number[]; series: (number | null)[]; targets: ScoreTarget[];
  target: ScoreTarget | null; status: string; projected: number | null;
  childrenYear: number; children: { unit: Unit; value: number | null }[]; childrenWithout: number;
}

export const scorecardKeys = {
  all: ['scorecard'] as const,
  card: (framework: Framework, unitId: string | null, asOf: string | null) => [...scorecardKeys.all, 'card', framework, unitId, asOf] as const,
  indicator: (code: string, unitId: number, framework: string, asOf: string) => [...scorecardKeys.all, 'indicator', code, unitId, framework, asOf] as const,
};

const asOfParam = (asOf: string | null) => (asOf ? `&asOf=${asOf}` : '');

/** A framework's scorecard: of the unit asked for, else of the user's unit as it stands on the day (today). */
export const scorecardQuery = (framework: Framework, unitId: string | null, asOf: string | null = null) => queryOptions({
  queryKey: scorecardKeys.card(framework, unitId, asOf),
  queryFn: () => api<Card>(`/api/scorecard?framework=${framework}${unitId ? `&unitId=${unitId}` : ''}${asOfParam(asOf)}`),
});
export const scoreDetailQuery = (code: string, unitId: number, framework: string, asOf: string) => queryOptions({
  queryKey: scorecardKeys.indicator(code, unitId, framework, asOf),
  queryFn: () => api<ScoreDetail>(`/api/scorecard/indicators/${code}?unitId=${unitId}&framework=${framework}${asOfParam(asOf)}`),
});

/** Where the scorecard on screen is downloaded, in the reader's language. */
export const scorecardExportUrl = (format: 'pdf' | 'xlsx' | 'csv', framework: string, unitId: number, lang: 'vi' | 'en', asOf?: string) =>
  `/api/scorecard/export?format=${format}&framework=${framework}&unitId=${unitId}&lang=${lang}${asOfParam(asOf ?? null)}`;
