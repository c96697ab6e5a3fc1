import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, backupTo, checkBackup, restoreFrom } from '../src/core/backup/index.js';
import { POSTGRES_URL, cleanUp, emptyDatabase, linesOf, livelyApp, snapshot, backupFolder } from './backup-helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = backupFolder();
});
afterAll(cleanUp);

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
    const restored = await restoreFrom(t.database.db, file);
    expect(restored).toMatchObject({ rows: summary.rows, sha256: summary.sha256 });
    expect(await snapshot(t.database)).toEqual(before);
    const version = await t.database.db.selectFrom('org_unit_version').select('version').executeTakeFirstOrThrow();
    expect(version.version).toBeGreaterThan(versionBefore);

    const again = await t.login('admin');
    const created = await again.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Sau khôi phục', scopes: ['read'] } });
    expect(created.statusCode).toBe(201);
    await t.close();
  });

  it('a backup ends with a record of every table: its row count and the SHA-256 of its lines', async () => {
    const t = await livelyApp();
    const before = await snapshot(t.database);
    const file = path.join(tmp, 'manifest.backup');
    const summary = await backupTo(t.database.db, file, t.database.kind);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const lines = linesOf(file);
    const header = JSON.parse(lines[0]!) as { format: string; tables: string[] };
    expect(header.format).toBe(BACKUP_FORMAT);
    const end = JSON.parse(lines.at(-1)!) as { end: true; rows: number; sha256: string; tables: Record<string, { rows: number; sha256: string }> };
    expect(end.end).toBe(true);
    expect(end.sha256).toBe(summary.sha256);
    expect(Object.keys(end.tables).sort()).toEqual([...header.tables].sort());
    for (const table of header.tables) expect(end.tables[table]!.rows, table).toBe(before[table]!.length);
    expect(end.rows).toBe(summary.rows);
    expect(await checkBackup(file)).toMatchObject({ rows: summary.rows, sha256: summary.sha256 });
    await t.close();
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
