import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';
import { openSse, type SseClient } from './sse.js';

/** Every path that writes what a screen shows is heard on the stream, without the writer doing anything for it. */
let t: TestApp;
let base: string;
let officer: Session;
let admin: Session;
let ward: number;
const clients: SseClient[] = [];
const stream = async (session: Session, topics: string) => {
  const c = await openSse(`${base}/api/live?topics=${topics}`, { cookie: session.cookie });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  officer = await t.login('canbo');
  admin = await t.login('admin');
  ward = await unitId(t, '31507', '2025-07-01');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await t?.close();
});

describe('what the stream hears', () => {
  it('a citizen\'s report received: the case, and the officers\' new message', async () => {
    const cases = await stream(officer, 'case,notification');
    const sent = await t.app.inject({
      method: 'POST', url: '/api/public/feedback',
      payload: { category: 'LIGHTING', description: 'Đèn đường trước số 12 Lê Lợi tắt mấy hôm nay', placeUnitId: ward, consent: true, anonymous: true },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const frame = await cases.next((f) => f.event === 'case');
    expect(frame.data.caseIds).toHaveLength(1);
    await cases.next((f) => f.event === 'notification');
  });

  it('a value written', async () => {
    const values = await stream(admin, 'value');
    const res = await admin.request({
      method: 'POST', url: '/api/dataValueSets',
      payload: { dataValues: [{ dataElement: 'OFFICIAL_MAILBOX_PCT', period: '2026', orgUnit: '92', value: '81' }] },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    const frame = await values.next((f) => f.event === 'value');
    expect(frame.data.years).toContain(2026);
  });
});
