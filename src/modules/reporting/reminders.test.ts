import { beforeAll, describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { at, district, ids, reportAwaitingTheDistrict, t, useReportingApp } from './test-setup.js';

// A report submitted to the district (made in the setup) gives its reviewer a digest, and is not reminded.
useReportingApp();
beforeAll(reportAwaitingTheDistrict);

describe('reminders', () => {
  it('reminds a unit once before the deadline and once when late, and sends reviewers a digest', async () => {
    const { sendReportReminders } = await import('./index.js');
    const db = t.database.db;
    const officer = await db.selectFrom('app_user').select('id').where('username', '=', 'canbo-p5').executeTakeFirstOrThrow();
    const reviewer = await db.selectFrom('app_user').select('id').where('username', '=', 'thamdinh-tp').executeTakeFirstOrThrow();
    const mine = (event: string, user: number) => db.selectFrom('notification').select(['subject', 'subject_en', 'payload']).where('user_id', '=', user).where('event', '=', event).execute();
    // BC_NN for 2024M09 (15 Aug – 14 Sep, a Saturday): due three working days later (16, 17, 18), Wednesday 18 September.
    const ofPeriod = <T extends { payload: unknown }>(rows: T[]) => rows.filter((n) => (n.payload as { regime: string }).regime === 'BC_NN' && (n.payload as { period: string }).period === '2024M09');
    await sendReportReminders(db, new Date('2024-09-15T01:00:00Z'));
    expect(ofPeriod(await mine('report.due_soon', officer.id))).toEqual([]);
    await sendReportReminders(db, new Date('2024-09-16T01:00:00Z'));
    await sendReportReminders(db, new Date('2024-09-17T01:00:00Z'));
    const soon = ofPeriod(await mine('report.due_soon', officer.id));
    expect(soon).toHaveLength(1);
    // In the app each reader sees their language (issue 13, point 8).
    expect(soon[0]!.subject).toBe('Nhắc báo cáo: Báo cáo tình hình sản xuất nông nghiệp, kỳ 2024M09 — hạn 18/09/2024');
    expect(soon[0]!.subject_en).toMatch(/^Report reminder: .+, period 2024M09 — due 18\/09\/2024$/);
    await sendReportReminders(db, new Date('2024-09-19T01:00:00Z'));
    await sendReportReminders(db, new Date('2024-09-20T01:00:00Z'));
    const late = ofPeriod(await mine('report.overdue', officer.id));
    expect(late).toHaveLength(1);
    expect((await mine('report.digest', reviewer.id)).length).toBeGreaterThan(0);
    const emails = await db.selectFrom('notification').select('recipient').where('channel', '=', 'email').where('event', '=', 'report.overdue').where('recipient', '=', 'canbo-p5@example.org').execute();
    expect(emails.length).toBeGreaterThan(0);
  });

  it('a reviewer reminds the late units of its district in one click', async () => {
    at('2024-05-22T03:00:00Z');
    const res = await district.request({ method: 'POST', url: '/api/reporting/remind', payload: { regime: 'BC_CDS', period: '2024M05' } });
    expect(res.statusCode, res.body).toBe(200);
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(res.json().reminded).toBe(c.missing);
    const outside = await district.request({ method: 'POST', url: '/api/reporting/remind', payload: { regime: 'BC_CDS', period: '2024M05', unitIds: [await unitId(t, '31569', '2024-05-14')] } });
    expect(outside.statusCode).toBe(403);
    t.ctx.clock.now = null;
  });
});
