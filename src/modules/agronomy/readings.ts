import type { Db } from '../../db/database.js';
import { vnDate } from '../../core/calendar/index.js';
import { dayExtremes, devicesOfKinds, NIGHT_HOURS_VN, nightTotals, type PlacedDevice } from '../devices/index.js';
import { agronomyReference } from './reference.js';
import { dayInPerMille } from './science/salinity.js';

// The traps' nights and the stations' days, read from the devices' aggregates in the terms agronomy decides by.

export const TRAP_KIND = 'LIGHT_TRAP';
export const STATION_KIND = 'SALINITY_STATION';

/** The night in progress or just ended: dated by its evening, it turns at 18:00 Việt Nam time. */
export const currentNight = (now: Date) => vnDate(new Date(now.getTime() - NIGHT_HOURS_VN.start * 3_600_000));

export interface TrapNight { deviceId: number; unitId: number | null; species: string; night: string; count: number }

export async function trapNights(db: Db, range: { from: string; to: string }, deviceIds?: number[], traps?: PlacedDevice[]): Promise<TrapNight[]> {
  const { species } = agronomyReference();
  const placed = traps ?? await devicesOfKinds(db, [TRAP_KIND], deviceIds);
  const unit = new Map(placed.map((d) => [d.id, d.unitId]));
  const totals = await nightTotals(db, { deviceIds: placed.map((d) => d.id), keys: species.map((s) => s.code), ...range });
  return totals.map((t) => ({ deviceId: t.deviceId, unitId: unit.get(t.deviceId) ?? null, species: t.key, night: t.night, count: t.total }));
}

export interface StationDay { deviceId: number; unitId: number | null; day: string; min: number; max: number; from: string }

/** Each station's salinity extremes per day in ‰, whichever of its keys it measures them by. */
export async function stationDays(db: Db, range: { from: string; to: string }, deviceIds?: number[], stations?: PlacedDevice[]): Promise<StationDay[]> {
  const { perMille, keys } = salinityKeys();
  const placed = stations ?? await devicesOfKinds(db, [STATION_KIND], deviceIds);
  const unit = new Map(placed.map((d) => [d.id, d.unitId]));
  const byDay = new Map<string, Map<string, { min: number; max: number; mean: number }>>();
  for (const e of await dayExtremes(db, { deviceIds: placed.map((d) => d.id), keys, ...range })) {
    const k = `${e.deviceId}|${e.day}`;
    if (!byDay.has(k)) byDay.set(k, new Map());
    byDay.get(k)!.set(e.key, e);
  }
  const days: StationDay[] = [];
  for (const [k, day] of byDay) {
    const converted = dayInPerMille(day, perMille);
    if (!converted) continue;
    const [id, date] = k.split('|') as [string, string];
    days.push({ deviceId: Number(id), unitId: unit.get(Number(id)) ?? null, day: date, ...converted });
  }
  return days.sort((a, b) => a.day.localeCompare(b.day) || a.deviceId - b.deviceId);
}

export function salinityKeys() {
  const perMille = agronomyReference().settings.salinity.unitsPerMille;
  return { perMille, keys: [...Object.keys(perMille), 'conductivity', 'temperature'] };
}
