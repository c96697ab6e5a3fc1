import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql: text, checksum: crypto.createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock makes concurrent starts of
 * several processes safe: the second waits, then finds nothing left to do. A migration edited after it was applied
 * is refused, because the database would no longer match the files.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  // Most starts find every migration applied: one read says so, instead of a transaction per migration.
  if (await allApplied(db, migrations)) return [];
  // Under the same lock as the migrations: two processes creating it at once would collide in the catalogue.
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':migrate'))`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migration (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':migrate'))`.execute(trx);
      const done = await trx.selectFrom('schema_migration').selectAll().where('name', '=', migration.name).executeTakeFirst();
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        return;
      }
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migration').values({ name: migration.name, checksum: migration.checksum }).execute();
      applied.push(migration.name);
    });
  }
  return applied;
}

/** Whether every migration is applied as it stands (an edited one is left for migrate() to refuse, under its lock). */
async function allApplied(db: Db, migrations: Migration[]): Promise<boolean> {
  const table = await sql<{ found: string | null }>`SELECT to_regclass('schema_migration')::text AS found`.execute(db);
  if (!table.rows[0]?.found) return false;
  const rows = await db.selectFrom('schema_migration').select(['name', 'checksum']).execute();
  const applied = new Map(rows.map((r) => [r.name, r.checksum]));
  return migrations.every((m) => applied.get(m.name) === m.checksum);
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('schema_migration').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}
