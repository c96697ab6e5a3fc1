import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.js';

/**
 * The floors under any importer into this store, measured on the rows an import just wrote (source_ref 'bench'):
 * PostgreSQL's own COPY of them into a copy of data_value and its indexes (no checks, history or triggers), the same
 * with each value's history row into a copy of data_value_history (the floor of a store with history), and
 * INSERT … SELECT of them (the way a set-based apply writes).
 */
export async function measureFloors(database: Database): Promise<{ floorCopySeconds: number; floorWithHistorySeconds: number; floorSeconds: number }> {
  const db = database.db;
  await sql`CREATE TABLE floor_target (LIKE data_value INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db);
  const FLOOR_COLUMNS = 'element_id, org_unit_id, period, period_type, start_date, end_date, coc_id, value, numeric_value, stored_by, source_kind, source_ref';
  const RESOLVED = `SELECT ${FLOOR_COLUMNS} FROM data_value WHERE source_ref = 'bench'`;
  await sql`CREATE TABLE floor_history (LIKE data_value_history INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db);
  const HISTORY_COLUMNS = 'data_value_id, changed_by, source_kind, source_ref, change, old_value, new_value, comment';
  const HISTORY = `SELECT ${HISTORY_COLUMNS} FROM data_value_history WHERE source_ref = 'bench'`;
  /** Seconds of PostgreSQL's COPY of a query's rows (read out beforehand) into a table. */
  async function copySecondsOf(query: string, table: string, columns: string): Promise<number> {
    if (database.pglite) {
      const resolved = await database.pglite.query(`COPY (${query}) TO '/dev/blob'`);
      const t = performance.now();
      await database.pglite.query(`COPY ${table} (${columns}) FROM '/dev/blob'`, [], { blob: resolved.blob! });
      return (performance.now() - t) / 1000;
    }
    const resolvedFile = path.join(os.tmpdir(), `tinhso-resolved-${process.pid}.txt`); // written and read by the server
    await sql.raw(`COPY (${query}) TO '${resolvedFile}'`).execute(db);
    const t = performance.now();
    await sql.raw(`COPY ${table} (${columns}) FROM '${resolvedFile}'`).execute(db);
    fs.rmSync(resolvedFile, { force: true });
    return (performance.now() - t) / 1000;
  }
  const floorCopySeconds = await copySecondsOf(RESOLVED, 'floor_target', FLOOR_COLUMNS);
  const floorWithHistorySeconds = floorCopySeconds + (await copySecondsOf(HISTORY, 'floor_history', HISTORY_COLUMNS));
  await sql`TRUNCATE floor_target`.execute(db);
  const t2 = performance.now();
  await sql.raw(`INSERT INTO floor_target (${FLOOR_COLUMNS}) ${RESOLVED}`).execute(db);
  const floorSeconds = (performance.now() - t2) / 1000;
  return { floorCopySeconds, floorWithHistorySeconds, floorSeconds };
}
