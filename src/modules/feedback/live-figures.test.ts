import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { DATABASE_URL, nextLoopback, secondPool } from '../../../test/helpers.js';
import { vnDate } from '../../core/calendar/index.js';
import { t, admin, officer, socTrang, send, report, useFeedbackApp } from './test-setup.js';

useFeedbackApp();

// Issue 13, point 7: the feedback page's "12 months" showed 0 received while 7 cases existed (the job ran every 6 hours).
const month = () => `${vnDate(new Date()).slice(0, 4)}M${vnDate(new Date()).slice(5, 7)}`;
const figure = async (element: string) => {
  const res = await admin.request({ method: 'GET', url: `/api/analytics?element=${element}&orgUnitId=${socTrang}&periods=${month()}` });
  if (res.statusCode === 404) return 0; // not yet published at all: the element does not exist yet
  expect(res.statusCode, res.body).toBe(200);
  return Number((res.json() as { value: number | null }[])[0]?.value ?? 0);
};
const poll = { timeout: 10_000, interval: 100 };

describe('the feedback figures follow the cases as they are written', () => {
  it('counts reports received and answered a moment after they are, without the scheduled job', async () => {
    const received = await figure('FB_RECEIVED');
    const resolved = await figure('FB_RESOLVED');
    const sent = await Promise.all([1, 2, 3].map(() => send({ ...report, placeUnitId: socTrang })));
    expect(sent.map((s) => s.statusCode)).toEqual([201, 201, 201]);
    await expect.poll(() => figure('FB_RECEIVED'), poll).toBe(received + 3);

    const code = sent[0]!.json().trackingCode as string;
    const { id } = await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow();
    for (const payload of [{ action: 'accept' }, { action: 'answer', answer: 'Đã nạo vét cống, nước đã rút.' }]) {
      expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload })).statusCode).toBe(200);
    }
    await expect.poll(() => figure('FB_RESOLVED'), poll).toBe(resolved + 1);
    expect(await figure('FB_RESOLVED_ON_TIME')).toBeGreaterThanOrEqual(1);
    // The scheduled job finds nothing left to change.
    const { publishFeedbackFigures } = await import('./index.js');
    expect(await publishFeedbackFigures(t.database.db, new Date())).toBe(0);
  });

  // Two processes: a report received by one is counted in what the other answers.
  it.skipIf(!DATABASE_URL)('counts a report received through another process', async () => {
    const second = await secondPool(t, 4);
    const other = await buildApp({ ...t.ctx, db: second.db }, { web: false });
    try {
      await other.ready();
      await expect.poll(async () => {
        const a = await figure('FB_RECEIVED');
        await new Promise((r) => setTimeout(r, 600));
        return a === (await figure('FB_RECEIVED'));
      }, poll).toBe(true);
      const before = await figure('FB_RECEIVED');
      const res = await other.inject({ method: 'POST', url: '/api/public/feedback', payload: { ...report, placeUnitId: socTrang }, remoteAddress: nextLoopback() });
      expect(res.statusCode).toBe(201);
      await expect.poll(() => figure('FB_RECEIVED'), poll).toBe(before + 1);
    } finally {
      await other.close();
      await second.close();
    }
  });
});
