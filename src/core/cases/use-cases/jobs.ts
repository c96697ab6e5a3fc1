import { inTransaction, type Db } from '../../../db/database.js';
import { loadWorkingCalendar, vnDate } from '../../calendar/index.js';
import { queueCaseNotices } from '../notices.js';
import { casesDueWithin, insertCaseEvent, overdueCases, updateCaseRow } from '../repo.js';
import { HANDLING_STATES } from '../state-machine.js';

/**
 * The escalation job: every open case past its deadline that is not escalated yet goes up to its unit's parent
 * (the unit itself when it has none), recorded on its timeline. Runs once per due time across processes.
 */
export async function escalateOverdue(db: Db, now: Date): Promise<number> {
  const overdue = await overdueCases(db, HANDLING_STATES, vnDate(now));
  const system = { kind: 'system', name: 'escalation' };
  for (const c of overdue) {
    const to = c.parent_id ?? c.unit_id;
    await inTransaction(db, async (trx) => {
      await updateCaseRow(trx, c.id, { escalated_to_unit_id: to, escalated_at: now });
      await insertCaseEvent(trx, c.id, system, c.kind, { action: 'escalate', unitId: to, data: { dueDate: c.due_date, overdueSince: c.due_date } }, now);
      await queueCaseNotices(trx, c.id, 'escalated', { unitId: to });
    });
  }
  return overdue.length;
}

/**
 * The reminder job: officers of the unit holding an open case are told once per deadline when the deadline is the
 * next working day or today (an extension gives a new reminder).
 */
export async function remindDueSoon(db: Db, now: Date): Promise<number> {
  const calendar = await loadWorkingCalendar(db);
  const today = vnDate(now);
  const due = await casesDueWithin(db, HANDLING_STATES, today, calendar.addWorkingDays(today, 1));
  for (const c of due) {
    await inTransaction(db, async (trx) => {
      await updateCaseRow(trx, c.id, { reminded_due_date: c.due_date });
      await queueCaseNotices(trx, c.id, 'due_soon');
    });
  }
  return due.length;
}
