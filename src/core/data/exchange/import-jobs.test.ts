import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { prepareDatabase } from '../../../server/bootstrap.js';
import { failOrphanedImports } from './index.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

/** A job as a killed process leaves it: running, its upload spooled, its last heartbeat `secondsAgo` old. */
async function orphan(secondsAgo: number): Promise<{ id: string; file: string }> {
  const file = path.join(os.tmpdir(), `tinhso-import-test-${process.pid}-${secondsAgo}.csv`);
  fs.writeFileSync(file, 'dataelement,period,orgunit\n');
  const row = await t.database.db.insertInto('import_job').values({
    created_by: 'admin', status: 'running', format: 'csv', dry_run: false, atomic_mode: 'ALL', bytes_total: 30, rows_total: null, spool_file: file,
  }).returning('id').executeTakeFirstOrThrow();
  await sql`UPDATE import_job SET heartbeat_at = now() - make_interval(secs => ${secondsAgo}) WHERE id = ${row.id}`.execute(t.database.db);
  return { id: row.id, file };
}

describe('an import whose process was killed', () => {
  it('is marked failed with the reason once its lease lapses, and its spooled upload is removed; a live one is left alone', async () => {
    const dead = await orphan(300);
    const alive = await orphan(5);
    expect(await failOrphanedImports(t.database.db)).toBe(1);
    const job = (await admin.request({ method: 'GET', url: `/api/imports/${dead.id}` })).json();
    expect(job).toMatchObject({ status: 'failed', percent: 100 });
    expect(job.error).toMatch(/^interrupted/);
    expect(fs.existsSync(dead.file)).toBe(false);
    expect((await admin.request({ method: 'GET', url: `/api/imports/${alive.id}` })).json().status).toBe('running');
    expect(fs.existsSync(alive.file)).toBe(true);
  });

  it('is marked failed at the next start of the embedded database, which no other process can be running', async () => {
    const left = await orphan(1);
    await prepareDatabase(t.database.db, t.config, { soleProcess: true });
    expect((await admin.request({ method: 'GET', url: `/api/imports/${left.id}` })).json().status).toBe('failed');
    expect(fs.existsSync(left.file)).toBe(false);
  });
});
