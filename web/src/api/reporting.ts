import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export type Frequency = 'month' | 'quarter' | 'sixmonth' | 'year';
export type ReportAction = 'submit' | 'approve' | 'return' | 'unlock';
export interface Due {
  regime: string; nameVi: string; nameEn: string; demo: boolean; period: string; start: string; end: string; dueDate: string;
  reportId: number | null; state: string | null; submittedAt: string | null;
}
export interface FormItem { element: string; coc?: string; required: boolean; min?: number; max?: number }
export type FormSection =
  | { code: string; kind: 'data'; titleVi: string; titleEn: string; items: FormItem[] }
  | { code: string; kind: 'narrative'; titleVi: string; titleEn: string; outline: string[]; outlineEn?: string[]; required?: boolean };
/** A check between two items of a form (or sums of them), refused or warned of when it does not hold. */
export interface FormRule { code: string; left: string; op: '<=' | '<' | '=' | '>=' | '>'; right: string; severity: 'error' | 'warning'; messageVi: string; messageEn: string }
export interface FormDefinition { sections: FormSection[]; rules: FormRule[] }
export interface Finding { severity: 'error' | 'warning'; code: string; field: string; vi: string; en: string }
export interface ReportView {
  id: number; regime: { code: string; nameVi: string; nameEn: string; demo: boolean }; form: { version: number; definition: FormDefinition };
  elements: Record<string, { nameVi: string; nameEn: string; unit: string | null; unitEn: string | null }>;
  cocs: Record<string, { nameVi: string; nameEn: string }>;
  unit: { id: number; name: string }; period: { code: string; start: string; end: string }; dueDate: string; state: string;
  values: Record<string, number | null>; narrative: Record<string, string>; revision: number;
  chain: { id: number; name: string; approved: boolean }[]; findings: Finding[];
  attachments: { id: number; fileName: string; size: number }[];
  timeline: { id: number; at: string; action: string; actor_name: string; note: string | null; to_state: string | null }[];
}
export interface Waiting { id: number; regime: string; nameVi: string; nameEn: string; unit: string | null; period: string; dueDate: string; submittedAt: string }
export interface RegimeRow {
  code: string; nameVi: string; nameEn: string; frequency: Frequency; deadline: { kind: string; days?: number; day?: number }; electronic: boolean; demo: boolean;
  receivingUnit: string | null;
}
export interface Regime {
  code: string; name_vi: string; name_en: string; kind: string; content: string; reporting_level: string | null; reporting_unit_ids: number[]; reporting_unit_type: string | null;
  sending_method: string; frequency: string; period_basis: string; deadline_rule: Record<string, unknown>; guidance: string | null; legal_basis: string | null; electronic: boolean;
  form: { version: number; definition: unknown };
}
export interface CompletenessRow {
  unitId: number; unit: string; parentId: number | null; reportId: number | null; state: string | null; submittedOn: string | null; status: 'on_time' | 'late' | 'missing' | 'pending';
}
export interface Completeness {
  dueDate: string; expected: number; submitted: number; onTime: number; late: number; missing: number; pending: number; approved: number; rate: number | null; onTimeRate: number | null;
  period: { code: string; start: string; end: string }; units: CompletenessRow[];
}
export interface Draft { values: Record<string, number | null>; narrative: Record<string, string>; revision: number }

export const reportingKeys = {
  all: ['reporting'] as const,
  due: () => [...reportingKeys.all, 'due'] as const,
  queue: () => [...reportingKeys.all, 'queue'] as const,
  report: (id: number) => [...reportingKeys.all, 'report', id] as const,
  regimes: () => [...reportingKeys.all, 'regimes'] as const,
  regime: (code: string) => [...reportingKeys.all, 'regime', code] as const,
  completeness: (regime: string, period: string) => [...reportingKeys.all, 'completeness', regime, period] as const,
};

export const dueQuery = () => queryOptions({ queryKey: reportingKeys.due(), queryFn: () => api<Due[]>('/api/reporting/due') });
export const queueQuery = () => queryOptions({ queryKey: reportingKeys.queue(), queryFn: () => api<Waiting[]>('/api/reporting/queue') });
export const reportQuery = (id: number) => queryOptions({ queryKey: reportingKeys.report(id), queryFn: () => api<ReportView>(`/api/reporting/reports/${id}`) });
export const regimesQuery = () => queryOptions({ queryKey: reportingKeys.regimes(), queryFn: () => api<RegimeRow[]>('/api/reporting/regimes') });
export const regimeQuery = (code: string) => queryOptions({ queryKey: reportingKeys.regime(code), queryFn: () => api<Regime>(`/api/reporting/regimes/${code}`) });
export const completenessQuery = (regime: string, period: string) => queryOptions({
  queryKey: reportingKeys.completeness(regime, period),
  // Without a period, the latest period due.
  queryFn: () => api<Completeness>(`/api/reporting/completeness?regime=${regime}${period ? `&period=${period}` : ''}`),
});

const reportUrl = (id: number) => `/api/reporting/reports/${id}`;
export const openReport = (body: { regime: string; unitId: number; period: string }) => api<ReportView>('/api/reporting/reports', { method: 'POST', body });
export const saveDraft = (id: number, draft: Draft) => api<{ revision: number; findings: Finding[] }>(reportUrl(id), { method: 'PUT', body: draft });
export const reportAction = (id: number, action: ReportAction, note: string) => api(`${reportUrl(id)}/${action}`, { method: 'POST', body: note.trim() ? { note } : {} });
export async function attachFiles(id: number, files: FileList) {
  const form = new FormData();
  for (const f of Array.from(files)) form.append('file', f, f.name);
  return api(`${reportUrl(id)}/attachments`, { method: 'POST', body: form });
}
export const detachFile = (id: number, attachmentId: number) => api(`${reportUrl(id)}/attachments/${attachmentId}`, { method: 'DELETE' });
export const attachmentUrl = (id: number, attachmentId: number) => `${reportUrl(id)}/attachments/${attachmentId}`;
export const reportXlsxUrl = (id: number) => `${reportUrl(id)}/xlsx`;
export const saveRegime = (code: string, body: Record<string, unknown>) => api<{ formVersion: number }>(`/api/reporting/regimes/${code}`, { method: 'PUT', body });
export const remind = (body: { regime: string; period: string; unitIds?: number[] }) => api<{ reminded: number }>('/api/reporting/remind', { method: 'POST', body });
