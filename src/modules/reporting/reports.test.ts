import { describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { act, admin, at, district, good, ids, open, p5, p7, province, save, t, useReportingApp } from './test-setup.js';

// One report's story, in order: each test takes the report where the one before left it.
useReportingApp();

describe('a report from draft to approval', () => {
  let id: number;

  it('opens as a draft for the Decree 09 window, with its deadline on the working calendar', async () => {
    at('2024-05-10T02:00:00Z');
    const res = await open(p5, ids.p5);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    id = r.id;
    expect(r).toMatchObject({ state: 'draft', period: { code: '2024M05', start: '2024-04-15', end: '2024-05-14' }, dueDate: '2024-05-17', revision: 1, regime: { demo: true } });
    expect(r.chain.map((c: { id: number }) => c.id)).toEqual([ids.district, ids.province]);
    expect((await open(p5, ids.p5)).json().id).toBe(id);
  });

  it('autosaves, refuses a save over a newer revision, and lists every error before submission', async () => {
    const first = await save(p5, id, 1, { RP_DOSSIERS_TOTAL: 100, RP_DOSSIERS_ONLINE: 130 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().revision).toBe(2);
    const stale = await save(p5, id, 1, { RP_DOSSIERS_TOTAL: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'report_conflict', field: 'revision' });
    const unknown = await save(p5, id, 2, { NOT_ON_FORM: 1 });
    expect(unknown.json().error.field).toBe('values.NOT_ON_FORM');
    const refused = await act(p5, id, 'submit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('report_invalid');
    const fields = refused.json().error.details.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort();
    expect(fields).toEqual(['NARRATIVE:narrative_required', 'ONLINE_LE_TOTAL:rule', 'RP_TECH_TEAM_MEMBERS:required']);
    expect(refused.json().error.details.find((f: { field: string }) => f.field === 'ONLINE_LE_TOTAL').vi).toBe('Hồ sơ trực tuyến không thể nhiều hơn tổng số hồ sơ (130 <= 100)');
    const negative = await save(p5, id, 2, { RP_TECH_TEAM_MEMBERS: -3 });
    expect(negative.json().findings.some((f: { field: string; code: string }) => f.field === 'RP_TECH_TEAM_MEMBERS' && f.code === 'min')).toBe(true);
  });

  it('is submitted by its commune once valid, and is then locked for editing', async () => {
    at('2024-05-16T03:00:00Z');
    const saved = await save(p5, id, 3, good, { NARRATIVE: 'Đã triển khai tổ công nghệ số ở 5 khóm.' });
    expect(saved.json().findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect((await act(p7, id, 'submit')).statusCode).toBe(403);
    const sent = await act(p5, id, 'submit');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', next: ids.district });
    const locked = await save(p5, id, 4, { RP_DOSSIERS_TOTAL: 1 });
    expect(locked.json().error.code).toBe('report_locked');
    expect((await act(p5, id, 'submit')).json().error.code).toBe('transition_refused');
  });

  it('the district returns it with comments, the commune corrects and resubmits', async () => {
    expect((await act(province, id, 'approve')).statusCode).toBe(403); // not the province's turn
    expect((await act(district, id, 'return')).json().error.field).toBe('note');
    const returned = await act(district, id, 'return', 'Số hồ sơ trực tuyến chưa khớp với phần mềm một cửa');
    expect(returned.json()).toMatchObject({ state: 'returned', approvals: [] });
    const fixed = await save(p5, id, 4, { RP_DOSSIERS_ONLINE: 85 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await act(p5, id, 'submit')).json().state).toBe('submitted');
  });

  it('the district then the province approve; the numbers become data values at once; the data is locked', async () => {
    const first = await act(district, id, 'approve');
    expect(first.json()).toMatchObject({ state: 'submitted', approvals: [ids.district], next: ids.province });
    expect((await act(district, id, 'approve')).statusCode).toBe(403);
    const final = await act(province, id, 'approve');
    expect(final.json()).toMatchObject({ state: 'approved', approvals: [ids.district, ids.province], next: null });
    const value = (await admin.request({ method: 'GET', url: `/api/analytics?element=RP_DOSSIERS_ONLINE&orgUnitId=${ids.p5}&periods=2024M05` })).json();
    expect(value).toEqual([{ period: '2024M05', value: 85 }]);
    // The digital-transformation report feeds the Resolution 07 indicator of work files processed online (communes).
    const nq07 = (await admin.request({ method: 'GET', url: `/api/analytics?indicator=NQ07_WORKFILES_COMMUNE&orgUnitId=${ids.p5}&periods=2024` })).json();
    expect(nq07).toEqual([{ period: '2024', value: 82.5 }]);
    // One ward's share is not its district's: a district figure needs half of its wards (core/data/analytics).
    const whole = (await admin.request({ method: 'GET', url: `/api/analytics?indicator=NQ07_WORKFILES_COMMUNE&orgUnitId=${ids.district}&periods=2024` })).json();
    expect(whole).toEqual([{ period: '2024', value: null }]);
    const history = await t.database.db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id').select(['v.source_kind', 'v.source_ref', 'v.stored_by'])
      .where('e.code', '=', 'RP_DOSSIERS_ONLINE').where('v.org_unit_id', '=', ids.p5).executeTakeFirstOrThrow();
    expect(history).toEqual({ source_kind: 'report', source_ref: `report:${id}`, stored_by: 'thamdinh-tinh' });
    expect((await save(p5, id, 6, { RP_DOSSIERS_TOTAL: 1 })).json().error.code).toBe('report_locked');
    const view = (await p5.request({ method: 'GET', url: `/api/reporting/reports/${id}` })).json();
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'approve', 'approve']);
  });

  it('unlocking needs the province and a reason', async () => {
    expect((await act(district, id, 'unlock', 'Sửa số liệu')).statusCode).toBe(403);
    expect((await act(province, id, 'unlock')).json().error.field).toBe('note');
    const unlocked = await act(province, id, 'unlock', 'Đơn vị báo sai số thành viên tổ công nghệ số');
    expect(unlocked.json()).toMatchObject({ state: 'returned', approvals: [] });
    for (const s of [district, province]) await act(p5, id, 'submit').then(() => act(s, id, 'approve'));
    expect((await p5.request({ method: 'GET', url: `/api/reporting/reports/${id}` })).json().state).toBe('approved');
  });
});

describe('the Resolution 07 indicator', () => {
  it('counts the regimes connected to the system (a state they keep), written the moment a report is submitted', async () => {
    at('2026-11-20T03:00:00Z');
    const ward = await unitId(t, '31507', '2025-07-01');
    const canbo = await t.login('canbo');
    const r = (await canbo.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ward, period: '2026M11' } })).json();
    await canbo.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: { RP_TTHC_RECEIVED: 10, RP_TTHC_ON_TIME: 10, RP_TTHC_LATE: 0 }, narrative: { NARRATIVE: 'Tốt.' }, revision: r.revision } });
    expect(r.chain.map((c: { name: string }) => c.name)).toEqual(['Thành phố Cần Thơ']);
    expect((await canbo.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} })).json().state).toBe('submitted');
    const city = await unitId(t, '92', '2025-07-01');
    const rate = (await admin.request({ method: 'GET', url: `/api/analytics?indicator=NQ07_REPORT_REGIMES&orgUnitId=${city}&periods=2026` })).json();
    expect(rate).toHaveLength(1);
    // 11 of the 13 demonstration regimes are sent through the system (BC_DT and BC_TDKT are not), whichever of them
    // received a report this year.
    expect(rate[0].value).toBeCloseTo((11 / 13) * 100, 6);
    t.ctx.clock.now = null;
  });
});
