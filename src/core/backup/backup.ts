import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { appliedMigrations } from '../../db/migrate.js';
import { BACKUP_FORMAT, dataLinePrefix, newHash, type BackupHeader, type EndRecord } from './format.js';

/**
 * A logical backup in one file (the format is in format.ts). Restoring reads the rows back with
 * json_populate_recordset, so a file taken from PGlite restores into a PostgreSQL server and back: both speak the same
 * SQL and run the same migrations.
 */
const CHUNK = 500;
/** Bookkeeping, not data: the migration list travels in the header; versions only grow; caches are rebuilt. */
export const NOT_BACKED_UP = [
  'schema_migration', 'org_unit_version', 'case_reference_version', 'data_value_year_version', 'data_value_year_total', 'analytics_cache', 'figure_definition_version',
  // The live stream is what screens heard in the last day: a restored database starts a stream of its own.
  'live_event',
];

/**
 * The tables a backup holds, by name. A partitioned table is one table: its monthly partitions are read through it
 * (a partition listed too would be written, and restored, twice) and a restore routes each row to its month.
 */
export async function appTables(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !NOT_BACKED_UP.includes(name));
}

/**
 * Writes every table, read from one snapshot, to `file` as it is read (never the whole database in memory), then the
 * end record that proves the file whole. The rows go to `FILE.partial`, which becomes `file` only once it is complete
 * and on disk: a backup that fails half-way leaves no file that looks like a backup, and never spoils an older one.
 */
export async function backupTo(db: Db, file: string, source: string): Promise<{ tables: number; rows: number; sha256: string }> {
  const tables = await appTables(db);
  const partial = `${file}.partial`;
  // A stale one (a crash mid-backup) would keep its own mode: the new one is created afresh, readable by its owner only.
  await fs.promises.rm(partial, { force: true });
  const gzip = zlib.createGzip();
  // flush: the file is on disk (fsync) before it is closed, and so before it is renamed.
  const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600, flush: true }));
  written.catch(() => undefined);
  const whole = newHash();
  async function write(line: string, hashes: { update(s: string): unknown }[]): Promise<void> {
    const text = `${line}\n`;
    for (const hash of hashes) hash.update(text);
    if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), written]);
  }
  try {
    const end = await db.connection().execute(async (conn) => {
      // One repeatable-read transaction: every table is read from the same snapshot.
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
      try {
        const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), source, migrations: await appliedMigrations(conn), tables };
        await write(JSON.stringify(header), [whole]);
        const record: EndRecord = { end: true, rows: 0, tables: {}, sha256: '' };
        for (const table of tables) {
          const hash = newHash();
          let rows = 0;
          await sql`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${sql.table(table)} t`.execute(conn);
          for (;;) {
            const chunk = await sql<{ j: string }>`FETCH ${sql.raw(String(CHUNK))} FROM backup_cursor`.execute(conn);
            if (chunk.rows.length === 0) break;
            rows += chunk.rows.length;
            await write(`${dataLinePrefix(table)}[${chunk.rows.map((r) => r.j).join(',')}]}`, [whole, hash]);
          }
          await sql`CLOSE backup_cursor`.execute(conn);
          record.tables[table] = { rows, sha256: hash.digest('hex') };
          record.rows += rows;
        }
        record.sha256 = whole.digest('hex');
        return record;
      } finally {
        await sql`COMMIT`.execute(conn);
      }
    });
    await write(JSON.stringify(end), []);
    gzip.end();
    await written;
    await fs.promises.rename(partial, file);
    return { tables: tables.length, rows: end.rows, sha256: end.sha256 };
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}
