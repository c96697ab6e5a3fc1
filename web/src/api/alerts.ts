import { queryOptions } from '@tanstack/react-query';
import { api, bearer } from './client';

export type Severity = 'critical' | 'major' | 'minor' | 'warning' | 'info';
export type AlertState = 'open' | 'acknowledged' | 'assigned' | 'resolved' | 'closed' | 'dismissed';
export type AlertAction = 'acknowledge' | 'assign' | 'resolve' | 'close' | 'dismiss' | 'reopen' | 'note' | 'check' | 'uncheck';
export const SEVERITIES: Severity[] = ['critical', 'major', 'minor', 'warning', 'info'];

type Bi = { vi: string; en: string };
type Named = { id: number; name: string } | null;
export interface Alert {
  id: number; type: string; typeName: Bi; severity: Severity; field: string; fieldName: Bi; state: AlertState; unit: Named;
  location: { lat: number; lon: number } | null; title: Bi; details: Bi; source: string; externalId: string | null; occurrences: number;
  raisedAt: string; lastSeenAt: string; acknowledgedAt: string | null; resolvedAt: string | null; closedAt: string | null;
  ackLimitMinutes: number | null; assignedUnit: Named; assignedUser: Named; escalationLevel: number; escalatedUnit: Named;
  dismissReason: string | null; checklist: { key: string; vi: string; en: string; done: boolean; by: string | null; at: string | null }[];
  hasImage: boolean; evidence?: Record<string, unknown>;
}
export interface AlertPage { alerts: Alert[]; counts: Record<Severity, number> }
export interface AlertDetail extends Alert {
  timeline: { id: number; at: string; actor: string; action: string; from: AlertState | null; to: AlertState | null; note: string }[];
}

export const alertKeys = {
  all: ['alerts'] as const,
  list: (params: string) => [...alertKeys.all, 'list', params] as const,
  detail: (id: number) => [...alertKeys.all, 'detail', id] as const,
};

/** A display screen signs in with its token, not a session. */

export const alertsQuery = (params = '', token?: string) => queryOptions({
  queryKey: alertKeys.list(params), queryFn: () => api<AlertPage>(`/api/alerts${params ? `?${params}` : ''}`, { headers: bearer(token) }),
});
export const alertQuery = (id: number) => queryOptions({ queryKey: alertKeys.detail(id), queryFn: () => api<AlertDetail>(`/api/alerts/${id}`) });

export const actOnAlert = (id: number, body: { action: AlertAction; note?: string; unitId?: number; step?: string }) =>
  api<{ id: number; from: AlertState; state: AlertState }>(`/api/alerts/${id}/act`, { method: 'POST', body });

/** What a person can do next with an alert in each state (the server refuses the rest with a 409). */
export const NEXT_ACTIONS: Record<AlertState, AlertAction[]> = {
  open: ['acknowledge', 'resolve', 'dismiss'],
  acknowledged: ['resolve', 'dismiss'],
  assigned: ['resolve', 'dismiss'],
  resolved: ['close', 'reopen'],
  closed: ['reopen'],
  dismissed: ['reopen'],
};
export const ACTIVE: AlertState[] = ['open', 'acknowledged', 'assigned'];
