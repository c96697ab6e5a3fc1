import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { publishLive } from '../src/core/live/index.js';
import { createTestApp, DATABASE_URL, secondPool, type TestApp } from './helpers.js';
import { openSse, type SseClient } from './sse.js';

/**
 * Two server processes on one PostgreSQL database (here two apps, each with its own pool and listening connection,
 * as two processes have): a change committed through one reaches a stream served by the other.
 */
describe.skipIf(!DATABASE_URL)('the live stream across processes (PostgreSQL)', () => {
  let a: TestApp;
  let second: Database;
  let b: Awaited<ReturnType<typeof buildApp>>;
  let baseB: string;
  let cookie: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    a = await createTestApp();
    second = await secondPool(a);
    b = await buildApp({ db: second.db, dbKind: second.kind, config: a.config, now: () => new Date() }, { web: false });
    await b.listen({ port: 0, host: '127.0.0.1' });
    baseB = `http://127.0.0.1:${(b.server.address() as AddressInfo).port}`;
    cookie = (await a.login('lanhdao')).cookie;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await b?.close();
    await second?.close();
    await a?.close();
  });

  it('delivers an alert raised through one process to a client of the other', async () => {
    const watcher = await openSse(`${baseB}/api/live?topics=alert`, { cookie });
    clients.push(watcher);
    expect(watcher.status).toBe(200);
    const admin = await a.login('admin');
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: '113', scopes: ['alerts'] } })).json().token;
    const raised = await a.app.inject({ method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, payload: { type: 'HOTLINE_113', title: { vi: 'Gây rối trật tự' } } });
    expect(raised.statusCode).toBe(201);
    await watcher.next((f) => f.data.alertId === raised.json().id);
  });

  it('rejoins by itself when its listening connection is cut, and delivers what was published meanwhile', async () => {
    const watcher = await openSse(`${baseB}/api/live?topics=value`, { cookie });
    clients.push(watcher);
    const channel = (await sql<{ name: string }>`SELECT 'tinhso_live_' || current_schema() AS name`.execute(second.db)).rows[0]!.name;
    // What a database restart does to the listening connection.
    // OFFSET 0 keeps the filter apart from the termination, which the planner would otherwise apply to every row.
    const cut = await sql<{ pid: number }>`SELECT pg_terminate_backend(pid) FROM (SELECT pid FROM pg_stat_activity WHERE query = ${`LISTEN ${channel}`} OFFSET 0) s`.execute(a.database.db);
    // Every process listening (here both: each runs the rule engine) loses its link.
    expect(cut.rows.length).toBeGreaterThan(0);
    await publishLive(a.database.db, { topic: 'value', payload: { during: 'the cut' } });
    await watcher.next((f) => f.data.during === 'the cut', 10_000);
    await publishLive(a.database.db, { topic: 'value', payload: { after: 'rejoin' } });
    await watcher.next((f) => f.data.after === 'rejoin', 10_000);
  });
});

// Keeps the file meaningful on the embedded database, where one process is all there is.
describe.skipIf(!!DATABASE_URL)('the live stream in one process (PGlite)', () => {
  it('is served in-process', async () => {
    const t = await createTestApp();
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const cookie = (await t.login('lanhdao')).cookie;
      const watcher = await openSse(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/live?topics=report`, { cookie });
      await publishLive(t.database.db, { topic: 'report', payload: { reportId: 5 } });
      await watcher.next((f) => f.data.reportId === 5);
      watcher.close();
    } finally {
      await t.close();
    }
  });
});
