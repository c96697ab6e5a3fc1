import { describe, expect, it } from 'vitest';
import { escalateOverdue, remindDueSoon } from '../../src/core/cases/index.js';
import { caseId, report, send, t, useNotificationsApp } from './setup.js';

useNotificationsApp();

describe('notifications', () => {
  it('reminds the unit once per deadline, the day before it, and tells the parent unit of an escalation', async () => {
    t.ctx.clock.now = new Date('2026-11-23T02:00:00Z');
    let code: string;
    try {
      code = (await send(report())).json().trackingCode;
    } finally {
      t.ctx.clock.now = null;
    }
    const id = await caseId(code);
    const due = (await t.database.db.selectFrom('case_record').select('due_date').where('id', '=', id).executeTakeFirstOrThrow()).due_date;
    expect(due).toBe('2026-11-30');
    const db = t.database.db;
    const reminders = () => db.selectFrom('notification').select(['user_id', 'event']).where('case_id', '=', id).where('event', '=', 'case.due_soon').where('channel', '=', 'in_app').execute();
    await remindDueSoon(db, new Date('2026-11-25T02:00:00Z'));
    expect(await reminders()).toHaveLength(0);
    await remindDueSoon(db, new Date('2026-11-27T02:00:00Z')); // Friday: the next working day is Monday the 30th
    await remindDueSoon(db, new Date('2026-11-28T02:00:00Z'));
    expect(await reminders()).toHaveLength(1);
    await escalateOverdue(db, new Date('2026-12-01T02:00:00Z'));
    const thamdinh = await db.selectFrom('app_user').select('id').where('username', '=', 'thamdinh').executeTakeFirstOrThrow();
    const escalated = await db.selectFrom('notification').select(['user_id', 'channel']).where('case_id', '=', id).where('event', '=', 'case.escalated').execute();
    expect(escalated).toEqual(expect.arrayContaining([{ user_id: thamdinh.id, channel: 'in_app' }]));
  });
});
