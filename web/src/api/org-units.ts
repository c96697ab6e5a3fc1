import { queryOptions } from '@tanstack/react-query';
import { api, bearer } from './client';
import type { MapFeatureCollection } from '../components/UnitMap';

export interface Unit {
  id: number; code: string; name: string; shortName: string | null; type: string; level: 'province' | 'district' | 'commune' | 'department';
  parentId: number | null; parentCode: string | null; validFrom: string | null; validTo: string | null;
}
export interface TreeNode extends Unit { children: TreeNode[] }
export interface UnitLink { eventId: number; date: string; kind: string; legalBasis: string | null; note: string | null; unit: Unit }
export interface UnitDetail {
  unit: Unit; ancestors: Unit[]; children: Unit[]; predecessors: UnitLink[]; successors: UnitLink[];
  events: { eventId: number; date: string; kind: string; legalBasis: string | null; note: string | null; role: string }[];
  boundarySource: string | null;
}
/** Units in force on a day (today when absent), of one level or all. */
export interface UnitFilter { asOf?: string; level?: Unit['level'] }

export const orgUnitKeys = {
  all: ['org-units'] as const,
  list: (filter: UnitFilter = {}) => [...orgUnitKeys.all, 'list', filter] as const,
  tree: (asOf: string) => [...orgUnitKeys.all, 'tree', asOf] as const,
  detail: (id: number, asOf: string) => [...orgUnitKeys.all, 'detail', id, asOf] as const,
  /** The units a user may enter figures for: all of them, or the user's own unit and those below. */
  entry: (asOf: string, scopedTo: number | null) => [...orgUnitKeys.all, 'entry', asOf, scopedTo] as const,
  boundaries: () => [...orgUnitKeys.all, 'boundaries'] as const,
  boundariesOf: (asOf: string, level?: Unit['level']) => [...orgUnitKeys.boundaries(), asOf, level ?? 'all'] as const,
};

const query = (filter: UnitFilter) => new URLSearchParams({ ...(filter.asOf ? { asOf: filter.asOf } : {}), ...(filter.level ? { level: filter.level } : {}) }).toString();

export const unitsQuery = (filter: UnitFilter = {}) => queryOptions({
  queryKey: orgUnitKeys.list(filter),
  queryFn: () => api<Unit[]>(`/api/org-units${query(filter) ? `?${query(filter)}` : ''}`),
});
export const unitTreeQuery = (asOf: string) => queryOptions({ queryKey: orgUnitKeys.tree(asOf), queryFn: () => api<TreeNode[]>(`/api/org-units/tree?asOf=${asOf}`) });
export const unitDetailQuery = (id: number, asOf: string) => queryOptions({ queryKey: orgUnitKeys.detail(id, asOf), queryFn: () => api<UnitDetail>(`/api/org-units/${id}?asOf=${asOf}`) });
export const entryUnitsQuery = (asOf: string, scopedTo: number | null) => queryOptions({
  queryKey: orgUnitKeys.entry(asOf, scopedTo),
  queryFn: async () => {
    if (scopedTo === null) return api<Unit[]>(`/api/org-units?asOf=${asOf}`);
    const own = await api<{ unit: Unit }>(`/api/org-units/${scopedTo}`);
    const below = await api<Unit[]>(`/api/org-units/${scopedTo}/descendants?asOf=${asOf}`);
    return [own.unit, ...below];
  },
});
/** The units' boundaries on a day; the wall asks with its display token. */
export const boundariesQuery = (asOf: string, level?: Unit['level'], token?: string) => queryOptions({
  queryKey: orgUnitKeys.boundariesOf(asOf, level),
  queryFn: () => api<MapFeatureCollection>(`/api/org-units/boundaries?asOf=${asOf}${level ? `&level=${level}` : ''}`, { headers: bearer(token) }),
});

export const uploadBoundaries = (body: { asOf: string; source: string; collection: unknown }) => api<{ updated: number }>('/api/org-units/boundaries', { method: 'PUT', body });
