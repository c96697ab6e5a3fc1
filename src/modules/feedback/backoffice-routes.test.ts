import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let officer: Session;
let reviewer: Session;
let admin: Session;
let socTrang: number;
let phuLoi: number;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  reviewer = await t.login('thamdinh');
  admin = await t.login('admin');
  socTrang = await unitId(t, '31507', '2025-07-01');
  phuLoi = await unitId(t, '31510', '2025-07-01');
});
afterAll(() => t?.close());

const send = async (placeUnitId: number, category = 'WASTE') => {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(), payload: { category, description: 'Rác thải tồn đọng ở đầu hẻm 12 đường Lê Lợi', placeUnitId, consent: true, anonymous: true } });
  const code = res.json().trackingCode as string;
  return (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
};
const stateOf = async (id: number) => (await t.database.db.selectFrom('case_record').select(['state', 'officer_id', 'priority', 'unit_id', 'category_code']).where('id', '=', id).executeTakeFirstOrThrow());

describe('bulk steps', () => {
  it('accepts and assigns many cases at once to an officer of the unit', async () => {
    const ids = [await send(socTrang), await send(socTrang), await send(socTrang)];
    const accepted = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids, action: 'accept' } });
    expect(accepted.json()).toEqual({ done: 3 });
    const officers = (await officer.request({ method: 'GET', url: `/api/feedback/officers?unitId=${socTrang}` })).json();
    const canbo = officers.find((o: { username: string }) => o.username === 'canbo');
    expect(canbo).toBeTruthy();
    const assigned = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids, action: 'assign', officerId: canbo.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    for (const id of ids) expect(await stateOf(id)).toMatchObject({ state: 'accepted', officer_id: canbo.id });
    const mine = (await officer.request({ method: 'GET', url: '/api/feedback/cases?mine=true' })).json();
    expect(mine.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining(ids));
    const told = await t.database.db.selectFrom('notification').select('case_id').where('user_id', '=', canbo.id).where('event', '=', 'case.assigned').execute();
    expect(told.map((n) => n.case_id)).toEqual(expect.arrayContaining(ids));
  });

  it('changes nothing when one case refuses, and names it', async () => {
    const fresh = await send(socTrang);
    const answered = await send(socTrang);
    for (const action of ['accept', 'start']) await officer.request({ method: 'POST', url: `/api/feedback/cases/${answered}/actions`, payload: { action } });
    await officer.request({ method: 'POST', url: `/api/feedback/cases/${answered}/actions`, payload: { action: 'answer', answer: 'Đã xử lý xong.' } });
    const res = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids: [fresh, answered], action: 'accept' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'transition_refused', field: 'ids.1', details: [{ caseId: answered, field: 'action' }] });
    expect((await stateOf(fresh)).state).toBe('routed');
    const other = await send(phuLoi);
    const outside = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids: [fresh, other], action: 'priority', priority: 'urgent' } });
    expect(outside.statusCode).toBe(403);
    expect((await stateOf(fresh)).priority).toBe('normal');
    const missing = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids: [fresh], action: 'assign' } });
    expect(missing.json().error.field).toBe('officerId');
  });

  it('refuses an officer of another unit as assignee', async () => {
    const id = await send(socTrang);
    const admin_ = await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'thamdinh').executeTakeFirstOrThrow();
    const res = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids: [id], action: 'assign', officerId: admin_.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('officerId');
  });
});

