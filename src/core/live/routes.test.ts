import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { openSse, type SseClient } from '../../../test/sse.js';
import { publishLive } from './index.js';

let t: TestApp;
let base: string;
let admin: Session;
let officer: Session;
let ward: number;
let otherWard: number;
const open: SseClient[] = [];

const stream = async (session: Session | null, query = '', headers: Record<string, string> = {}) => {
  const client = await openSse(`${base}/api/live${query}`, { ...(session ? { cookie: session.cookie } : {}), ...headers });
  open.push(client);
  return client;
};

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  admin = await t.login('admin');
  officer = await t.login('canbo');
  ward = await unitId(t, '31507', '2025-07-01');
  otherWard = await unitId(t, '31510', '2025-07-01');
});
afterAll(async () => {
  for (const client of open) client.close();
  await t?.close();
});

describe('the live stream', () => {
  it('refuses the anonymous and bad parameters with a clear 4xx', async () => {
    expect((await stream(null)).status).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/live?topics=alert,gossip', headers: { cookie: officer.cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('topics');
    expect(bad.json().error.messages.vi).toContain('alert');
    const badId = await t.app.inject({ method: 'GET', url: '/api/live', headers: { cookie: officer.cookie, 'last-event-id': 'yesterday' } });
    expect(badId.statusCode).toBe(400);
  });

  it('delivers a committed change, to those whose units it concerns, and nothing that rolled back', async () => {
    const officerStream = await stream(officer, '?topics=alert');
    const adminStream = await stream(admin, '?topics=alert');
    expect(officerStream.status).toBe(200);
    await t.database.db.transaction().execute(async (trx) => {
      await publishLive(trx, { topic: 'alert', unitIds: [ward], payload: { alertId: 1, action: 'rolled-back' } });
      throw new Error('undo');
    }).catch(() => undefined);
    await publishLive(t.database.db, { topic: 'alert', unitIds: [otherWard], payload: { alertId: 2, action: 'raised' } });
    await publishLive(t.database.db, { topic: 'alert', unitIds: [ward], payload: { alertId: 3, action: 'raised' } });
    await publishLive(t.database.db, { topic: 'case', unitIds: [ward], payload: { caseId: 9 } });
    const seen = await officerStream.next((f) => f.data.alertId === 3);
    expect(seen.event).toBe('alert');
    await adminStream.next((f) => f.data.alertId === 3);
    expect(officerStream.frames.map((f) => f.data.alertId)).toEqual([3]);
    expect(adminStream.frames.map((f) => f.data.alertId)).toEqual([2, 3]);
  });

  it('replays what a client missed after the id it last saw, in order, then follows', async () => {
    const first = await stream(admin, '?topics=value');
    await publishLive(t.database.db, { topic: 'value', payload: { n: 1 } });
    const seen = await first.next((f) => f.data.n === 1);
    first.close();
    await publishLive(t.database.db, { topic: 'value', payload: { n: 2 } });
    await publishLive(t.database.db, { topic: 'value', payload: { n: 3 } });
    const again = await stream(admin, '?topics=value', { 'last-event-id': seen.id! });
    await publishLive(t.database.db, { topic: 'value', payload: { n: 4 } });
    await again.next((f) => f.data.n === 4);
    expect(again.frames.map((f) => f.data.n)).toEqual([2, 3, 4]);
  });

  it('gives each person their own notifications, and a wall screen none', async () => {
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình', scopes: ['wall'] } })).json().token;
    const wall = await stream(null, '?topics=notification,alert', { authorization: `Bearer ${token}` });
    const mine = await stream(officer, '?topics=notification');
    const me = (await officer.request({ method: 'GET', url: '/api/auth/me' })).json().user.id;
    await publishLive(t.database.db, { topic: 'notification', userIds: [me], payload: { count: 1 } });
    await publishLive(t.database.db, { topic: 'alert', payload: { alertId: 10 } });
    await mine.next((f) => f.data.count === 1);
    await wall.next((f) => f.data.alertId === 10);
    expect(wall.frames.some((f) => f.event === 'notification')).toBe(false);
  });

  it('hears an alert raised through the API', async () => {
    const watcher = await stream(officer, '?topics=alert');
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: '114', scopes: ['alerts'] } })).json().token;
    const raised = await t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` },
      payload: { type: 'HOTLINE_114', title: { vi: 'Cháy' }, unitId: ward },
    });
    const frame = await watcher.next((f) => f.data.alertId === raised.json().id);
    expect(frame.data).toMatchObject({ action: 'raised', severity: 'critical' });
  });
});
