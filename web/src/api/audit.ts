import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface AuditEntry {
  id: number; at: string; actor_kind: string; actor_name: string; action: string; entity: string; entity_id: string | null; before: unknown; after: unknown; ip: string | null;
}
export interface AuditSearch { q: string; limit: number; offset: number }

export const auditKeys = {
  all: ['audit'] as const,
  list: (search: AuditSearch) => [...auditKeys.all, 'list', search] as const,
};

const params = ({ q, limit, offset }: AuditSearch) => `q=${encodeURIComponent(q)}&limit=${limit}&offset=${offset}`;
export const auditQuery = (search: AuditSearch) => queryOptions({
  queryKey: auditKeys.list(search),
  queryFn: () => api<{ items: AuditEntry[]; total: number }>(`/api/audit?${params(search)}`),
});
export const auditCsvUrl = (q: string) => `/api/audit?format=csv&limit=1000&q=${encodeURIComponent(q)}`;
