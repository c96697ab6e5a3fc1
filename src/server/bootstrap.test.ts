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
      const config = { demo: true, adminPassword: undefined };
      const [a, b] = await Promise.all([prepareDatabase(first.db, config), prepareDatabase(second.db, config)]);
      expect([a.migrations.length, b.migrations.length].sort((x, y) => x - y)[0]).toBe(0);
      expect(a.migrations.length + b.migrations.length).toBeGreaterThan(15);
      const users = await first.db.selectFrom('app_user').select('username').orderBy('username').execute();
      expect(users.map((u) => u.username)).toEqual(['admin', 'canbo', 'lanhdao', 'thamdinh']);
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
