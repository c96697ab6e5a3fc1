import { beforeAll, describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { act, admin, approvedReportOfPhuong5, at, district, good, ids, open, p5, p7, province, save, t, useReportingApp } from './test-setup.js';

// Phường 5's approved report first (made in the setup), then Phường 7 late and a third one submitted: the tests read
// the consolidation, completeness and its data values of 2024M05 in that order.
useReportingApp();
beforeAll(approvedReportOfPhuong5);

describe('roll-up, completeness and timeliness', () => {
  it('consolidates the approved reports of a district by each element\'s rule, the moment they are approved', async () => {
    at('2024-05-20T03:00:00Z'); // after the deadline of 17 May: Phường 7 is late
    const r = (await open(p7, ids.p7)).json();
    await save(p7, r.id, r.revision, { RP_DOSSIERS_TOTAL: 80, RP_DOSSIERS_ONLINE: 40, RP_TECH_TEAM_MEMBERS: 6 }, { NARRATIVE: 'Ổn định.' });
    await act(p7, r.id, 'submit');
    const before = (await district.request({ method: 'GET', url: `/api/reporting/consolidated?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(before.approvedReports).toBe(1);
    await act(district, r.id, 'approve');
    await act(province, r.id, 'approve');
    const after = (await district.request({ method: 'GET', url: `/api/reporting/consolidated?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    const total = (key: string) => after.totals.find((x: { key: string }) => x.key === key);
    // Hand-computed: Phường 5 (120, 85, 14) + Phường 7 (80, 40, 6).
    expect([after.approvedReports, total('RP_DOSSIERS_TOTAL').value, total('RP_DOSSIERS_ONLINE').value, total('RP_TECH_TEAM_MEMBERS').value]).toEqual([2, 200, 125, 20]);
    expect(total('RP_CASHLESS_HOUSEHOLDS')).toMatchObject({ value: null, reports: 0 });
  });

  it('shows who is on time, late and missing, for the district and for the province', async () => {
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(c).toMatchObject({ dueDate: '2024-05-17', onTime: 1, late: 1, approved: 2 });
    expect(c.expected).toBe(c.units.length);
    expect(c.missing).toBe(c.expected - 2);
    expect(c.units.find((u: { unitId: number }) => u.unitId === ids.p5)).toMatchObject({ status: 'on_time', submittedOn: '2024-05-16', state: 'approved' });
    expect(c.units.find((u: { unitId: number }) => u.unitId === ids.p7)).toMatchObject({ status: 'late', submittedOn: '2024-05-20' });
    const whole = (await province.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_CDS&period=2024M05' })).json();
    expect(whole.expected).toBeGreaterThan(100);
    expect(whole.submitted).toBe(2);
    const own = (await p5.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_CDS&period=2024M05' })).json();
    expect(own.units.map((u: { unitId: number }) => u.unitId)).toEqual([ids.p5]);
  });

  it('the reviewer\'s queue holds what waits for its unit', async () => {
    at('2024-05-21T03:00:00Z');
    const other = await unitId(t, '31504', '2024-05-14');
    const r = (await admin.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_CDS', unitId: other, period: '2024M05' } })).json();
    await admin.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: good, narrative: { NARRATIVE: 'Báo cáo do quản trị nhập hộ.' }, revision: 1 } });
    await admin.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} });
    expect((await district.request({ method: 'GET', url: '/api/reporting/queue' })).json().map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect((await province.request({ method: 'GET', url: '/api/reporting/queue' })).json()).toEqual([]);
  });
});

describe('completeness over time', () => {
  it('gives the trend period by period, on each period\'s hierarchy, within the caller\'s units', async () => {
    const trend = (await district.request({ method: 'GET', url: '/api/reporting/completeness/history?regime=BC_CDS&from=2024M04&to=2024M06' })).json();
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(trend.map((p: { period: string }) => p.period)).toEqual(['2024M04', '2024M05', '2024M06']);
    expect(trend[1]).toMatchObject({ expected: c.expected, submitted: 3, onTime: 1, approved: 2 });
    expect(trend[0]).toMatchObject({ submitted: 0, rate: 0 });
    const whole = (await admin.request({ method: 'GET', url: '/api/reporting/completeness/history?regime=BC_CDS&from=2025M06&to=2025M08' })).json();
    // June 2025 is reported by Sóc Trăng's communes (cut-off 14 June), July and August by Cần Thơ's wards and communes.
    expect(whole.map((p: { expected: number }) => p.expected)).toEqual([108, 103, 103]);
    // A reviewer of the 2024 province keeps its 2024 units, not their 2025 successors.
    expect((await province.request({ method: 'GET', url: '/api/reporting/completeness/history?regime=BC_CDS&from=2025M06&to=2025M08' })).json().map((p: { expected: number }) => p.expected)).toEqual([108, 0, 0]);
  });
});

describe('completeness as data values', () => {
  it('writes expected, submitted and on time per unit and regime; the rates follow for any unit above', async () => {
    t.ctx.clock.now = null;
    const { publishCompleteness } = await import('./index.js');
    const { regimeByCode, regimePeriod } = await import('./index.js');
    const regime = await regimeByCode(t.database.db, 'BC_CDS');
    await publishCompleteness(t.database.db, regime, regimePeriod(regime, '2024M05'));
    const rate = async (indicator: string, unit: number) => (await admin.request({ method: 'GET', url: `/api/analytics?indicator=${indicator}&orgUnitId=${unit}&periods=2024M05` })).json()[0]?.value;
    const c = (await district.request({ method: 'GET', url: `/api/reporting/completeness?regime=BC_CDS&period=2024M05&unitId=${ids.district}` })).json();
    expect(await rate('REPORT_SUBMISSION_RATE', ids.district)).toBeCloseTo((c.submitted / c.expected) * 100, 6);
    expect(await rate('REPORT_ON_TIME_RATE', ids.district)).toBeCloseTo((c.onTime / c.expected) * 100, 6);
    expect(await rate('REPORT_ON_TIME_RATE', ids.p5)).toBe(100);
    expect(await rate('REPORT_SUBMISSION_RATE', ids.province)).toBeGreaterThan(0);
  });
});

// Issue 13, point 7: the page opened on a period not yet due (0 %, "103 units late").
describe('completeness without a period', () => {
  it('answers the latest period whose reports are due, not the one still running', async () => {
    try {
      const of = async (now: string) => {
        at(now);
        const res = await admin.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_CDS' });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { period: { code: string }; dueDate: string; pending: number };
      };
      // 2024M05 (cut-off 14 May) is due on 17 May: on the 16th the latest period due is April's, from the 17th May's.
      expect((await of('2024-05-16T03:00:00Z')).period.code).toBe('2024M04');
      const may = await of('2024-05-20T03:00:00Z');
      expect(may).toMatchObject({ period: { code: '2024M05' }, dueDate: '2024-05-17', onTime: 1, pending: 0 });
      // Early December 2026: November's reports are due, December's are not.
      const december = await of('2026-12-02T03:00:00Z');
      expect(december.period.code).toBe('2026M11');
      expect(december.dueDate <= '2026-12-02').toBe(true);
      expect(december.pending).toBe(0);
      // A period named is answered as before, even one not yet due.
      at('2026-12-02T03:00:00Z');
      const running = (await admin.request({ method: 'GET', url: '/api/reporting/completeness?regime=BC_CDS&period=2026M12' })).json();
      expect(running).toMatchObject({ period: { code: '2026M12' }, missing: 0 });
    } finally {
      t.ctx.clock.now = null;
    }
  });
});
