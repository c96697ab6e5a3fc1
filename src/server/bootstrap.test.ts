import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASE_URL, uniqueSchema } from '../../test/helpers.js';
import { openDatabase } from '../db/database.js';
import { prepareDatabase } from './bootstrap.js';

describe('two processes starting together on an empty database', () => {
  // The embedded database belongs to one process (its lock refuses a second): this is a PostgreSQL server's case.
  it.skipIf(!DATABASE_URL)('both start: one prepares the database, the other waits and finds nothing left to do', async () => {
    const schema = uniqueSchema();
    const [first, second] = await Promise.all([openDatabase({ url: DATABASE_URL, schema, poolSize: 2 }), openDatabase({ url: DATABASE_URL, schema, poolSize: 2 })]);
    try {
      const config = { demo: true, adminPassword: undefined, demoHistoryDays: 0 };
      const [a, b] = await Promise.all([prepareDatabase(first.db, config), prepareDatabase(second.db, config)]);
      expect([a.migrations.length, b.migrations.length].sort((x, y) => x - y)[0]).toBe(0);
      expect(a.migrations.length + b.migrations.length).toBeGreaterThan(15);
      const users = await first.db.selectFrom('app_user').select('username').orderBy('username').execute();
      expect(users.map((u) => u.username)).toEqual(['admin', 'canbo', 'htx', 'lanhdao', 'thamdinh']);
      const units = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit`.execute(first.db)).rows[0]!.n);
      expect(units).toBeGreaterThan(150);
      const regimes = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM report_regime`.execute(first.db)).rows[0]!.n);
      expect(regimes).toBe(13);
    } finally {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(first.db);
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('a warm start', () => {
  it('applies no migration and skips the reference data whose files are unchanged; changed files are offered to the loaders again', async () => {
    const schema = DATABASE_URL ? uniqueSchema() : undefined;
    const database = await openDatabase({ url: DATABASE_URL, schema });
    try {
      const config = { demo: true, adminPassword: undefined, demoHistoryDays: 0 };
      const first = await prepareDatabase(database.db, config);
      expect(first.referenceLoaded).toBe(true);
      const count = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_unit`.execute(database.db)).rows[0]!.n);
      const units = await count();
      const again = await prepareDatabase(database.db, config);
      expect(again).toMatchObject({ migrations: [], referenceLoaded: false });
      const stored = await database.db.selectFrom('app_setting').select('value').where('key', '=', 'reference_fingerprint').executeTakeFirstOrThrow();
      // As if the files had changed: the loaders run again and, finding their data there, add nothing twice.
      await database.db.updateTable('app_setting').set({ value: JSON.stringify('older') }).where('key', '=', 'reference_fingerprint').execute();
      await prepareDatabase(database.db, config);
      expect(await count()).toBe(units);
      const after = await database.db.selectFrom('app_setting').select('value').where('key', '=', 'reference_fingerprint').executeTakeFirstOrThrow();
      expect(after.value).toEqual(stored.value);
    } finally {
      if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(database.db);
      await database.close();
    }
  });
});
