import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../access/index.js';
import { actOnCase, caseTimeline, escalateOverdue, extendCase, noteCase, receiveCase } from './index.js';
import { at, expectError, ids, officer, otherOfficer, t, useCaseEngineApp } from './test-setup.js';

useCaseEngineApp();

describe('deadlines in working days', () => {
  it('counts from the day of receipt across Tết and its day in lieu', async () => {
    // Friday 24 January 2025: Monday 27 (1), Tết 28 Jan – 1 Feb and Monday 3 Feb in lieu, Tuesday 4 (2), Wednesday 5 (3).
    const c = await receiveCase(t.database.db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Ổ gà trên đường Lê Lợi', channel: 'web', placeUnitId: ids.p5 }, at('2025-01-24'));
    expect(c).toMatchObject({ state: 'received', dueDate: '2025-02-05' });
    expect(c.trackingCode).toMatch(/^TR-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });

  it('a case received late in the evening in Việt Nam counts from that Vietnamese day', async () => {
    const c = await receiveCase(t.database.db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Đèn đường hỏng', channel: 'hotline', placeUnitId: ids.p5 }, new Date('2025-03-06T16:30:00Z'));
    // 23:30 on Thursday 6 March in Việt Nam: Friday 7 (1), Monday 10 (2), Tuesday 11 (3).
    expect(c.dueDate).toBe('2025-03-11');
  });

  it('refuses an unknown category', async () => {
    await expectError(receiveCase(t.database.db, SYSTEM, { kind: 'trial', category: 'NOPE', description: 'x', channel: 'web' }, at('2025-01-24')), 'reference_not_found', 400);
  });
});

describe('handling a case', () => {
  it('goes routed → accepted → in progress → answered → closed → reopened, with a timeline', async () => {
    const db = t.database.db;
    const c = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Cống bị tắc', channel: 'app', placeUnitId: ids.p5 }, at('2024-11-04'));
    await actOnCase(db, SYSTEM, c.id, { action: 'route', unitId: ids.district941! }, at('2024-11-04'));
    await actOnCase(db, officer, c.id, { action: 'accept', officerId: officer.id }, at('2024-11-05'));
    await actOnCase(db, officer, c.id, { action: 'start' }, at('2024-11-05'));
    await noteCase(db, officer, c.id, { text: 'Đã liên hệ đội thoát nước', internal: true }, at('2024-11-05'));
    await actOnCase(db, officer, c.id, { action: 'answer', answer: 'Đã khơi thông cống.' }, at('2024-11-06'));
    await actOnCase(db, SYSTEM, c.id, { action: 'close' }, at('2024-11-07'));
    const reopened = await actOnCase(db, SYSTEM, c.id, { action: 'reopen', note: 'Người dân báo chưa được xử lý' }, at('2024-11-08'));
    expect(reopened).toMatchObject({ from: 'closed', state: 'in_progress' });
    const publicTimeline = await caseTimeline(db, c.id, { includeInternal: false });
    expect(publicTimeline.map((e) => e.action)).toEqual(['receive', 'route', 'accept', 'start', 'answer', 'close', 'reopen']);
    const full = await caseTimeline(db, c.id, { includeInternal: true });
    expect(full.find((e) => e.action === 'note')).toMatchObject({ internal: true, actor_name: 'can-bo-941' });
    const row = await db.selectFrom('case_record').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'in_progress', public_answer: 'Đã khơi thông cống.', officer_id: officer.id, closed_at: null });
    await expect(sql`UPDATE case_event SET note = 'sửa' WHERE case_id = ${c.id}`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('refuses a step the state does not allow (409) and what the action needs (400), changing nothing', async () => {
    const db = t.database.db;
    const c = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Rác thải', channel: 'web', unitId: ids.district941 }, at('2024-11-04'));
    await expectError(actOnCase(db, officer, c.id, { action: 'close' }, at('2024-11-04')), 'transition_refused', 409);
    await expectError(actOnCase(db, officer, c.id, { action: 'answer' }, at('2024-11-04')), 'field_required_for_action', 400);
    await expectError(actOnCase(db, officer, c.id, { action: 'forward', unitId: ids.p2! }, at('2024-11-04')), 'field_required_for_action', 400);
    const row = await db.selectFrom('case_record').select('state').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('routed');
  });

  it('an officer acts only on cases of its units', async () => {
    const db = t.database.db;
    const c = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Ngập nước', channel: 'web', unitId: ids.district941 }, at('2024-11-04'));
    await expectError(actOnCase(db, otherOfficer, c.id, { action: 'accept' }, at('2024-11-04')), 'out_of_scope', 403);
    await expectError(noteCase(db, otherOfficer, c.id, { text: 'x', internal: true }, at('2024-11-04')), 'out_of_scope', 403);
  });

  it('flags a forward made after the 5 working days Decree 92/2017 allows', async () => {
    const db = t.database.db;
    const c = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'OTHER', description: 'Kiến nghị về thủ tục', channel: 'web', unitId: ids.district941 }, at('2024-11-04'));
    const inTime = await actOnCase(db, officer, c.id, { action: 'forward', unitId: ids.p5!, note: 'Thuộc thẩm quyền phường' }, at('2024-11-08'));
    expect(inTime).toMatchObject({ state: 'forwarded', forwardLimit: '2024-11-11', lateForward: false });
    const late = await actOnCase(db, SYSTEM, c.id, { action: 'forward', unitId: ids.p2!, note: 'Chuyển tiếp' }, at('2024-11-12'));
    expect(late).toMatchObject({ lateForward: true });
  });

  it('merges a duplicate into its original; the original records it', async () => {
    const db = t.database.db;
    const a = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Cây đổ', channel: 'web', unitId: ids.district941 }, at('2024-11-04'));
    const b = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Cây đổ chắn đường', channel: 'app', unitId: ids.district941 }, at('2024-11-04'));
    await expectError(actOnCase(db, officer, b.id, { action: 'merge', mergeInto: b.id }, at('2024-11-04')), 'merge_into_self', 400);
    expect(await actOnCase(db, officer, b.id, { action: 'merge', mergeInto: a.id }, at('2024-11-04'))).toMatchObject({ state: 'merged' });
    expect((await caseTimeline(db, a.id, { includeInternal: true })).map((e) => e.action)).toContain('merged_in');
    await expectError(actOnCase(db, officer, a.id, { action: 'merge', mergeInto: b.id }, at('2024-11-04')), 'merge_into_duplicate', 400);
  });
});

describe('extension and escalation', () => {
  it('escalates an overdue case to the parent unit once; an extension with a reason moves the deadline', async () => {
    const db = t.database.db;
    const c = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Đường sụt lún', channel: 'web', unitId: ids.p5 }, at('2024-11-04'));
    expect(c.dueDate).toBe('2024-11-07');
    expect(await escalateOverdue(db, at('2024-11-07'))).toBe(0);
    const first = await escalateOverdue(db, at('2024-11-08'));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdue(db, at('2024-11-09'))).toBe(0);
    const row = await db.selectFrom('case_record').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.escalated_to_unit_id).toBe(ids.district941);
    const ext = await extendCase(db, SYSTEM, c.id, { workingDays: 5, reason: 'Chờ kinh phí sửa chữa' }, at('2024-11-08'));
    expect(ext.dueDate).toBe('2024-11-14');
    const after = await db.selectFrom('case_record').select(['escalated_at']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(after.escalated_at).toBeNull();
    expect((await caseTimeline(db, c.id, { includeInternal: false })).map((e) => e.action)).toEqual(['receive', 'route', 'escalate', 'extend']);
    await expectError(extendCase(db, otherOfficer, c.id, { workingDays: 1, reason: 'x' }, at('2024-11-08')), 'out_of_scope', 403);
  });
});
