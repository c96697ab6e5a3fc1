import { describe, expect, it } from 'vitest';
import { nextLoopback } from '../../../test/helpers.js';
import { t, officer, socTrang, send, report, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

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
