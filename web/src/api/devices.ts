import { queryOptions } from '@tanstack/react-query';
import type { DeviceView } from '../../../src/modules/devices/index.js';
import { api } from './client';
import type { Json } from './json';

/** A field device as the server's schema says: its status, last contact, battery and refused payloads. */
export type Device = Json<DeviceView>;
export type DeviceStatus = Device['status'];
export interface DeviceKindKey { key: string; nameVi: string; nameEn: string; unit: string }
export interface DeviceKind { code: string; name: { vi: string; en: string }; intervalSeconds: number; keys: DeviceKindKey[]; provisioning: boolean }
/** The token is in this answer only, once: when a device is registered or its token replaced. */
export interface DeviceWithToken { device: Device; token: string }
export interface LatestReading { key: string; at: string; value: number }
export type Resolution = 'raw' | 'hour' | 'day';
export interface Series { key: string; resolution: Resolution; points: { at: string; value: number; min: number; max: number; n: number }[] }
export interface DeviceInput { kind: string; name: string; location: { lat: number; lon: number } | null; ownerUnitId: number | null }

export const deviceKeys = {
  all: ['devices'] as const,
  kinds: () => [...deviceKeys.all, 'kinds'] as const,
  list: (kind: string) => [...deviceKeys.all, 'list', kind] as const,
  detail: (id: number) => [...deviceKeys.all, 'detail', id] as const,
  latest: (id: number) => [...deviceKeys.all, 'latest', id] as const,
  series: (id: number, key: string, from: string, resolution: Resolution) => [...deviceKeys.all, 'series', id, key, from, resolution] as const,
};

/** Devices report on their own: their screens ask again every half minute. */
const REFRESH = 30_000;

export const deviceKindsQuery = () => queryOptions({ queryKey: deviceKeys.kinds(), queryFn: () => api<DeviceKind[]>('/api/device-kinds'), staleTime: 300_000 });
export const devicesQuery = (kind: string) => queryOptions({
  queryKey: deviceKeys.list(kind), refetchInterval: REFRESH,
  queryFn: () => api<Device[]>(`/api/devices?limit=1000${kind ? `&kind=${encodeURIComponent(kind)}` : ''}`),
});
export const deviceQuery = (id: number) => queryOptions({ queryKey: deviceKeys.detail(id), queryFn: () => api<Device>(`/api/devices/${id}`), refetchInterval: REFRESH, retry: false });
export const latestQuery = (id: number) => queryOptions({ queryKey: deviceKeys.latest(id), queryFn: () => api<LatestReading[]>(`/api/devices/${id}/latest`), refetchInterval: REFRESH });
export const seriesQuery = (id: number, key: string, from: string, to: string, resolution: Resolution) => queryOptions({
  queryKey: deviceKeys.series(id, key, from, resolution), refetchInterval: REFRESH,
  queryFn: () => api<Series>(`/api/devices/${id}/series?${new URLSearchParams({ key, from, to, resolution })}`),
});

export const createDevice = (body: DeviceInput) => api<DeviceWithToken>('/api/devices', { method: 'POST', body });
export const revokeDevice = (id: number) => api<Device>(`/api/devices/${id}/revoke`, { method: 'POST' });
export const replaceDeviceToken = (id: number) => api<DeviceWithToken>(`/api/devices/${id}/token`, { method: 'POST' });
