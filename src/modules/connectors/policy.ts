import { ACCESS, type Access } from '../../core/access/index.js';

/** Connectors carry other systems' credentials and write figures for every unit: administrators alone set them up and run them. */
export const CONNECTOR_POLICY = {
  list: ACCESS.admins,
  configure: ACCESS.admins,
  run: ACCESS.admins,
} as const satisfies Record<string, Access>;

/** The header values to keep: a value sent back masked (as the API showed it) keeps the stored secret. */
export function mergeHeaders(given: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.startsWith('••••') && stored[k] !== undefined ? stored[k]! : v]));
}

/** Whether the data stopped changing: a stale limit is set and the last change (or the first pull) is older than it. */
export function isStale(connector: { stale_after_minutes: number | null; changed_at: Date | null }, now: Date): boolean {
  if (connector.stale_after_minutes === null || !connector.changed_at) return false;
  return now.getTime() - connector.changed_at.getTime() > connector.stale_after_minutes * 60_000;
}

/** When a connector is next due after a run at `now`. */
export const nextRun = (intervalMinutes: number, now: Date): Date => new Date(now.getTime() + intervalMinutes * 60_000);
