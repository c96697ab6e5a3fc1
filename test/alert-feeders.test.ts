import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertOverdueFeedback } from '../src/modules/feedback/index.js';
import { alertLateReports } from '../src/modules/reporting/index.js';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from './helpers.js';

/** The modules raise alerts for what waits too long, and clear them when it is done. */
let t: TestApp;
let officer: Session;
let admin: Session;
let ward: number;

const alertsOf = async (type: string) =>
  (await admin.request({ method: 'GET', url: `/api/alerts?state=all&type=${type}` })).json().alerts as { id: number; state: string; occurrences: number; unit: { id: number } | null; title: { vi: string }; evidence: Record<string, unknown> }[];

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  admin = await t.login('admin');
  ward = await unitId(t, '31507', '2025-07-01');
});
afterAll(() => t?.close());

describe('alerts the modules raise', () => {
  it('a citizen report past its deadline: raised once for the unit that holds it, cleared when answered', async () => {
    const sent = await t.app.inject({
      method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
      payload: { category: 'WASTE', description: 'Rác thải tồn đọng ở đầu hẻm 5', placeUnitId: ward, consent: true, anonymous: true },
    });
    const { trackingCode } = sent.json();
    const row = await t.database.db.selectFrom('case_record').select(['id', 'due_date']).where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
    const before = await alertOverdueFeedback(t.database.db, new Date());
    expect(before.raised).toBe(0);
    const late = new Date(Date.parse(`${row.due_date}T12:00:00+07:00`) + 2 * 86_400_000);
    expect((await alertOverdueFeedback(t.database.db, late)).raised).toBe(1);
    expect((await alertOverdueFeedback(t.database.db, late)).raised).toBe(0);
    const [alert] = (await alertsOf('FEEDBACK_OVERDUE')).filter((a) => a.evidence.trackingCode === trackingCode);
    expect(alert).toMatchObject({ state: 'open', occurrences: 1, unit: { id: ward } });
    expect(alert!.title.vi).toContain(trackingCode);
    // The officer of the ward sees it among its alerts.
    const mine = (await officer.request({ method: 'GET', url: '/api/alerts?type=FEEDBACK_OVERDUE' })).json().alerts;
    expect(mine.map((a: { id: number }) => a.id)).toContain(alert!.id);

    await officer.request({ method: 'POST', url: `/api/feedback/cases/${row.id}/actions`, payload: { action: 'accept' } });
    await officer.request({ method: 'POST', url: `/api/feedback/cases/${row.id}/actions`, payload: { action: 'answer', answer: 'Đã thu gom rác.' } });
    expect((await alertOverdueFeedback(t.database.db, late)).cleared).toBe(1);
    const after = (await admin.request({ method: 'GET', url: `/api/alerts/${alert!.id}` })).json();
    expect(after.state).toBe('resolved');
    expect(after.timeline.at(-1)).toMatchObject({ action: 'cleared', actor: 'system' });
  });

  it('periodic reports missing after their deadline: one alert per regime and period, naming how many units are late', async () => {
    const now = new Date('2026-11-20T03:00:00Z');
    const first = await alertLateReports(t.database.db, now);
    expect(first.raised).toBeGreaterThan(0);
    expect((await alertLateReports(t.database.db, now)).raised).toBe(0);
    const alerts = await alertsOf('REPORT_LATE');
    expect(alerts.length).toBe(first.raised);
    expect(alerts[0]!.title.vi).toMatch(/\d+ đơn vị chưa gửi \(hạn \d{2}\/\d{2}\/\d{4}\)/);
    expect(alerts[0]!.evidence.late).toBeGreaterThan(0);
  });
});
