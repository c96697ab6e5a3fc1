import { sql } from 'kysely';
import type { JobDefinition } from '../../core/jobs/index.js';
import type { Db } from '../../db/database.js';

// The monthly partitions of telemetry: the months ahead made before readings reach them (telemetry_month of
// migration 0036), and, with a retention, whole months beyond it dropped, with their hourly and daily aggregates.
// Dropping a partition is instant whatever it holds, where a DELETE of a month of readings would not be.

/** The months prepared ahead of the current one. */
export const MONTHS_AHEAD = 3;
const PARTITION = /^telemetry_(\d{4})_(\d{2})$/;

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Makes a month's partition; readings of that month already in the default partition move into it. */
async function prepareMonth(db: Db, first: Date): Promise<string | null> {
  const name = `telemetry_${isoDay(first).slice(0, 7).replace('-', '_')}`;
  const exists = await sql<{ r: string | null }>`SELECT to_regclass(${name})::text AS r`.execute(db);
  if (exists.rows[0]?.r) return null;
  const next = monthStart(first.getUTCFullYear(), first.getUTCMonth() + 1);
  // A new partition may not be made while the default one holds rows of its range: they are taken out and put back.
  const moved = await sql<{ device_id: string; key: string; ts: Date; value: number }>`
    DELETE FROM telemetry_default WHERE ts >= ${first.toISOString()}::timestamptz AND ts < ${next.toISOString()}::timestamptz RETURNING *`.execute(db);
  await sql`SELECT telemetry_month(${isoDay(first)}::date)`.execute(db);
  if (moved.rows.length) {
    const rows = moved.rows;
    await sql`INSERT INTO telemetry (device_id, key, ts, value)
      SELECT * FROM unnest(${rows.map((r) => Number(r.device_id))}::bigint[], ${rows.map((r) => r.key)}::text[], ${rows.map((r) => new Date(r.ts).toISOString())}::timestamptz[], ${rows.map((r) => Number(r.value))}::float8[])`.execute(db);
  }
  return name;
}

/**
 * Prepares the current month and the MONTHS_AHEAD coming; with `retentionMonths` above 0, drops the monthly
 * partitions that ended before the first day of the month `retentionMonths` back, and the aggregates (hourly, daily,
 * nightly) before it.
 */
export async function maintainTelemetry(db: Db, now: Date, retentionMonths: number): Promise<{ created: string[]; dropped: string[] }> {
  const created: string[] = [];
  for (let i = 0; i <= MONTHS_AHEAD; i++) {
    const made = await prepareMonth(db, monthStart(now.getUTCFullYear(), now.getUTCMonth() + i));
    if (made) created.push(made);
  }
  const dropped: string[] = [];
  if (retentionMonths > 0) {
    const cutoff = monthStart(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths);
    const partitions = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'telemetry'::regclass ORDER BY 1`.execute(db);
    for (const { name } of partitions.rows) {
      const m = PARTITION.exec(name);
      if (!m || monthStart(Number(m[1]), Number(m[2]) - 1) >= cutoff) continue;
      await sql`DROP TABLE ${sql.id(name)}`.execute(db);
      dropped.push(name);
    }
    await sql`DELETE FROM telemetry_default WHERE ts < ${cutoff.toISOString()}::timestamptz`.execute(db);
    await db.deleteFrom('telemetry_hourly').where('hour', '<', cutoff).execute();
    await db.deleteFrom('telemetry_daily').where('day', '<', isoDay(cutoff)).execute();
    await db.deleteFrom('telemetry_nightly').where('night', '<', isoDay(cutoff)).execute();
  }
  return { created, dropped };
}

/** The devices module's scheduled job: once a day. */
export const deviceJobs = (retentionMonths: number): JobDefinition[] => [
  {
    name: 'devices.maintain',
    intervalSeconds: 86_400,
    run: async (db, now) => {
      const { created, dropped } = await maintainTelemetry(db, now, retentionMonths);
      return `telemetry partitions created: ${created.length ? created.join(', ') : 'none'}; dropped: ${dropped.length ? dropped.join(', ') : 'none'}${retentionMonths ? ` (kept ${retentionMonths} months)` : ''}`;
    },
  },
];
