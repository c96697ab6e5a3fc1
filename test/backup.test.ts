import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { NOT_BACKED_UP, backupTo, restoreFrom } from '../src/core/backup/index.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createTestApp, uniqueSchema, type TestApp } from './helpers.js';

/** A PostgreSQL server for the cross-database cases: CI sets it on every pass; without one they are skipped. */
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-backup-'));
const open: Database[] = [];
const schemas: string[] = [];

afterAll(async () => {
  for (const d of open) await d.close().catch(() => undefined);
  if (POSTGRES_URL && schemas.length) {
    const admin = await openDatabase({ url: POSTGRES_URL, poolSize: 1 });
    for (const s of schemas) await sql`DROP SCHEMA IF EXISTS ${sql.id(s)} CASCADE`.execute(admin.db);
    await admin.close();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  const schema = kind === 'postgres' ? uniqueSchema() : undefined;
  if (schema) schemas.push(schema);
  const database = await openDatabase(kind === 'postgres' ? { url: POSTGRES_URL, schema, poolSize: 2 } : {});
  await migrate(database.db);
  open.push(database);
  return database;
}

/** Every row of every table, as UTC JSON text, so two databases can be compared whole. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TIME ZONE 'UTC'`.execute(trx);
    const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const { name } of tables.rows.filter((r) => !NOT_BACKED_UP.includes(r.name))) {
      const rows = await sql<{ j: string }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(name)} t`.execute(trx);
      out[name] = rows.rows.map((r) => r.j).sort();
    }
    return out;
  });
}

async function livelyApp(): Promise<TestApp> {
  const t = await createTestApp();
  const admin = await t.login('admin');
  await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Bẫy đèn 07', scopes: ['devices'] } });
  await admin.request({ method: 'PATCH', url: `/api/users/${(await admin.request({ method: 'GET', url: '/api/users?q=canbo' })).json().items[0].id}`, payload: { displayName: 'Trần Thị Bé' } });
  return t;
}

describe('backup and restore', () => {
  it('data written, backed up, wiped, restored: every row is back, and new rows get fresh ids', async () => {
    const t = await livelyApp();
    const before = await snapshot(t.database);
    const versionBefore = (await t.database.db.selectFrom('org_unit_version').select('version').executeTakeFirstOrThrow()).version;
    const file = path.join(tmp, 'same.backup');
    const summary = await backupTo(t.database.db, file, t.database.kind);
    expect(summary.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));

    // Wipe: remove the data the application wrote after the backup, and a restore must bring the old state back.
    const admin = await t.login('admin');
    await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Sau sao lưu', scopes: ['read'] } });
    await t.database.db.deleteFrom('user_session').execute();
    await restoreFrom(t.database.db, file);
    expect(await snapshot(t.database)).toEqual(before);
    const version = await t.database.db.selectFrom('org_unit_version').select('version').executeTakeFirstOrThrow();
    expect(version.version).toBeGreaterThan(versionBefore);

    const again = await t.login('admin');
    const created = await again.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Sau khôi phục', scopes: ['read'] } });
    expect(created.statusCode).toBe(201);
    await t.close();
  });

  it('refuses a file that is not a backup, and leaves the database untouched', async () => {
    const target = await emptyDatabase('pglite');
    const file = path.join(tmp, 'junk.backup');
    fs.writeFileSync(file, 'not gzip at all');
    await expect(restoreFrom(target.db, file)).rejects.toThrow(/not a Tỉnh Số backup/);
    await expect(restoreFrom(target.db, path.join(tmp, 'missing'))).rejects.toThrow(/no such file/);
  });

  it.skipIf(!POSTGRES_URL)('a backup from PGlite restores into PostgreSQL, and back into PGlite, with every row', async () => {
    const source = await livelyApp();
    expect(source.database.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    const original = await snapshot(source.database);
    const first = path.join(tmp, 'a.backup');
    await backupTo(source.database.db, first, source.database.kind);
    await source.close();

    const other = await emptyDatabase(source.database.kind === 'pglite' ? 'postgres' : 'pglite');
    await restoreFrom(other.db, first);
    expect(await snapshot(other)).toEqual(original);

    const second = path.join(tmp, 'b.backup');
    await backupTo(other.db, second, other.kind);
    const back = await emptyDatabase(source.database.kind === 'pglite' ? 'pglite' : 'postgres');
    await restoreFrom(back.db, second);
    expect(await snapshot(back)).toEqual(original);
  });
});
