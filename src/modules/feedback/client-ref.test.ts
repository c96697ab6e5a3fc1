import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { DATABASE_URL, nextLoopback, secondPool } from '../../../test/helpers.js';
import { t, socTrang, send, report, officer, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

// Issue 13, point 9: two "online" events at once sent a queued report twice and made two cases.
const casesOf = async (clientRef: string) => {
  const rows = await t.database.db.selectFrom('case_record').select(['id', 'tracking_code']).where('client_ref', '=', clientRef).execute();
  const events = await t.database.db.selectFrom('case_event').select('id').where('case_id', 'in', rows.length ? rows.map((r) => r.id) : [0]).execute();
  const audits = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'case.open').where('entity_id', 'in', rows.length ? rows.map((r) => String(r.id)) : ['0']).execute();
  return { rows, events: events.length, audits: audits.length };
};

describe('a report carries the id its sender made: one case per id', () => {
  it('answers the same id again with the case it made: 201, then 200 with the same tracking code', async () => {
    const clientRef = crypto.randomUUID();
    const body = { ...report, placeUnitId: socTrang, clientRef };
    const first = await send(body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await send(body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    const { rows, events, audits } = await casesOf(clientRef);
    expect(rows.map((r) => r.tracking_code)).toEqual([first.json().trackingCode]);
    expect([events, audits]).toEqual([2, 1]);
  });

  it('answers the case as it stands once it has moved on', async () => {
    const clientRef = crypto.randomUUID();
    const body = { ...report, placeUnitId: socTrang, clientRef };
    const first = (await send(body)).json();
    const { id } = (await casesOf(clientRef)).rows[0]!;
    expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload: { action: 'accept' } })).statusCode).toBe(200);
    const again = await send(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ trackingCode: first.trackingCode, state: 'accepted' });
  });

  it('makes one case when the same report arrives many times at once', async () => {
    const clientRef = crypto.randomUUID();
    const body = { ...report, placeUnitId: socTrang, clientRef };
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().trackingCode)).size).toBe(1);
    const { rows, events, audits } = await casesOf(clientRef);
    expect(rows).toHaveLength(1);
    expect([events, audits]).toEqual([2, 1]);
  });

  it('refuses an id reused for another report (422) and an id that is not a UUID (400)', async () => {
    const clientRef = crypto.randomUUID();
    expect((await send({ ...report, placeUnitId: socTrang, clientRef })).statusCode).toBe(201);
    const other = await send({ ...report, placeUnitId: socTrang, clientRef, description: 'Một phản ánh khác hẳn, về đèn đường hỏng.' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'client_ref_reused', field: 'clientRef' });
    expect(other.json().error.messages.vi).toContain('mã riêng');
    const bad = await send({ ...report, placeUnitId: socTrang, clientRef: 'lần-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('clientRef');
    expect((await casesOf(clientRef)).rows).toHaveLength(1);
  });

  it('without an id, each report is a case of its own', async () => {
    const body = { ...report, placeUnitId: socTrang };
    const [a, b] = await Promise.all([send(body), send(body)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().trackingCode).not.toBe(b.json().trackingCode);
  });

  // Two processes: two apps, each with its own connection pool, case writer and caches, on one PostgreSQL schema.
  it.skipIf(!DATABASE_URL)('makes one case when the same report reaches two processes at once', async () => {
    const second = await secondPool(t, 4);
    const other = await buildApp({ ...t.ctx, db: second.db }, { web: false });
    try {
      await other.ready();
      const clientRef = crypto.randomUUID();
      const payload = { ...report, placeUnitId: socTrang, clientRef };
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? other : t.app).inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() })));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.json().trackingCode)).size).toBe(1);
      expect((await casesOf(clientRef)).rows).toHaveLength(1);
    } finally {
      await other.close();
      await second.close();
    }
  });
});
