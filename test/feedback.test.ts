import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let officer: Session;
let admin: Session;
let socTrang: number;
let phuLoi: number;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  admin = await t.login('admin');
  socTrang = await unitId(t, '31507', '2025-07-01');
  phuLoi = await unitId(t, '31510', '2025-07-01');
});
afterAll(() => t?.close());

const send = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });
const report = {
  category: 'DRAINAGE', description: 'Đường Trần Hưng Đạo ngập sâu sau mưa, cống không thoát nước.', placeUnitId: 0, consent: true,
  contact: { name: 'Trần Thị Hoa', phone: '0912 345 678', email: 'hoa@example.org' },
};

describe('a citizen sends a report', () => {
  it('gets a tracking code, the unit that will handle it and its deadline', async () => {
    t.ctx.clock.now = new Date('2026-11-23T02:00:00Z');
    try {
      const res = await send({ ...report, placeUnitId: socTrang });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ state: 'routed', unit: { id: socTrang, name: 'Phường Sóc Trăng' }, dueDate: '2026-11-30' });
      expect(res.json().trackingCode).toMatch(/^FE-/);
    } finally {
      t.ctx.clock.now = null;
    }
  });

  it('follows it by its code: status, unit, answer — and no personal data', async () => {
    const { trackingCode } = (await send({ ...report, placeUnitId: socTrang })).json();
    const page = await t.app.inject({ method: 'GET', url: `/api/public/feedback/${trackingCode.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ trackingCode, state: 'routed', unit: 'Phường Sóc Trăng', categoryNameVi: 'Thoát nước, ngập úng' });
    expect(page.body).not.toMatch(/Trần Thị Hoa|0912|hoa@example/);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/feedback/FE-2222-2222' })).statusCode).toBe(404);
  });

  it('refuses a report without consent, an anonymous one where the category does not allow it, and bad fields', async () => {
    const noConsent = await send({ ...report, placeUnitId: socTrang, consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error).toMatchObject({ field: 'consent' });
    expect(noConsent.json().error.messages.vi).toContain('Nghị định 13/2023');
    const anonymousLand = await send({ category: 'LAND', description: 'Tranh chấp ranh giới đất ở khóm 3', placeUnitId: socTrang, consent: true, anonymous: true });
    expect(anonymousLand.json().error.field).toBe('anonymous');
    const noName = await send({ category: 'LAND', description: 'Tranh chấp ranh giới đất ở khóm 3', placeUnitId: socTrang, consent: true });
    expect(noName.json().error.field).toBe('contact');
    const oldUnit = await send({ ...report, placeUnitId: await unitId(t, '31498', '2024-12-31') });
    expect(oldUnit.json().error).toMatchObject({ code: 'unit_not_in_force', field: 'placeUnitId' });
    const script = await send({ ...report, placeUnitId: socTrang, contact: { name: '<script>x</script>' } });
    expect(script.json().error.field).toBe('contact.name');
    const count = await t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});

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

describe('the citizen rates the answer', () => {
  const answered = async () => {
    const { trackingCode } = (await send({ ...report, placeUnitId: socTrang })).json();
    const id = (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()).id;
    await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload: { action: 'accept' } });
    await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload: { action: 'answer', answer: 'Đã xử lý xong.' } });
    return { trackingCode, id };
  };
  const rate = (code: string, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/public/feedback/${code}/rating`, payload: body, remoteAddress: nextLoopback() });

  it('"solved" closes the case; a second rating of the same answer is refused', async () => {
    const { trackingCode } = await answered();
    expect((await rate(trackingCode, { rating: 5, solved: true })).json()).toEqual({ state: 'closed', reopened: false });
    expect((await rate(trackingCode, { rating: 4, solved: true })).statusCode).toBe(409);
  });

  it('"not solved" within 7 days reopens the case and tells the unit on its timeline', async () => {
    const { trackingCode, id } = await answered();
    expect((await rate(trackingCode, { rating: 1, solved: false, comment: 'Vẫn còn ngập' })).json()).toEqual({ state: 'in_progress', reopened: true });
    const detail = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${id}` })).json();
    expect(detail.state).toBe('in_progress');
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'reopen', note: expect.stringContaining('Vẫn còn ngập') });
  });

  it('after 7 days "not solved" is recorded but the case closes; a report not yet answered cannot be rated', async () => {
    const { trackingCode } = await answered();
    t.ctx.clock.now = new Date(Date.now() + 8 * 86_400_000);
    try {
      expect((await rate(trackingCode, { rating: 2, solved: false })).json()).toEqual({ state: 'closed', reopened: false });
    } finally {
      t.ctx.clock.now = null;
    }
    const fresh = (await send({ ...report, placeUnitId: socTrang })).json();
    expect((await rate(fresh.trackingCode, { rating: 3, solved: true })).statusCode).toBe(409);
    expect((await rate(fresh.trackingCode, { rating: 9, solved: true })).statusCode).toBe(400);
  });
});

describe('feedback figures in the data-value store', () => {
  it('publishes received, answered, on time and working days per unit, category and month; the on-time rate follows', async () => {
    const { publishFeedbackFigures } = await import('../src/modules/feedback/index.js');
    const db = t.database.db;
    const city = await unitId(t, '92', '2025-07-01');
    // Two waste reports received Monday 2 March 2026 (deadline 5 working days: 9 March); one answered in time, one late.
    t.ctx.clock.now = new Date('2026-03-02T03:00:00Z');
    const a = (await send({ ...report, category: 'WASTE', placeUnitId: phuLoi })).json();
    const b = (await send({ ...report, category: 'WASTE', placeUnitId: phuLoi })).json();
    t.ctx.clock.now = null;
    const idOf = async (code: string) => (await db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    const { actOnCase } = await import('../src/core/cases/index.js');
    const { SYSTEM } = await import('../src/core/access/index.js');
    for (const [code, day] of [[a.trackingCode, '2026-03-05'], [b.trackingCode, '2026-03-12']] as const) {
      const id = await idOf(code);
      await actOnCase(db, SYSTEM, id, { action: 'accept' }, new Date(`${day}T02:00:00Z`));
      await actOnCase(db, SYSTEM, id, { action: 'answer', answer: 'Đã xử lý' }, new Date(`${day}T03:00:00Z`));
    }
    // The citizens rate the answers: one solved (5/5), one not (2/5, which reopens it).
    for (const [code, day, rating, solved] of [[a.trackingCode, '2026-03-06', 5, true], [b.trackingCode, '2026-03-13', 2, false]] as const) {
      t.ctx.clock.now = new Date(`${day}T04:00:00Z`);
      const rated = await t.app.inject({ method: 'POST', url: `/api/public/feedback/${code}/rating`, payload: { rating, solved }, remoteAddress: nextLoopback() });
      expect(rated.statusCode, rated.body).toBe(200);
    }
    t.ctx.clock.now = null;
    const written = await publishFeedbackFigures(db, new Date('2026-03-31T10:00:00Z'));
    expect(written).toBeGreaterThan(0);
    const figure = async (element: string, coc = '') => (await admin.request({ method: 'GET', url: `/api/analytics?element=${element}${coc}&orgUnitId=${phuLoi}&periods=2026M03` })).json()[0].value;
    expect(await figure('FB_RECEIVED', '&coc=FEEDBACK_CATEGORY_WASTE')).toBe(2);
    expect(await figure('FB_RESOLVED')).toBe(2);
    expect(await figure('FB_RESOLVED_ON_TIME')).toBe(1);
    expect(await figure('FB_HANDLING_DAYS')).toBe(3 + 8);
    const rate = (await admin.request({ method: 'GET', url: `/api/analytics?indicator=FB_ON_TIME_RATE&orgUnitId=${city}&periods=2026M03` })).json();
    expect(rate).toEqual([{ period: '2026M03', value: 50 }]);
    expect([await figure('FB_RATED'), await figure('FB_SATISFIED'), await figure('FB_RATING_SUM')]).toEqual([2, 1, 7]);
    const satisfaction = async (code: string) => (await admin.request({ method: 'GET', url: `/api/analytics?indicator=${code}&orgUnitId=${city}&periods=2026M03` })).json()[0].value;
    expect([await satisfaction('FB_SATISFACTION_RATE'), await satisfaction('FB_AVG_RATING')]).toEqual([50, 3.5]);
    // Publishing again changes nothing.
    expect(await publishFeedbackFigures(db, new Date('2026-03-31T10:00:00Z'))).toBe(0);
  });
});

describe('privacy', () => {
  it('removes contact data a year after a case ends, and not before', async () => {
    const { purgeContacts } = await import('../src/modules/feedback/index.js');
    const { trackingCode } = (await send({ ...report, placeUnitId: socTrang })).json();
    const id = (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()).id;
    for (const payload of [{ action: 'accept' }, { action: 'answer', answer: 'Đã xong' }, { action: 'close' }]) {
      await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload });
    }
    await purgeContacts(t.database.db, new Date(Date.now() + 100 * 86_400_000));
    const kept = await t.database.db.selectFrom('case_record').select('data').where('id', '=', id).executeTakeFirstOrThrow();
    expect((kept.data as { contact: { name: string } }).contact.name).toBe('Trần Thị Hoa');
    expect(await purgeContacts(t.database.db, new Date(Date.now() + 400 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const purged = await t.database.db.selectFrom('case_record').select('data').where('id', '=', id).executeTakeFirstOrThrow();
    expect(purged.data).toMatchObject({ contact: null });
    expect(JSON.stringify(purged.data)).not.toContain('0912');
    const timeline = (await officer.request({ method: 'GET', url: `/api/feedback/cases/${id}` })).json().timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'contact_purged', internal: true });
  });
});

describe('abuse', () => {
  it('limits anonymous intake to 20 reports a minute from one address, with a clear answer', async () => {
    const address = nextLoopback();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/feedback', remoteAddress: address, payload: { category: 'WASTE', description: `Rác thải tồn đọng lần thứ ${i + 1}`, placeUnitId: socTrang, consent: true, anonymous: true } });
      statuses.push(res.statusCode);
      if (i === 20) {
        expect(res.json().error.code).toBe('too_many_requests');
        expect(res.json().error.messages.vi).toMatch(/^Quá nhiều yêu cầu/);
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    expect(statuses).toEqual([...Array(20).fill(201), 429]);
    // Another address is not affected.
    expect((await send({ ...report, placeUnitId: socTrang })).statusCode).toBe(201);
  });
});
