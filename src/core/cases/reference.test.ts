import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOpenedCase } from './index.js';
import { createTestApp, nextLoopback, unitId, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let socTrang: number;

beforeAll(async () => {
  t = await createTestApp();
  socTrang = await unitId(t, '31507', '2025-07-01');
});
afterAll(() => t?.close());

const send = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });
const report = { category: 'DRAINAGE', description: 'Cống bị tắc trước chợ, nước tràn lên đường', consent: true, anonymous: true };
const open311 = (apiKey: string) => t.app.inject({
  method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextLoopback(),
  payload: new URLSearchParams({ api_key: apiKey, service_code: 'DRAINAGE', 'attribute[commune]': '31507', description: 'Cống bị tắc trước chợ' }).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('the intake honours a change made anywhere at once', () => {
  it('routes by a rule changed directly in the database (as another process would) on the very next report', async () => {
    expect((await send({ ...report, placeUnitId: socTrang })).json().unit.id).toBe(socTrang);
    const department = await t.database.db.selectFrom('org_unit').select(['id', 'name']).where('level', '=', 'department').orderBy('code').executeTakeFirstOrThrow();
    await sql`INSERT INTO case_routing_rule (kind, category_code, target, unit_id, position) VALUES ('feedback', 'DRAINAGE', 'unit', ${department.id}, 1)`.execute(t.database.db);
    expect((await send({ ...report, placeUnitId: socTrang })).json().unit).toEqual({ id: department.id, name: department.name });
    await sql`DELETE FROM case_routing_rule WHERE category_code = 'DRAINAGE'`.execute(t.database.db);
    expect((await send({ ...report, placeUnitId: socTrang })).json().unit.id).toBe(socTrang);
  });

  it('refuses a category deactivated a moment ago, and accepts an API token created a moment ago, and not once it is revoked', async () => {
    await sql`UPDATE case_category SET active = false WHERE code = 'DRAINAGE'`.execute(t.database.db);
    expect((await send({ ...report, placeUnitId: socTrang })).json().error.field).toBe('category');
    await sql`UPDATE case_category SET active = true WHERE code = 'DRAINAGE'`.execute(t.database.db);
    const admin = await t.login('admin');
    expect((await open311('tsk_not-a-token')).statusCode).toBe(403);
    const { token, view } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Hệ thống 1022', scopes: ['open311'] } })).json();
    expect((await open311(token)).statusCode).toBe(201);
    await sql`UPDATE api_token SET revoked_at = now() WHERE id = ${view.id}`.execute(t.database.db);
    expect((await open311(token)).statusCode).toBe(403);
  });
});

describe('cases arriving together', () => {
  it('are written together, each once, with its own timeline and audit row', async () => {
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => send({ ...report, description: `Cống bị tắc ở hẻm số ${i + 1} đường Lê Lợi`, placeUnitId: socTrang })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(24).fill(201));
    const codes = results.map((r) => r.json().trackingCode as string);
    expect(new Set(codes).size).toBe(24);
    const rows = await t.database.db.selectFrom('case_record as c').select(['c.id', 'c.description'])
      .select((eb) => eb.selectFrom('case_event as e').select((x) => x.fn.countAll<string>().as('n')).whereRef('e.case_id', '=', 'c.id').as('events'))
      .select((eb) => eb.selectFrom('audit_log as a').select((x) => x.fn.countAll<string>().as('n')).whereRef('a.entity_id', '=', sql<string>`c.id::text`).where('a.entity', '=', 'case_record').as('audits'))
      .where('c.tracking_code', 'in', codes).execute();
    expect(rows).toHaveLength(24);
    for (const r of rows) expect([Number(r.events), Number(r.audits)], r.description).toEqual([2, 1]);
  });

  it('a case at fault fails alone: the others of its batch are written', async () => {
    const version = String((await t.database.db.selectFrom('case_reference_version').select('version').executeTakeFirstOrThrow()).version);
    const doc = (code: string, unit: number) => ({
      case: { kind: 'feedback', tracking_code: code, category_code: 'DRAINAGE', state: 'routed', description: 'Thử ghi theo lô', channel: 'web', place_unit_id: socTrang, unit_id: unit, priority: 'normal', received_at: new Date().toISOString(), due_date: '2030-01-01' },
      events: [{ at: new Date().toISOString(), actor_kind: 'system', actor_name: 'test', action: 'receive', to_state: 'received' }],
      audit: { actor_kind: 'system', actor_name: 'test', action: 'case.open', entity: 'case_record' },
      notifications: [],
    });
    const outcomes = await Promise.allSettled([
      writeOpenedCase(t.database.db, doc('LO-2222-0001', socTrang), version),
      writeOpenedCase(t.database.db, doc('LO-2222-0002', 987_654_321), version),
      writeOpenedCase(t.database.db, doc('LO-2222-0003', socTrang), version),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const written = await t.database.db.selectFrom('case_record').select('tracking_code').where('tracking_code', 'like', 'LO-2222-%').orderBy('tracking_code').execute();
    expect(written.map((w) => w.tracking_code)).toEqual(['LO-2222-0001', 'LO-2222-0003']);
    expect(await writeOpenedCase(t.database.db, doc('LO-2222-0004', socTrang), '-1')).toBeNull();
  });
});
