import { sql } from 'kysely';
import { vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';

// The SQL of telemetry and its aggregates (telemetry_hourly, telemetry_daily, telemetry_nightly).

export interface Row { deviceId: number; key: string; ts: Date; value: number }

/**
 * Stores readings and adds those it stored to the hourly and Việt Nam daily aggregates, in one statement: a reading
 * already stored (a redelivery) is skipped by the key and counted nowhere. Answers how many were new.
 */
export async function insertReadings(db: Db, rows: Row[]): Promise<number> {
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.deviceId);
  const keys = rows.map((r) => r.key);
  const times = rows.map((r) => r.ts.toISOString());
  const values = rows.map((r) => r.value);
  const result = await sql<{ inserted: string }>`
    WITH input AS (
      -- One reading per (device, key, time) within the batch: the last sent wins, as a later write would.
      SELECT DISTINCT ON (device_id, key, ts) device_id, key, ts, value
      FROM unnest(${ids}::bigint[], ${keys}::text[], ${times}::timestamptz[], ${values}::float8[]) WITH ORDINALITY AS t(device_id, key, ts, value, n)
      ORDER BY device_id, key, ts, n DESC
    ), stored AS (
      INSERT INTO telemetry (device_id, key, ts, value) SELECT device_id, key, ts, value FROM input
      ON CONFLICT DO NOTHING RETURNING device_id, key, ts, value
    ), hourly AS (
      INSERT INTO telemetry_hourly AS h (device_id, key, hour, n, sum, min, max)
      SELECT device_id, key, date_trunc('hour', ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*), sum(value), min(value), max(value)
      FROM stored GROUP BY 1, 2, 3
      ON CONFLICT (device_id, key, hour) DO UPDATE SET n = h.n + excluded.n, sum = h.sum + excluded.sum, min = least(h.min, excluded.min), max = greatest(h.max, excluded.max)
      RETURNING 1
    ), daily AS (
      INSERT INTO telemetry_daily AS d (device_id, key, day, n, sum, min, max)
      SELECT device_id, key, ((ts AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*), sum(value), min(value), max(value)
      FROM stored GROUP BY 1, 2, 3
      ON CONFLICT (device_id, key, day) DO UPDATE SET n = d.n + excluded.n, sum = d.sum + excluded.sum, min = least(d.min, excluded.min), max = greatest(d.max, excluded.max)
      RETURNING 1
    ), nightly AS (
      -- 18:00–06:00 Việt Nam time (11:00–23:00 UTC), dated by the evening: what light traps count (migration 0039).
      INSERT INTO telemetry_nightly AS g (device_id, key, night, n, sum, min, max)
      SELECT device_id, key, ((ts AT TIME ZONE 'UTC') - interval '11 hours')::date, count(*), sum(value), min(value), max(value)
      FROM stored WHERE extract(hour FROM (ts AT TIME ZONE 'UTC') - interval '11 hours') < 12 GROUP BY 1, 2, 3
      ON CONFLICT (device_id, key, night) DO UPDATE SET n = g.n + excluded.n, sum = g.sum + excluded.sum, min = least(g.min, excluded.min), max = greatest(g.max, excluded.max)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM stored) AS inserted, (SELECT count(*) FROM hourly) + (SELECT count(*) FROM daily) + (SELECT count(*) FROM nightly) AS aggregated`.execute(db);
  return Number(result.rows[0]?.inserted ?? 0);
}

/** Marks devices seen (and their battery when a reading carried it) and counts what they sent that was refused. */
export async function touchDevices(db: Db, seen: Map<number, { at: Date; battery: number | null }>, bad: Map<number, { count: number; reason: string; at: Date }>): Promise<void> {
  if (seen.size) {
    const ids = [...seen.keys()];
    await sql`UPDATE device AS d SET last_seen_at = greatest(d.last_seen_at, v.at), battery = coalesce(v.battery, d.battery)
      FROM unnest(${ids}::bigint[], ${ids.map((id) => seen.get(id)!.at.toISOString())}::timestamptz[], ${ids.map((id) => seen.get(id)!.battery)}::float8[]) AS v(id, at, battery)
      WHERE d.id = v.id`.execute(db);
  }
  if (bad.size) {
    const ids = [...bad.keys()];
    await sql`UPDATE device AS d SET bad_payloads = d.bad_payloads + v.n, last_bad_reason = v.reason, last_bad_at = v.at
      FROM unnest(${ids}::bigint[], ${ids.map((id) => bad.get(id)!.count)}::int[], ${ids.map((id) => bad.get(id)!.reason)}::text[], ${ids.map((id) => bad.get(id)!.at.toISOString())}::timestamptz[]) AS v(id, n, reason, at)
      WHERE d.id = v.id`.execute(db);
  }
}

/** A device's readings of one key over a span, by the resolution asked: each reading, or hourly or daily aggregates. */
export async function readingSeries(db: Db, q: { deviceId: number; key: string; from: Date; to: Date; resolution: 'raw' | 'hour' | 'day'; limit: number }) {
  if (q.resolution === 'raw') {
    const rows = await db.selectFrom('telemetry').select(['ts', 'value']).where('device_id', '=', q.deviceId).where('key', '=', q.key)
      .where('ts', '>=', q.from).where('ts', '<', q.to).orderBy('ts').limit(q.limit).execute();
    return rows.map((r) => ({ at: r.ts.toISOString(), value: r.value, min: r.value, max: r.value, n: 1 }));
  }
  if (q.resolution === 'hour') {
    const rows = await db.selectFrom('telemetry_hourly').select(['hour', 'n', 'sum', 'min', 'max']).where('device_id', '=', q.deviceId).where('key', '=', q.key)
      .where('hour', '>=', q.from).where('hour', '<', q.to).orderBy('hour').limit(q.limit).execute();
    return rows.map((r) => ({ at: r.hour.toISOString(), value: r.sum / r.n, min: r.min, max: r.max, n: r.n }));
  }
  const rows = await db.selectFrom('telemetry_daily').select(['day', 'n', 'sum', 'min', 'max']).where('device_id', '=', q.deviceId).where('key', '=', q.key)
    .where('day', '>=', vnDate(q.from)).where('day', '<', vnDate(q.to)).orderBy('day').limit(q.limit).execute();
  return rows.map((r) => ({ at: String(r.day).slice(0, 10), value: r.sum / r.n, min: r.min, max: r.max, n: r.n }));
}

/** The latest reading of each key of a device. */
export async function latestReadings(db: Db, deviceId: number) {
  const rows = await sql<{ key: string; ts: Date; value: number }>`
    SELECT DISTINCT ON (key) key, ts, value FROM telemetry WHERE device_id = ${deviceId} ORDER BY key, ts DESC`.execute(db);
  return rows.rows.map((r) => ({ key: r.key, at: new Date(r.ts).toISOString(), value: Number(r.value) }));
}
