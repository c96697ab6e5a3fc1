import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { appTables } from '../src/core/backup/index.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createTestApp, uniqueSchema, type TestApp } from './helpers.js';

// What the backup tests share: databases to restore into, a whole-database snapshot, and a file's lines.
/** A PostgreSQL server for the cross-database cases: CI sets it on every pass; without one they are skipped. */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? process.env.DATABASE_URL;
const open: Database[] = [];
const schemas: string[] = [];
const folders: string[] = [];

/** A folder for a file's backups, removed by cleanUp(). */
export function backupFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-backup-'));
  folders.push(folder);
  return folder;
}

/** Closes what the file's tests opened: call it from the file's afterAll. */
export async function cleanUp(): Promise<void> {
  for (const d of open.splice(0)) await d.close().catch(() => undefined);
  if (POSTGRES_URL && schemas.length) {
    const admin = await openDatabase({ url: POSTGRES_URL, poolSize: 1 });
    for (const s of schemas.splice(0)) await sql`DROP SCHEMA IF EXISTS ${sql.id(s)} CASCADE`.execute(admin.db);
    await admin.close();
  }
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}

export async function emptyDatabase(kind: 'pglite' | 'postgres', options: { migrated?: boolean } = {}): Promise<Database> {
  const schema = kind === 'postgres' ? uniqueSchema() : undefined;
  if (schema) schemas.push(schema);
  const database = await openDatabase(kind === 'postgres' ? { url: POSTGRES_URL, schema, poolSize: 2 } : {});
  if (options.migrated ?? true) await migrate(database.db);
  open.push(database);
  return database;
}

/** Every row of every table, as UTC JSON text, so two databases can be compared whole. */
export async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TIME ZONE 'UTC'`.execute(trx);
    const out: Record<string, string[]> = {};
    // The tables a backup holds: a partitioned table's rows read once, through it.
    for (const name of await appTables(trx)) {
      const rows = await sql<{ j: string }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(name)} t`.execute(trx);
      out[name] = rows.rows.map((r) => r.j).sort();
    }
    return out;
  });
}

export async function livelyApp(): Promise<TestApp> {
  const t = await createTestApp();
  const admin = await t.login('admin');
  await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Bẫy đèn 07', scopes: ['devices'] } });
  // Rows of every kind a restore must order: telemetry in its monthly partitions with its aggregates, a device older
  // than the gateway it reports through, an alert of a type, a crop stage.
  const device = async (kind: string, name: string) => (await admin.request({ method: 'POST', url: '/api/devices', payload: { kind, name } })).json() as { device: { id: number }; token: string };
  const child = await device('LIGHT_TRAP', 'Bẫy con sao lưu');
  const gateway = await device('GATEWAY', 'Cổng sao lưu');
  await t.database.db.updateTable('device').set({ gateway_id: gateway.device.id }).where('id', '=', child.device.id).execute();
  const telemetry = await t.app.inject({ method: 'POST', url: `/api/v1/${child.token}/telemetry`, payload: [{ ts: Date.parse('2026-03-10T13:00:00Z'), values: { BPH: 12 } }, { ts: Date.parse('2026-04-10T13:00:00Z'), values: { BPH: 7 } }] });
  if (telemetry.statusCode !== 200) throw new Error(`telemetry: ${telemetry.body}`);
  const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài sao lưu', scopes: ['alerts'] } })).json().token as string;
  await t.app.inject({ method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, payload: { type: 'HOTLINE_114', title: { vi: 'Cháy nhà kho' } } });
  await admin.request({ method: 'PUT', url: '/api/agronomy/crop-stages', payload: { unitId: 1, stage: 'seedling', since: '2026-02-01' } });
  await admin.request({ method: 'PATCH', url: `/api/users/${(await admin.request({ method: 'GET', url: '/api/users?q=canbo' })).json().items[0].id}`, payload: { displayName: 'Trần Thị Bé' } });
  return t;
}

/** A backup's lines, decompressed (without the newline each ends with). */
export const linesOf = (file: string): string[] => zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(0, -1);
