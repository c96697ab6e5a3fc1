import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { appliedMigrations } from '../../db/migrate.js';

/**
 * A logical backup in one file: gzip'd JSON lines, a header, then each table's rows in chunks, as PostgreSQL's own
 * row_to_json renders them. Restoring reads them back with json_populate_recordset, so a file taken from PGlite
 * restores into a PostgreSQL server and back: both speak the same SQL and run the same migrations.
 */
export const BACKUP_FORMAT = 'tinhso-backup/1';
const CHUNK = 500;
/** Bookkeeping, not data: the migration list travels in the header; versions only grow; caches are rebuilt. */
export const NOT_BACKED_UP = ['schema_migration', 'org_unit_version', 'case_reference_version', 'data_value_year_version', 'data_value_year_total', 'analytics_cache'];

interface Header {
  format: string;
  createdAt: string;
  source: string;
  migrations: string[];
  tables: string[];
}

async function appTables(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  return rows.rows.map((r) => r.name).filter((name) => !NOT_BACKED_UP.includes(name));
}

export async function backupTo(db: Db, file: string, source: string): Promise<{ tables: number; rows: number }> {
  let total = 0;
  const tables = await appTables(db);
  async function* lines(): AsyncGenerator<string> {
    // One repeatable-read transaction: every table is read from the same snapshot.
    const trx = await db.connection().execute(async (conn) => {
      const out: string[] = [];
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
      try {
        const header: Header = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), source, migrations: await appliedMigrations(conn), tables };
        out.push(JSON.stringify(header));
        for (const table of tables) {
          await sql`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${sql.table(table)} t`.execute(conn);
          for (;;) {
            const chunk = await sql<{ j: string }>`FETCH ${sql.raw(String(CHUNK))} FROM backup_cursor`.execute(conn);
            if (chunk.rows.length === 0) break;
            total += chunk.rows.length;
            out.push(`{"table":${JSON.stringify(table)},"rows":[${chunk.rows.map((r) => r.j).join(',')}]}`);
          }
          await sql`CLOSE backup_cursor`.execute(conn);
        }
      } finally {
        await sql`COMMIT`.execute(conn);
      }
      return out;
    });
    for (const line of trx) yield `${line}\n`;
  }
  await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(file, { mode: 0o600 }));
  return { tables: tables.length, rows: total };
}

export class BackupError extends Error {}

/** Replaces every row of the database with the file's, in one transaction: on any error nothing changes. */
export async function restoreFrom(db: Db, file: string): Promise<{ tables: number; rows: number; source: string }> {
  if (!fs.existsSync(file)) throw new BackupError(`no such file: ${file}`);
  const input = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next().catch(() => ({ done: true, value: undefined }));
  let header: Header;
  try {
    header = JSON.parse(first.value ?? '') as Header;
  } catch {
    throw new BackupError('not a Tỉnh Số backup (unreadable header)');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError(`not a Tỉnh Số backup (format ${String(header.format)})`);
  const applied = await appliedMigrations(db);
  if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
    throw new BackupError(`schema mismatch: backup has migrations [${header.migrations.join(', ')}], database has [${applied.join(', ')}]; run the same version`);
  }
  const tables = await appTables(db);
  const unknown = header.tables.filter((t) => !tables.includes(t));
  if (unknown.length) throw new BackupError(`backup has tables this database lacks: ${unknown.join(', ')}`);

  let rows = 0;
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL tinhso.restoring = 'on'`.execute(trx);
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
    // Cached answers belong to the data being replaced.
    await sql`TRUNCATE analytics_cache`.execute(trx);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const chunk = JSON.parse(next.value) as { table: string; rows: unknown[] };
      if (!tables.includes(chunk.table)) throw new BackupError(`unknown table in backup: ${chunk.table}`);
      await sql`INSERT INTO ${sql.table(chunk.table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(chunk.table)}, ${JSON.stringify(chunk.rows)}::json)`.execute(trx);
      rows += chunk.rows.length;
    }
    // Data values arrive before the units they refer to; their references are checked once all is in (0017).
    await sql`SELECT check_data_value_references()`.execute(trx);
    const identities = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(trx);
    for (const { table_name, column_name } of identities.rows) {
      await sql`SELECT setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce((SELECT max(${sql.ref(column_name)}) FROM ${sql.table(table_name)}), 0) + 1, false)`.execute(trx);
    }
  });
  return { tables: header.tables.length, rows, source: header.source };
}
