import { describe, expect, it } from 'vitest';
import { nextLoopback, unitId } from '../../../test/helpers.js';
import { t, officer, admin, socTrang, phuLoi, send, report, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

describe('feedback figures in the data-value store', () => {
  it('publishes received, answered, on time and working days per unit, category and month; the on-time rate follows', async () => {
    const { publishFeedbackFigures } = await import('./index.js');
    const db = t.database.db;
    const city = await unitId(t, '92', '2025-07-01');
    // Two waste reports received Monday 2 March 2026 (deadline 5 working days: 9 March); one answered in time, one late.
    t.ctx.clock.now = new Date('2026-03-02T03:00:00Z');
    const a = (await send({ ...report, category: 'WASTE', placeUnitId: phuLoi })).json();
    const b = (await send({ ...report, category: 'WASTE', placeUnitId: phuLoi })).json();
    t.ctx.clock.now = null;
    const idOf = async (code: string) => (await db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
    const { actOnCase } = await import('../../core/cases/index.js');
    const { SYSTEM } = await import('../../core/access/index.js');
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
    // The figures follow the cases by themselves (live-figures.test.ts); here they are published as of 31 March, once
    // the publications those writes started are over.
    await new Promise((r) => setTimeout(r, 1500));
    await publishFeedbackFigures(db, new Date('2026-03-31T10:00:00Z'));
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
    const { purgeContacts } = await import('./index.js');
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
