import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { escalateAlerts } from './index.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let leader: Session;
let token: string;
let ward: number;
let city: number;

async function raiseFire(externalId: string, type = 'HOTLINE_114'): Promise<number> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, remoteAddress: nextLoopback(),
    payload: { type, title: { vi: 'Cháy chợ Sóc Trăng', en: 'Fire at Sóc Trăng market' }, unitId: ward, externalId },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const act = (who: Session, id: number, payload: Record<string, unknown>) => who.request({ method: 'POST', url: `/api/alerts/${id}/act`, payload });
const detail = async (id: number) => (await admin.request({ method: 'GET', url: `/api/alerts/${id}` })).json();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
  leader = await t.login('lanhdao');
  token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114', scopes: ['alerts'] } })).json().token;
  ward = await unitId(t, '31507', '2025-07-01');
  city = await unitId(t, '92', '2025-07-01');
});
afterAll(() => t?.close());

describe('handling an alert to the end', () => {
  it('goes open → acknowledged → assigned → resolved → closed, each step on the timeline and in the audit log', async () => {
    const id = await raiseFire('L1');
    expect((await act(officer, id, { action: 'acknowledge' })).json()).toEqual({ id, from: 'open', state: 'acknowledged' });
    const assigned = await act(officer, id, { action: 'assign', unitId: ward, note: 'Giao tổ phòng cháy phường' });
    expect(assigned.json().state).toBe('assigned');
    const noNote = await act(officer, id, { action: 'resolve' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error).toMatchObject({ code: 'field_required_for_action', field: 'note' });
    expect((await act(officer, id, { action: 'resolve', note: 'Đã dập tắt lúc 10:20' })).json().state).toBe('resolved');
    expect((await act(leader, id, { action: 'close' })).json().state).toBe('closed');

    const alert = await detail(id);
    expect(alert.timeline.map((e: { action: string }) => e.action)).toEqual(['raised', 'acknowledged', 'assigned', 'resolved', 'closed']);
    expect(alert.timeline[2]).toMatchObject({ actor: 'canbo', from: 'acknowledged', to: 'assigned', note: 'Giao tổ phòng cháy phường' });
    expect(alert).toMatchObject({ assignedUnit: { id: ward }, acknowledgedAt: expect.any(String), resolvedAt: expect.any(String), closedAt: expect.any(String) });
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?entity=alert&entityId=${id}` })).json();
    const actions = audit.items.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['alert.raise', 'alert.acknowledge', 'alert.assign', 'alert.resolve', 'alert.close']));
  });

  it('refuses a step out of order with a clear 409 and changes nothing', async () => {
    const id = await raiseFire('L2');
    const refused = await act(officer, id, { action: 'close' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.messages).toEqual({
      vi: 'Không thể "đóng" cảnh báo đang ở trạng thái "mới".',
      en: 'Cannot close an alert that is open.',
    });
    expect((await detail(id)).state).toBe('open');
    expect((await act(officer, id, { action: 'teleport' })).statusCode).toBe(400);
  });

  it('dismisses with a reason, reopens, and ticks the type\'s standard steps', async () => {
    const id = await raiseFire('L3');
    expect((await act(officer, id, { action: 'dismiss' })).statusCode).toBe(400);
    expect((await act(officer, id, { action: 'dismiss', note: 'Báo cháy giả' })).json().state).toBe('dismissed');
    expect((await detail(id)).dismissReason).toBe('Báo cháy giả');
    expect((await act(officer, id, { action: 'reopen', note: 'Người dân gọi lại, có cháy thật' })).json().state).toBe('open');
    const unknown = await act(officer, id, { action: 'check', step: 'pray' });
    expect(unknown.json().error).toMatchObject({ code: 'alert_step_unknown', field: 'step' });
    expect((await act(officer, id, { action: 'check', step: 'dispatch' })).statusCode).toBe(200);
    const steps = (await detail(id)).checklist;
    expect(steps.find((s: { key: string }) => s.key === 'dispatch')).toMatchObject({ done: true, by: 'canbo' });
    expect(steps.find((s: { key: string }) => s.key === 'report_back')).toMatchObject({ done: false });
  });

  it('lets an officer handle only its units\' alerts, and assign only within them', async () => {
    const other = await unitId(t, '31510', '2025-07-01');
    const theirs = (await t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` },
      payload: { type: 'HOTLINE_115', title: { vi: 'Tai nạn giao thông' }, unitId: other },
    })).json().id;
    expect((await act(officer, theirs, { action: 'acknowledge' })).statusCode).toBe(404);
    const mine = await raiseFire('L4');
    const outside = await act(officer, mine, { action: 'assign', unitId: other });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.field).toBe('unitId');
    expect((await act(officer, mine, { action: 'assign' })).json().error.code).toBe('alert_assignee_required');
    // The leader sees and handles every unit's.
    expect((await act(leader, theirs, { action: 'acknowledge' })).statusCode).toBe(200);
  });
});

describe('escalation and messages', () => {
  it('tells the unit\'s officers of a new alert, in the app', async () => {
    const id = await raiseFire('M1');
    const inbox = (await officer.request({ method: 'GET', url: '/api/notifications' })).json();
    const items = inbox.items ?? inbox.notifications ?? inbox;
    expect(JSON.stringify(items)).toContain(`/ioc/alerts/${id}`);
  });

  it('moves an alert nobody acknowledged to the parent unit after its type\'s limit, and on up to the leaders', async () => {
    const id = await raiseFire('E1', 'HOTLINE_115');
    const raisedAt = new Date((await detail(id)).raisedAt);
    // Other alerts of this file are due too: what is checked is this one.
    await escalateAlerts(t.database.db, new Date(raisedAt.getTime() + 4 * 60_000));
    expect((await detail(id)).escalationLevel).toBe(0);
    expect(await escalateAlerts(t.database.db, new Date(raisedAt.getTime() + 6 * 60_000))).toBeGreaterThanOrEqual(1);
    let alert = await detail(id);
    expect(alert).toMatchObject({ escalationLevel: 1, escalatedUnit: { id: city }, state: 'open' });
    expect(alert.timeline.at(-1)).toMatchObject({ action: 'escalated', data: { level: 1, toUnitId: city } });
    // The limit runs again from the escalation; the city has no parent, so the leaders are told.
    await escalateAlerts(t.database.db, new Date(raisedAt.getTime() + 8 * 60_000));
    expect((await detail(id)).escalationLevel).toBe(1);
    await escalateAlerts(t.database.db, new Date(raisedAt.getTime() + 12 * 60_000));
    alert = await detail(id);
    expect(alert.escalationLevel).toBe(2);
    const inbox = JSON.stringify((await leader.request({ method: 'GET', url: '/api/notifications' })).json());
    expect(inbox).toContain('chuyển lên');
    // Acknowledged alerts stop climbing.
    await act(leader, id, { action: 'acknowledge' });
    await escalateAlerts(t.database.db, new Date(raisedAt.getTime() + 60 * 60_000));
    expect((await detail(id)).escalationLevel).toBe(2);
  });
});
