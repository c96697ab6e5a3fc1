import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface IndicatorRow {
  code: string; nameVi: string; nameEn: string; numerator: string; denominator: string; factor: number; pillar: string; direction: string; framework: string;
  unitLabel: string | null; unitLabelEn: string | null; source: string | null;
}
export interface Target { year: number; kind: 'baseline' | 'target'; value: number; source: string | null }
export interface IndicatorFull extends IndicatorRow { decimals: number; sort: number; description: string | null; targets: Target[] }
export interface IndicatorInput {
  nameVi: string; nameEn: string; numerator: string; denominator: string; factor: number; pillar: string; direction: string; framework: string; decimals: number;
  unitLabel?: string; source?: string;
}
/** The server's reading of a formula: the field and the character at fault when it does not parse. */
export type Verdict = { valid: true } | { valid: false; field: 'numerator' | 'denominator'; position: number; messages: Record<string, string> };

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: () => [...indicatorKeys.all, 'list'] as const,
  /** An indicator with its targets for a unit; without the unit, every unit's. */
  detail: (code: string, orgUnitId?: number) => [...indicatorKeys.all, 'detail', code, ...(orgUnitId === undefined ? [] : [orgUnitId])] as const,
};

export const indicatorsQuery = () => queryOptions({ queryKey: indicatorKeys.list(), queryFn: () => api<IndicatorRow[]>('/api/indicators') });
export const indicatorQuery = (code: string, orgUnitId: number) => queryOptions({
  queryKey: indicatorKeys.detail(code, orgUnitId),
  queryFn: () => api<IndicatorFull>(`/api/indicators/${code}?orgUnitId=${orgUnitId}`),
});

export const createIndicator = (body: IndicatorInput & { code: string }) => api('/api/indicators', { method: 'POST', body });
export const updateIndicator = (code: string, body: IndicatorInput) => api(`/api/indicators/${code}`, { method: 'PATCH', body });
export const saveTargets = (code: string, orgUnitId: number, targets: Target[]) => api(`/api/indicators/${code}/targets`, {
  method: 'PUT',
  body: { orgUnitId, targets: targets.map((r) => ({ year: r.year, kind: r.kind, value: r.value, ...(r.source ? { source: r.source } : {}) })) },
});
export const checkFormula = (numerator: string, denominator: string) => api<Verdict>('/api/indicators/check', { method: 'POST', body: { numerator, denominator } });
