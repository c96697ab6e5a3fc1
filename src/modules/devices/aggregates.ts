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

/** The night of the night aggregate: 18:00 to 06:00 Việt Nam time, dated by its evening (migration 0039). */
export const NIGHT_HOURS_VN = { start: 18, end: 6 } as const;

/** Totals per device, key and night (the night of 14 → 15 March is 14 March), nights `from`..`to` inclusive. */
export async function nightTotals(db: Db, q: { deviceIds: number[]; keys: string[]; from: string; to: string }): Promise<NightTotal[]> {
  if (!q.deviceIds.length || !q.keys.length) return [];
  // One row per device and key, its nights as day offsets from `from`: a year of one trap is four rows, not 1,460
  // (the embedded database spends most of a small query decoding rows). The two aggregates of a group read the same
  // rows in the same order, so they stay aligned; they are sorted here, which costs the database a sort per group.
  const rows = await sql<{ device_id: string; key: string; days: number[]; totals: number[] }>`
    SELECT device_id, key, array_agg(night - ${q.from}::date) AS days, array_agg(sum) AS totals FROM telemetry_nightly
    WHERE device_id = ANY(${q.deviceIds}::bigint[]) AND key = ANY(${q.keys}::text[]) AND night BETWEEN ${q.from}::date AND ${q.to}::date
    GROUP BY device_id, key`.execute(db);
  const start = Date.parse(`${q.from}T00:00:00Z`);
  const out: NightTotal[] = [];
  for (const r of rows.rows) {
    const order = r.days.map((_, i) => i).sort((a, b) => Number(r.days[a]) - Number(r.days[b]));
    for (const i of order) out.push({ deviceId: Number(r.device_id), night: new Date(start + Number(r.days[i]) * 86_400_000).toISOString().slice(0, 10), key: r.key, total: Number(r.totals[i]) });
  }
  return out;
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
