import { queryOptions } from '@tanstack/react-query';
import type { DataValueDto } from '../../../src/core/data/exchange/index.js';
import type { RowProblem } from '../../../src/core/data/values/index.js';
import { fromDhis2Period } from '../../../src/core/data/periods/index.js';
import { api } from './client';
import type { Json } from './json';

/** A value as DHIS2's data value sets carry it, as the exchange's schema says. */
export type SetValue = Json<DataValueDto>;
export interface StoredValue {
  id: number; period: string; coc: string; value: string; comment: string | null; followup: boolean;
  storedBy: string; sourceKind: string; sourceRef: string | null; lastUpdated: string;
}
export interface ValueChange {
  id: number; change: string; old_value: string | null; new_value: string | null; changed_by: string; changed_at: string;
  source_kind: string; source_ref: string | null; comment: string | null;
}
export interface Flagged {
  id: number; element: string; elementNameVi: string; elementNameEn: string; orgUnitId: number; orgUnitCode: string; orgUnitName: string;
  period: string; coc: string; value: string; comment: string | null; storedBy: string; lastUpdated: string;
}
export interface ValueRow { element: string; orgUnitId: number; period: string; coc?: string; value: string | null; comment?: string | null; followup?: boolean }
/** A refused row of a write: its index in the batch, its fault and why, in both languages (the values' own type). */
export type ValueProblem = Json<RowProblem>;
export type WriteResult = { imported: number; updated: number; deleted: number };

export const dataValueKeys = {
  all: ['data-values'] as const,
  sets: () => [...dataValueKeys.all, 'set'] as const,
  set: (orgUnit: string, periods: string[], elements: string[]) => [...dataValueKeys.sets(), orgUnit, periods.join(), elements.join()] as const,
  details: () => [...dataValueKeys.all, 'detail'] as const,
  detail: (element: string, orgUnitId: number, period: string) => [...dataValueKeys.details(), element, orgUnitId, period] as const,
  histories: () => [...dataValueKeys.all, 'history'] as const,
  history: (id: number | undefined) => [...dataValueKeys.histories(), id] as const,
  followUp: () => [...dataValueKeys.all, 'follow-up'] as const,
};

// Data value sets speak DHIS2's period identifiers (202508, 2025W1); every screen speaks the store's (2025M08,
// 2025W01). The conversion is the server's own, a pure function bundled into the web app.
export const valueSetQuery = (orgUnit: string, periods: string[], elements: string[]) => queryOptions({
  queryKey: dataValueKeys.set(orgUnit, periods, elements),
  queryFn: async () => {
    const set = await api<{ dataValues: SetValue[] }>(`/api/dataValueSets?orgUnit=${encodeURIComponent(orgUnit)}&${periods.map((p) => `period=${p}`).join('&')}&${elements.map((e) => `dataElement=${e}`).join('&')}`);
    return { ...set, dataValues: set.dataValues.map((v) => ({ ...v, period: fromDhis2Period(v.period) })) };
  },
});
export const storedValuesQuery = (element: string, orgUnitId: number, period: string) => queryOptions({
  queryKey: dataValueKeys.detail(element, orgUnitId, period),
  queryFn: () => api<StoredValue[]>(`/api/data-values?element=${encodeURIComponent(element)}&orgUnitId=${orgUnitId}&period=${period}`),
});
export const valueHistoryQuery = (id: number | undefined) => queryOptions({ queryKey: dataValueKeys.history(id), queryFn: () => api<ValueChange[]>(`/api/data-values/${id}/history`) });
export const followUpQuery = () => queryOptions({ queryKey: dataValueKeys.followUp(), queryFn: () => api<Flagged[]>('/api/data-values/follow-up') });

export const writeValues = (values: ValueRow[]) => api<WriteResult>('/api/data-values', { method: 'POST', body: { values } });
