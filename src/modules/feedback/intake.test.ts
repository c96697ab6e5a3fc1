import { describe, expect, it } from 'vitest';
import { nextLoopback, unitId } from '../../../test/helpers.js';
import { t, socTrang, send, report, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

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
