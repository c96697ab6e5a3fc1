import { queryOptions } from '@tanstack/react-query';
import type { Priority } from '../../../src/core/cases/index.js';
import { api } from './client';

/** A case as the unit's inbox lists it. */
export interface CaseItem {
  id: number; trackingCode: string; category: string; state: string; priority: string; unit: string | null; unitId: number | null; receivedAt: string; dueDate: string;
  description: string; lat: number | null; lon: number | null; officer: string | null;
}
export type { Priority };
export interface CaseMedia { id: number; position: number; width: number; height: number; hidden: boolean; redacted: boolean; reviewed: boolean; url: string }
export interface CaseDetail {
  id: number; state: string; description: string; publicText: string; public_description: string | null; public_answer: string | null; due_date: string;
  tracking_code: string; category_code: string; priority: Priority; unit_id: number | null; place_unit_id: number | null;
  data: { anonymous?: boolean; contact?: { name: string; phone?: string; email?: string } | null };
  media: CaseMedia[];
  timeline: { id: number; at: string; action: string; to_state: string | null; note: string | null; internal: boolean; actor_kind: string; actor_name: string; data: { rating?: number; solved?: boolean } }[];
}
export interface Duplicate { id: number; trackingCode: string; state: string; distanceMeters: number; description: string }
export interface Officer { id: number; displayName: string }
export interface Template { id: number; title: string; body: string; category: string | null }
export interface RoutingRule { category: string | null; target: 'place' | 'place_parent' | 'unit'; unitId: number | null; unit?: string | null; note: string | null }
/** A rectangle over a photo, in fractions of its width and height. */
export interface Area { x: number; y: number; w: number; h: number }
export type CaseStep = 'accept' | 'start' | 'answer' | 'close';

export const feedbackKeys = {
  all: ['feedback'] as const,
  /** Every list of cases: the inbox under its filters, a case looked up by code, the home page's count. */
  lists: () => [...feedbackKeys.all, 'cases'] as const,
  list: (params: string) => [...feedbackKeys.lists(), params] as const,
  cases: () => [...feedbackKeys.all, 'case'] as const,
  case: (id: number) => [...feedbackKeys.cases(), id] as const,
  duplicates: (id: number) => [...feedbackKeys.all, 'duplicates', id] as const,
  officers: (unitId: number | undefined) => [...feedbackKeys.all, 'officers', unitId] as const,
  templates: () => [...feedbackKeys.all, 'templates'] as const,
  templatesOf: (category: string | undefined) => [...feedbackKeys.templates(), category ?? 'all'] as const,
  rules: () => [...feedbackKeys.all, 'routing-rules'] as const,
};

export const casesQuery = (params: string) => queryOptions({ queryKey: feedbackKeys.list(params), queryFn: () => api<CaseItem[]>(`/api/feedback/cases?${params}`) });
export const caseQuery = (id: number) => queryOptions({ queryKey: feedbackKeys.case(id), queryFn: () => api<CaseDetail>(`/api/feedback/cases/${id}`) });
export const duplicatesQuery = (id: number) => queryOptions({ queryKey: feedbackKeys.duplicates(id), queryFn: () => api<Duplicate[]>(`/api/feedback/cases/${id}/duplicates`) });
export const officersQuery = (unitId: number | undefined) => queryOptions({ queryKey: feedbackKeys.officers(unitId), queryFn: () => api<Officer[]>(`/api/feedback/officers?unitId=${unitId}`) });
/** A category's answer templates, or all of them. */
export const templatesQuery = (category?: string) => queryOptions({
  queryKey: feedbackKeys.templatesOf(category),
  queryFn: () => api<Template[]>(category === undefined ? '/api/feedback/templates' : `/api/feedback/templates?category=${category}`),
});
export const rulesQuery = () => queryOptions({ queryKey: feedbackKeys.rules(), queryFn: () => api<RoutingRule[]>('/api/feedback/routing-rules') });

const caseUrl = (id: number) => `/api/feedback/cases/${id}`;
export const recordOperatorReport = (body: Record<string, unknown>) => api<{ trackingCode: string }>('/api/feedback/operator', { method: 'POST', body });
export const runBulk = (ids: number[], body: Record<string, unknown>) => api<{ done: number }>('/api/feedback/cases/bulk', { method: 'POST', body: { ids, ...body } });
export const caseAction = (id: number, body: { action: CaseStep } | { action: 'answer'; answer: string } | { action: 'merge'; mergeInto: number }) =>
  api(`${caseUrl(id)}/actions`, { method: 'POST', body });
export const extendCase = (id: number, workingDays: number, reason: string) => api(`${caseUrl(id)}/extend`, { method: 'POST', body: { workingDays, reason } });
export const addNote = (id: number, text: string) => api(`${caseUrl(id)}/notes`, { method: 'POST', body: { text, internal: true } });
export const updateCase = (id: number, body: Record<string, unknown>) => api(caseUrl(id), { method: 'PATCH', body });
export const editPhoto = (id: number, mediaId: number, body: { areas?: Area[]; hidden?: boolean }) => api(`${caseUrl(id)}/photos/${mediaId}`, { method: 'POST', body });
export const saveRules = (rules: RoutingRule[]) => api('/api/feedback/routing-rules', {
  method: 'PUT', body: { rules: rules.map(({ category, target, unitId, note }) => ({ category, target, unitId, note })) },
});
export const createTemplate = (body: { title: string; body: string; category: string | null }) => api('/api/feedback/templates', { method: 'POST', body });
export const deleteTemplate = (id: number) => api(`/api/feedback/templates/${id}`, { method: 'DELETE' });
