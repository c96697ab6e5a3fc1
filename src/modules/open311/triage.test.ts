import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';

// A partner's report that no boundary places still reaches the province, which places it; and a partner's list shows
// only what the public list shows.

let t: TestApp;
let apiKey: string;
let admin: Session;
let officer: Session;
let socTrang: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
  apiKey = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 1022', scopes: ['open311'] } })).json().token;
  socTrang = await unitId(t, '31507', '2025-07-01');
});
afterAll(() => t?.close());

const post = (fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: new URLSearchParams({ api_key: apiKey, ...fields }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, remoteAddress: nextLoopback() });
const caseOf = (code: string) => t.database.db.selectFrom('case_record').select(['id', 'unit_id', 'place_unit_id', 'state']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).json() as { service_request_id: string }[];
const ids = (rows: { service_request_id: string }[]) => rows.map((r) => r.service_request_id);

describe('a report without a commune', () => {
  it('is accepted from a point no loaded boundary holds, and goes to the province, which places it', async () => {
    const res = await post({ service_code: 'WASTE', lat: '10.0', long: '106.0', description: 'Bãi rác tự phát ven kênh' });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json();
    expect(created.service_notice).toContain('Thành phố Cần Thơ');
    const c = await caseOf(created.service_request_id);
    expect(c).toMatchObject({ place_unit_id: null, unit_id: await unitId(t, '92', '2026-01-01'), state: 'routed' });
    // The commune's officer cannot see it yet; the province's triage places it and the rules route it on.
    expect((await officer.request({ method: 'GET', url: `/api/feedback/cases/${c.id}` })).statusCode).toBe(403);
    const placed = await admin.request({ method: 'PATCH', url: `/api/feedback/cases/${c.id}`, payload: { placeUnitId: socTrang } });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json()).toMatchObject({ changed: true, unit: { id: socTrang } });
    expect(await caseOf(created.service_request_id)).toMatchObject({ place_unit_id: socTrang, unit_id: socTrang, state: 'routed' });
    const seen = await officer.request({ method: 'GET', url: `/api/feedback/cases/${c.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'route', 'place']);
  });

  it('cannot be placed in a district or a unit that is no longer in force', async () => {
    const [created] = (await post({ service_code: 'WASTE', lat: '10.1', long: '106.1', description: 'Nước thải chảy ra sông' })).json();
    const { id } = await caseOf(created.service_request_id);
    for (const placeUnitId of [await unitId(t, '941', '2024-01-01'), await unitId(t, '92', '2026-01-01')]) {
      const res = await admin.request({ method: 'PATCH', url: `/api/feedback/cases/${id}`, payload: { placeUnitId } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'unit_not_in_force', field: 'placeUnitId' });
    }
  });

  it('from an operator is refused: an operator asks the caller where it happened', async () => {
    const res = await officer.request({ method: 'POST', url: '/api/feedback/operator', payload: { category: 'WASTE', description: 'Rác tồn đọng nhiều ngày', anonymous: true, consent: true, channel: 'hotline' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'place_required', field: 'placeUnitId' });
  });
});

describe('the partner feed shows what the public list shows', () => {
  it('leaves a returned report out of the list and the update feed, and still answers it by its id', async () => {
    const [kept] = (await post({ service_code: 'TRAFFIC', 'attribute[commune]': '31507', description: 'Ổ gà lớn trên đường Lê Lợi' })).json();
    const [returned] = (await post({ service_code: 'TRAFFIC', 'attribute[commune]': '31507', description: 'Nội dung không thuộc thẩm quyền' })).json();
    const { id } = await caseOf(returned.service_request_id);
    const act = await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload: { action: 'return', note: 'Không thuộc phạm vi phản ánh' } });
    expect(act.statusCode, act.body).toBe(200);
    const list = ids(await get('/open311/v2/requests.json?service_code=TRAFFIC'));
    expect(list).toContain(kept.service_request_id);
    expect(list).not.toContain(returned.service_request_id);
    expect(ids(await get('/open311/v2/requests.json?status=closed'))).not.toContain(returned.service_request_id);
    expect(ids(await get('/open311/v2/servicerequestupdates.json'))).not.toContain(returned.service_request_id);
    expect(ids(await get(`/open311/v2/requests/${returned.service_request_id}.json`))).toEqual([returned.service_request_id]);
    const publicList = (await t.app.inject({ method: 'GET', url: '/api/public/feedback?pageSize=100' })).json().items.map((r: { trackingCode: string }) => r.trackingCode);
    expect(publicList).not.toContain(returned.service_request_id);
  });
});