describe('changing a case', () => {
  it('sets a priority and re-routes on a change of category by the routing rules', async () => {
    const rules = await admin.request({ method: 'PUT', url: '/api/feedback/routing-rules', payload: { rules: [
      { category: 'LAND', target: 'place_parent', note: 'Đất đai: cấp trên của xã' },
      { category: null, target: 'place', note: 'Mặc định' },
    ] } });
    expect(rules.statusCode, rules.body).toBe(200);
    const id = await send(socTrang);
    expect((await officer.request({ method: 'PATCH', url: `/api/feedback/cases/${id}`, payload: { priority: 'high' } })).json()).toMatchObject({ changed: true });
    const city = await unitId(t, '92', '2025-07-01');
    const moved = await officer.request({ method: 'PATCH', url: `/api/feedback/cases/${id}`, payload: { category: 'LAND' } });
    expect(moved.json()).toMatchObject({ changed: true, unit: { id: city } });
    expect(await stateOf(id)).toMatchObject({ state: 'routed', unit_id: city, category_code: 'LAND', priority: 'high' });
    const timeline = (await reviewer.request({ method: 'GET', url: `/api/feedback/cases/${id}` })).json().timeline;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['receive', 'route', 'priority', 'recategorise']);
    const unknown = await reviewer.request({ method: 'PATCH', url: `/api/feedback/cases/${id}`, payload: { category: 'NOPE' } });
    expect(unknown.json().error.field).toBe('category');
    // The unit no longer holds it: the commune officer cannot change it any more.
    expect((await officer.request({ method: 'PATCH', url: `/api/feedback/cases/${id}`, payload: { priority: 'low' } })).statusCode).toBe(403);
  });

  it('keeps routing rules whole: the last one must catch every category, units and categories must exist', async () => {
    const noCatchAll = await admin.request({ method: 'PUT', url: '/api/feedback/routing-rules', payload: { rules: [{ category: 'LAND', target: 'place' }] } });
    expect(noCatchAll.json().error.field).toBe('rules.0.category');
    const noUnit = await admin.request({ method: 'PUT', url: '/api/feedback/routing-rules', payload: { rules: [{ category: 'LAND', target: 'unit' }, { category: null, target: 'place' }] } });
    expect(noUnit.json().error.field).toBe('rules.0.unitId');
    const badCategory = await admin.request({ method: 'PUT', url: '/api/feedback/routing-rules', payload: { rules: [{ category: 'NOPE', target: 'place' }, { category: null, target: 'place' }] } });
    expect(badCategory.json().error.field).toBe('rules.0.category');
    const rules = (await officer.request({ method: 'GET', url: '/api/feedback/routing-rules' })).json();
    expect(rules.map((r: { category: string | null }) => r.category)).toEqual(['LAND', null]);
  });
});

describe('answer templates', () => {
  it('are written by reviewers, read by every officer, filtered by category, and unique by title', async () => {
    const created = await reviewer.request({ method: 'POST', url: '/api/feedback/templates', payload: { title: 'Đã thu gom rác', body: 'UBND phường đã chỉ đạo thu gom rác thải trong ngày. Cảm ơn bạn đã phản ánh.', category: 'WASTE' } });
    expect(created.statusCode, created.body).toBe(201);
    await reviewer.request({ method: 'POST', url: '/api/feedback/templates', payload: { title: 'Cảm ơn', body: 'Cảm ơn bạn đã phản ánh; đơn vị đang xử lý.' } });
    const forWaste = (await officer.request({ method: 'GET', url: '/api/feedback/templates?category=WASTE' })).json();
    expect(forWaste.map((x: { title: string }) => x.title).sort()).toEqual(['Cảm ơn', 'Đã thu gom rác']);
    const forLand = (await officer.request({ method: 'GET', url: '/api/feedback/templates?category=LAND' })).json();
    expect(forLand.map((x: { title: string }) => x.title)).toEqual(['Cảm ơn']);
    const dup = await reviewer.request({ method: 'POST', url: '/api/feedback/templates', payload: { title: 'Cảm ơn', body: 'Một nội dung khác hẳn.' } });
    expect(dup.statusCode).toBe(409);
    const edit = await reviewer.request({ method: 'PUT', url: `/api/feedback/templates/${created.json().id}`, payload: { title: 'Đã thu gom rác', body: 'UBND phường đã thu gom rác thải. Cảm ơn bạn.', category: null } });
    expect(edit.statusCode).toBe(200);
    expect((await officer.request({ method: 'POST', url: '/api/feedback/templates', payload: { title: 'X', body: 'Nội dung trả lời' } })).statusCode).toBe(403);
    expect((await reviewer.request({ method: 'DELETE', url: `/api/feedback/templates/${created.json().id}` })).statusCode).toBe(204);
    expect((await reviewer.request({ method: 'DELETE', url: `/api/feedback/templates/${created.json().id}` })).statusCode).toBe(404);
  });
});
