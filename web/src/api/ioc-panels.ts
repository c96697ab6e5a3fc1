import { queryOptions } from '@tanstack/react-query';
import { api, bearer } from './client';
import type { Severity } from './alerts';

export type PanelKind = 'number' | 'trend' | 'bar' | 'table' | 'map';
export const PANEL_KINDS: PanelKind[] = ['number', 'trend', 'bar', 'table', 'map'];
export type UnitLevel = 'province' | 'district' | 'commune' | 'department';
export const UNIT_LEVELS: UnitLevel[] = ['province', 'district', 'commune', 'department'];
export type PeriodType = 'month' | 'quarter' | 'sixmonth' | 'year';
export const PERIOD_TYPES: PeriodType[] = ['month', 'quarter', 'sixmonth', 'year'];

export interface PanelInput {
  fieldCode: string; kind: PanelKind; targetKind: 'indicator' | 'element'; targetCode: string; unitLevel: UnitLevel; periodType: PeriodType;
  options: { periods?: number; limit?: number }; position: number; titleVi: string; titleEn: string;
}
export interface Panel extends PanelInput { id: number; key: string | null; updatedAt: string }
export interface Field { code: string; nameVi: string; nameEn: string; panels: Panel[] }
export type Status = 'ok' | 'breach' | null;
export interface PanelFigures {
  panelId: number; kind: PanelKind; period: string; value: number | null; previous: number | null; trend: 'up' | 'down' | 'flat' | null;
  status: Status; severity: Severity | null; points: { label: string; unitId: number | null; value: number | null; status: Status }[];
}
export interface FieldData { field: string; unit: { id: number; name: string }; date: string; panels: PanelFigures[] }

export interface RuleInput {
  nameVi: string; nameEn: string; targetKind: 'indicator' | 'element'; targetCode: string; unitLevel: UnitLevel; periodType: PeriodType;
  comparator: '<' | '<=' | '>' | '>='; threshold: number; severity: Severity; active: boolean;
}
export interface Rule extends RuleInput { id: number; createdBy: string; updatedAt: string }
export interface AlertType {
  code: string; field: string; name: { vi: string; en: string }; defaultSeverity: Severity; ackLimitMinutes: number | null;
  checklist: { key: string; vi: string; en: string }[];
}

export const panelKeys = {
  all: ['ioc'] as const,
  fields: () => ['ioc', 'fields'] as const,
  data: (code: string, unit: string | null, token?: string) => ['ioc', 'fields', code, 'data', unit, token ?? ''] as const,
  rules: () => ['ioc', 'rules'] as const,
  types: () => ['alerts', 'reference'] as const,
};

export const fieldsQuery = (token?: string) => queryOptions({ queryKey: panelKeys.fields(), queryFn: () => api<Field[]>('/api/ioc/fields', { headers: bearer(token) }) });
export const fieldDataQuery = (code: string, unit: string | null, token?: string) => queryOptions({
  queryKey: panelKeys.data(code, unit, token),
  queryFn: () => api<FieldData>(`/api/ioc/fields/${encodeURIComponent(code)}/panels/data${unit ? `?unit=${unit}` : ''}`, { headers: bearer(token) }),
});
export const savePanel = (input: PanelInput, id?: number) =>
  api<Panel>(id ? `/api/ioc/panels/${id}` : '/api/ioc/panels', { method: id ? 'PUT' : 'POST', body: input });
export const deletePanel = (id: number) => api<Panel>(`/api/ioc/panels/${id}`, { method: 'DELETE' });

export const rulesQuery = () => queryOptions({ queryKey: panelKeys.rules(), queryFn: () => api<Rule[]>('/api/ioc/rules') });
export const saveRule = (input: RuleInput, id?: number) => api<Rule>(id ? `/api/ioc/rules/${id}` : '/api/ioc/rules', { method: id ? 'PUT' : 'POST', body: input });
export const deleteRule = (id: number) => api<Rule>(`/api/ioc/rules/${id}`, { method: 'DELETE' });

export const alertTypesQuery = () => queryOptions({
  queryKey: panelKeys.types(), queryFn: async () => (await api<{ types: AlertType[] }>('/api/alerts/reference')).types,
});
export const saveAlertType = (code: string, input: Partial<Pick<AlertType, 'defaultSeverity' | 'ackLimitMinutes' | 'checklist'>>) =>
  api<AlertType>(`/api/alerts/types/${encodeURIComponent(code)}`, { method: 'PATCH', body: input });
