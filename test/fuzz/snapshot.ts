import { sql } from 'kysely';
import type { Db } from '../../src/db/database.js';

/**
 * Tables whose rows are compared by their values, leaving out columns that change as their owner uses them: a
 * session's last sighting moves forward on its own requests (sessions.ts touches it). Every other table is compared
 * by its row count and the newest row version (xmin): an insert, an update — even one that changes nothing — or a
 * delete all show, and no large value (a photo, a boundary) is read.
 */
const BY_VALUE: Record<string, string[]> = {
  user_session: ['id', 'user_id', 'csrf_token', 'created_at'],
};

export type Snapshot = Map<string, string>;

const known = new WeakMap<Db, string[]>();

async function tablesOf(db: Db): Promise<string[]> {
  const cached = known.get(db);
  if (cached) return cached;
  const rows = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db);
  const tables = rows.rows.map((r) => r.table_name);
  known.set(db, tables);
  return tables;
}

/** One line per table, in one query: what a write anywhere would change. */
export async function snapshot(db: Db): Promise<Snapshot> {
  const parts = (await tablesOf(db)).map((name) => {
    const columns = BY_VALUE[name];
    const state = columns
      ? sql`coalesce(sum(hashtext(concat_ws('|', ${sql.join(columns.map((c) => sql`${sql.ref(`x.${c}`)}::text`))})))::bigint, 0)::text`
      : sql`coalesce(max(x.xmin::text::bigint), 0)::text`;
    return sql`SELECT ${name}::text AS t, count(*)::text || ':' || ${state} AS h FROM ${sql.table(name)} x`;
  });
  const result = await sql<{ t: string; h: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  return new Map(result.rows.map((r) => [r.t, r.h]));
}

/** The tables whose rows changed between two snapshots. */
export function changed(before: Snapshot, after: Snapshot): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t)).sort();
}

/**
 * Waits until no table changes for a while: the platform goes on writing after some answers (the feedback figures
 * are published again a moment after cases are written, live-figures.ts), and those writes belong to the route
 * that caused them.
 */
export async function quiet(db: Db, { windowMs = 700, pollMs = 150, maxMs = 15_000 } = {}): Promise<Snapshot> {
  let last = await snapshot(db);
  let stableSince = Date.now();
  const started = Date.now();
  while (Date.now() - stableSince < windowMs && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const next = await snapshot(db);
    if (changed(last, next).length) stableSince = Date.now();
    last = next;
  }
  return last;
}
