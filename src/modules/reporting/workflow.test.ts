import { describe, expect, it } from 'vitest';
import type { Session } from '../../../test/helpers.js';
import { act, admin, at, district, good, ids, open, p5, p7, province, save, t, useReportingApp } from './test-setup.js';

// Who may take which step: the unit's own officer, a machine with a token bound to its unit, and each state's steps.
useReportingApp();

describe('permissions and machines', () => {
  it('a commune officer sees and submits only its own commune', async () => {
    expect((await open(p7, ids.p5)).statusCode).toBe(403);
    const mine = (await open(p5, ids.p5, '2024M06')).json();
    expect((await p7.request({ method: 'GET', url: `/api/reporting/reports/${mine.id}` })).statusCode).toBe(403);
    expect((await save(p7, mine.id, 1, good)).statusCode).toBe(403);
    expect((await open(p5, ids.district)).statusCode).toBe(403);
    expect((await open(p5, ids.p5, '2024Q2')).json().error.field).toBe('period');
  });

  it('another system submits with an API token of scope "reports" bound to its unit', async () => {
    const { token } = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Phần mềm một cửa P7', scopes: ['reports'], orgUnitId: ids.p7 } })).json();
    const auth = { authorization: `Bearer ${token}` };
    const opened = await t.app.inject({ method: 'POST', url: '/api/reporting/reports', headers: auth, payload: { regime: 'BC_TTHC', unitId: ids.p7, period: '2024M06' } });
    expect(opened.statusCode, opened.body).toBe(200);
    const r = opened.json();
    const saved = await t.app.inject({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, headers: auth, payload: { values: { RP_TTHC_RECEIVED: 50, RP_TTHC_ON_TIME: 45, RP_TTHC_LATE: 3 }, narrative: { NARRATIVE: 'Gửi tự động.' }, revision: r.revision } });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await t.app.inject({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, headers: auth, payload: {} });
    expect(sent.json().state).toBe('submitted');
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/reporting/reports', headers: auth, payload: { regime: 'BC_TTHC', unitId: ids.p5, period: '2024M06' } });
    expect(elsewhere.statusCode).toBe(403);
  });
});

describe('every transition of the workflow', () => {
  it('allows exactly the steps of each state, for the right unit, and refuses the rest with 409', async () => {
    at('2024-07-16T03:00:00Z');
    const r = (await open(p5, ids.p5, '2024M07', 'BC_TTHC')).json();
    const id = r.id as number;
    await save(p5, id, r.revision, { RP_TTHC_RECEIVED: 10, RP_TTHC_ON_TIME: 9, RP_TTHC_LATE: 1 }, { NARRATIVE: 'Ổn định.' });
    const refused = async (s: Session, action: string, note = 'Lý do') => {
      const res = await act(s, id, action, note);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('transition_refused');
    };
    // draft: only submit.
    for (const action of ['approve', 'return']) await refused(district, action);
    await refused(province, 'unlock');
    expect((await act(p5, id, 'submit')).json().state).toBe('submitted');
    // submitted: approve or return by the next level only; no submit, no unlock.
    await refused(p5, 'submit');
    await refused(province, 'unlock');
    expect((await act(p5, id, 'approve')).statusCode).toBe(403);
    expect((await act(district, id, 'return', 'Thiếu số liệu')).json().state).toBe('returned');
    // returned: submit again; nothing else.
    for (const action of ['approve', 'return']) await refused(district, action);
    await refused(province, 'unlock');
    expect((await act(p5, id, 'submit')).json().state).toBe('submitted');
    // The province may return after the district approved.
    expect((await act(district, id, 'approve')).json().approvals).toEqual([ids.district]);
    expect((await act(district, id, 'return', 'x')).statusCode).toBe(403);
    expect((await act(province, id, 'return', 'Sai kỳ')).json()).toMatchObject({ state: 'returned', approvals: [] });
    await act(p5, id, 'submit');
    await act(district, id, 'approve');
    expect((await act(province, id, 'approve')).json().state).toBe('approved');
    // approved: only unlock by the province; every other step refused.
    await refused(p5, 'submit');
    for (const action of ['approve', 'return']) await refused(province, action);
    expect((await act(province, id, 'unlock', 'Điều chỉnh số liệu')).json().state).toBe('returned');
    const steps = (await p5.request({ method: 'GET', url: `/api/reporting/reports/${id}` })).json().timeline.map((e: { action: string; to_state: string }) => `${e.action}:${e.to_state}`);
    expect(steps).toEqual(['create:draft', 'submit:submitted', 'return:returned', 'submit:submitted', 'approve:submitted', 'return:returned', 'submit:submitted', 'approve:submitted', 'approve:approved', 'unlock:returned']);
    t.ctx.clock.now = null;
  });
});
