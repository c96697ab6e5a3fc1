import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { insertReadings, type Row } from './telemetry-repo.js';

// What other modules read of the telemetry: devices of a kind with their place, night totals and day extremes from
// the aggregates (never the raw partitions), and a way to store readings that arrive by another road (a form).

export interface PlacedDevice { id: number; name: string; kind: string; lat: number | null; lon: number | null; unitId: number | null; ownerUnitId: number | null; revoked: boolean }

/** Devices of the kinds given, revoked ones too (their history still counts), in name order. */
export async function devicesOfKinds(db: Db, kinds: string[], ids?: number[]): Promise<PlacedDevice[]> {
  let query = db.selectFrom('device').select(['id', 'name', 'kind_code', 'lat', 'lon', 'unit_id', 'owner_unit_id', 'revoked_at']).where('kind_code', 'in', kinds);
  if (ids) query = query.where('id', 'in', ids.length ? ids : [0]);
  const rows = await query.orderBy('name').execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, kind: r.kind_code, lat: r.lat, lon: r.lon, unitId: r.unit_id === null ? null : Number(r.unit_id), ownerUnitId: r.owner_unit_id === null ? null : Number(r.owner_unit_id), revoked: r.revoked_at !== null }));
}

export interface NightTotal { deviceId: number; night: string; key: string; total: number }

/**
 * Totals per device, key and night from the hourly aggregates, a night running from `startHour` to `endHour` Việt
 * Nam time and dated by its evening (the night of 14 → 15 March is 14 March). Nights `from`..`to` inclusive.
 */
export async function nightTotals(db: Db, q: { deviceIds: number[]; keys: string[]; from: string; to: string; startHour: number; endHour: number }): Promise<NightTotal[]> {
  if (!q.deviceIds.length || !q.keys.length) return [];
  // Việt Nam is UTC+7 all year: an hour's Việt Nam wall time is its UTC hour + 7; shifted back by the start hour,
  // every hour of one night falls on the date of its evening.
  const lengthHours = (q.endHour - q.startHour + 24) % 24 || 24;
  const rows = await sql<{ device_id: string; night: string; key: string; total: number }>`
    SELECT device_id, to_char(((hour AT TIME ZONE 'UTC') + make_interval(hours => (${7 - q.startHour})::int))::date, 'YYYY-MM-DD') AS night, key, sum(sum) AS total
    FROM telemetry_hourly
    WHERE device_id = ANY(${q.deviceIds}::bigint[]) AND key = ANY(${q.keys}::text[])
      AND hour >= (${q.from}::date + make_interval(hours => (${q.startHour - 7})::int))::timestamp AT TIME ZONE 'UTC'
      AND hour < (${q.to}::date + make_interval(hours => (${q.startHour - 7 + lengthHours})::int))::timestamp AT TIME ZONE 'UTC'
      AND extract(hour FROM (hour AT TIME ZONE 'UTC') + make_interval(hours => (${7 - q.startHour})::int)) < ${lengthHours}
    GROUP BY 1, 2, 3 ORDER BY 2, 1, 3`.execute(db);
  return rows.rows.map((r) => ({ deviceId: Number(r.device_id), night: r.night, key: r.key, total: Number(r.total) }));
}

export interface DayExtreme { deviceId: number; day: string; key: string; min: number; max: number; mean: number }

/** Each device's lowest, highest and mean reading of each key per Việt Nam day, days `from`..`to` inclusive. */
export async function dayExtremes(db: Db, q: { deviceIds: number[]; keys: string[]; from: string; to: string }): Promise<DayExtreme[]> {
  if (!q.deviceIds.length || !q.keys.length) return [];
  const rows = await db.selectFrom('telemetry_daily').select(['device_id', 'day', 'key', 'min', 'max', 'sum', 'n'])
    .where('device_id', 'in', q.deviceIds).where('key', 'in', q.keys).where('day', '>=', q.from).where('day', '<=', q.to)
    .orderBy('day').orderBy('device_id').execute();
  return rows.map((r) => ({ deviceId: Number(r.device_id), day: typeof r.day === 'string' ? r.day : new Date(r.day).toISOString().slice(0, 10), key: r.key, min: r.min, max: r.max, mean: r.sum / r.n }));
}

/** The last reading of each key given, per device. */
export async function lastReadings(db: Db, deviceIds: number[], keys: string[]): Promise<{ deviceId: number; key: string; ts: Date; value: number }[]> {
  if (!deviceIds.length || !keys.length) return [];
  const rows = await sql<{ device_id: string; key: string; ts: Date; value: number }>`
    SELECT d.id AS device_id, k.key, t.ts, t.value FROM unnest(${deviceIds}::bigint[]) AS d(id) CROSS JOIN unnest(${keys}::text[]) AS k(key)
    CROSS JOIN LATERAL (SELECT ts, value FROM telemetry WHERE device_id = d.id AND key = k.key ORDER BY ts DESC LIMIT 1) t`.execute(db);
  return rows.rows.map((r) => ({ deviceId: Number(r.device_id), key: r.key, ts: new Date(r.ts), value: r.value }));
}

/** Stores readings that came another way than the device (a technician's count): once each, aggregates in step. */
export const storeReadings = (db: Db, rows: Row[]): Promise<number> => insertReadings(db, rows);
