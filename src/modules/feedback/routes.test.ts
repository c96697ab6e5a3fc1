import { describe, expect, it } from 'vitest';
import { nextLoopback, unitId } from '../../../test/helpers.js';
import { t, officer, admin, socTrang, phuLoi, send, report, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

describe('the unit handles it', () => {
  it('the officer sees it in its inbox, reads the contact (audited), accepts, answers; the citizen sees the answer', async () => {
    const { trackingCode } = (await send({ ...report, placeUnitId: socTrang })).json();
    const inbox = (await officer.request({ method: 'GET', url: '/api/feedback/cases?state=routed' })).json();
    const item = inbox.find((c: { trackingCode: string }) => c.trackingCode === trackingCode);
    expect(item).toMatchObject({ unit: 'Phường Sóc Trăng', category: 'DRAINAGE' });
    const detail = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${item.id}` })).json();
    expect(detail.data.contact).toMatchObject({ name: 'Trần Thị Hoa' });
    const reads = (await admin.request({ method: 'GET', url: `/api/audit?action=case.contact_read&entityId=${item.id}` })).json();
    expect(reads.items[0]).toMatchObject({ actor_name: 'canbo' });
    expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${item.id}/actions`, payload: { action: 'accept' } })).json()).toMatchObject({ state: 'accepted' });
    expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${item.id}/notes`, payload: { text: 'Đội công trình đô thị đã khảo sát' } })).statusCode).toBe(204);
    const answered = await officer.request({ method: 'POST', url: `/api/feedback/cases/${item.id}/actions`, payload: { action: 'answer', answer: 'Đã nạo vét cống, tuyến đường hết ngập.' } });
    expect(answered.json()).toMatchObject({ state: 'answered' });
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${trackingCode}` })).json();
    expect(page).toMatchObject({ state: 'answered', answer: 'Đã nạo vét cống, tuyến đường hết ngập.' });
    expect(JSON.stringify(page.timeline)).not.toContain('Đội công trình đô thị');
    const refused = await officer.request({ method: 'POST', url: `/api/feedback/cases/${item.id}/actions`, payload: { action: 'accept' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.messages.en).toBe('Cannot accept a case that is answered.');
  });

  it('an officer of another commune neither sees nor handles it; a routing rule sends a category to a fixed unit', async () => {
    const { trackingCode } = (await send({ ...report, placeUnitId: phuLoi })).json();
    const inbox = (await officer.request({ method: 'GET', url: '/api/feedback/cases' })).json();
    expect(inbox.some((c: { trackingCode: string }) => c.trackingCode === trackingCode)).toBe(false);
    const city = await unitId(t, '92', '2025-07-01');
    await t.database.db.insertInto('case_routing_rule').values({ kind: 'feedback', category_code: 'FOOD_SAFETY', target: 'unit', unit_id: city, position: 10 }).execute();
    const food = (await send({ ...report, category: 'FOOD_SAFETY', placeUnitId: socTrang })).json();
    expect(food.unit).toMatchObject({ id: city, name: 'Thành phố Cần Thơ' });
  });

  it("an operator enters a caller's report for a place in its units, with the channel", async () => {
    const res = await officer.request({ method: 'POST', url: '/api/feedback/operator', payload: { ...report, placeUnitId: socTrang, channel: 'hotline' } });
    expect(res.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('case_record').select(['channel']).where('tracking_code', '=', res.json().trackingCode).executeTakeFirstOrThrow();
    expect(row.channel).toBe('hotline');
  });
});

describe('nearby duplicates', () => {
  it('suggests open reports of the same category within 200 m and 14 days, nearest first, without personal data', async () => {
    const base = { ...report, category: 'TREES', placeUnitId: socTrang };
    const first = (await send({ ...base, lat: 9.6000, lon: 105.9700, description: 'Cây đổ chắn ngang đường Hùng Vương' })).json();
    await send({ ...base, lat: 9.6030, lon: 105.9700, description: 'Cây gãy cành cách 330 mét' });
    await send({ ...base, category: 'WASTE', lat: 9.6001, lon: 105.9701, description: 'Rác ở cùng chỗ nhưng lĩnh vực khác' });
    const near = (await t.app.inject({ method: 'GET', url: '/api/public/feedback/nearby?category=TREES&lat=9.6005&lon=105.9702' })).json();
    expect(near.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([first.trackingCode]);
    expect(near[0].distanceMeters).toBeGreaterThan(50);
    expect(near[0].distanceMeters).toBeLessThan(70);
    expect(JSON.stringify(near)).not.toMatch(/Trần Thị Hoa|0912/);
    // The citizen follows the existing report instead of sending another.
    const follow = await t.app.inject({ method: 'POST', url: `/api/public/feedback/${first.trackingCode}/follow`, payload: { email: 'binh@example.org', consent: true }, remoteAddress: nextLoopback() });
    expect(follow.json()).toEqual({ followers: 1 });
    const noContact = await t.app.inject({ method: 'POST', url: `/api/public/feedback/${first.trackingCode}/follow`, payload: { consent: true }, remoteAddress: nextLoopback() });
    expect(noContact.json().error.field).toBe('email');
  });

  it('shows the officer the possible duplicates of a case, which it can merge', async () => {
    const base = { ...report, category: 'LIGHTING', placeUnitId: socTrang };
    const a = (await send({ ...base, lat: 9.61, lon: 105.98 })).json();
    const b = (await send({ ...base, lat: 9.6101, lon: 105.9801 })).json();
    const idOf = async (code: string) => (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    const dupes = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${await idOf(b.trackingCode)}/duplicates` })).json();
    expect(dupes.map((d: { trackingCode: string }) => d.trackingCode)).toEqual([a.trackingCode]);
    const merged = await officer.request({ method: 'POST', url: `/api/feedback/cases/${await idOf(b.trackingCode)}/actions`, payload: { action: 'merge', mergeInto: dupes[0].id } });
    expect(merged.json().state).toBe('merged');
  });
});
