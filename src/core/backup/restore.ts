import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { appliedMigrations } from '../../db/migrate.js';
import { AppError } from '../../server/errors.js';
import { appTables } from './backup.js';
import { BackupChecker, backupLines, checkBackup, type CheckedBackup } from './format.js';

/**
 * Replaces every row of the database with the file's. The whole file is read and checked first (`checkBackup`, or
 * the caller's own check of the same file): a file cut short, damaged or edited is refused before anything is
 * touched. The rows then go in in one transaction, reading the file a second time through the same checks; should
 * the file differ from the one checked, the transaction rolls back. On any error the database stays as it was.
 */
export async function restoreFrom(db: Db, file: string, checked?: CheckedBackup): Promise<{ tables: number; rows: number; source: string; sha256: string }> {
  const backup = checked?.file === file ? checked : await checkBackup(file);
  const { header } = backup;
  const applied = await appliedMigrations(db);
  if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
    throw new AppError('backup_schema_mismatch', { file, backup: header.migrations.join(', '), database: applied.join(', ') });
  }
  const tables = await appTables(db);
  const unknown = header.tables.filter((t) => !tables.includes(t));
  if (unknown.length) throw new AppError('backup_tables_unknown', { file, tables: unknown.join(', ') });

  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL tinhso.restoring = 'on'`.execute(trx);
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
    await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
    // Cached answers belong to the data being replaced.
    await sql`TRUNCATE analytics_cache`.execute(trx);
    const again = new BackupChecker(file);
    for await (const { text, terminated } of backupLines(file)) {
      const chunk = again.read(text, terminated);
      if (!chunk) continue;
      await sql`INSERT INTO ${sql.table(chunk.table)} SELECT * FROM json_populate_recordset(NULL::${sql.table(chunk.table)}, ${chunk.rowsJson}::json)`.execute(trx);
    }
    if (again.finish().sha256 !== backup.sha256) throw new AppError('backup_changed', { file });
    // Data values arrive before the units they refer to; their references are checked once all is in (0017).
    await sql`SELECT check_data_value_references()`.execute(trx);
    const identities = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(trx);
    for (const { table_name, column_name } of identities.rows) {
      await sql`SELECT setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce((SELECT max(${sql.ref(column_name)}) FROM ${sql.table(table_name)}), 0) + 1, false)`.execute(trx);
    }
  });
  return { tables: header.tables.length, rows: backup.rows, source: header.source, sha256: backup.sha256 };
}
