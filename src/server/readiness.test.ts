import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KIND, type TestApp } from '../../test/helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t?.close());

/**
 * Holds every connection the app has (PGlite's one, the test pool's four on PostgreSQL) in transactions that keep
 * working, as a long import does, until `release` is called.
 */
function holdEveryConnection(): { release: () => void; done: Promise<void> } {
  let stop = false;
  const connections = DB_KIND === 'pglite' ? 1 : 4;
  const done = Promise.all(Array.from({ length: connections }, () => t.database.db.transaction().execute(async (trx) => {
    while (!stop) await sql`SELECT pg_sleep(0.05)`.execute(trx);
  }))).then(() => undefined);
  return { release: () => void (stop = true), done };
}

describe('readiness while the database is busy', () => {
  it('answers /readyz and /healthz at once while long work holds every connection, and says the engine is busy', async () => {
    const hold = holdEveryConnection();
    let holding = true;
    void hold.done.then(() => (holding = false));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [ready, health] = await Promise.all([t.app.inject({ method: 'GET', url: '/readyz' }), t.app.inject({ method: 'GET', url: '/healthz' })]);
    // Answered while the work still held the connections: it never queued behind them.
    expect(holding).toBe(true);
    hold.release();
    await hold.done;
    expect(health.statusCode).toBe(200);
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: DB_KIND, busy: DB_KIND === 'pglite' });
  });

  it('is ready and not busy when the database is idle', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', database: DB_KIND, busy: false });
  });
});
