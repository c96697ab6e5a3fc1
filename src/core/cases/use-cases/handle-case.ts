import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import { type Actor, actorName, scopeUnitIds } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { loadWorkingCalendar } from '../../calendar/index.js';
import { notifyUsers } from '../../notify/index.js';
import { mayHandle, mayHandleHeld } from '../policy.js';
import { activeOfficer, getCaseRow, insertCaseEvent, listCaseEvents, updateCaseRow, type CaseEventRow } from '../repo.js';
import { HANDLING_STATES } from '../state-machine.js';

const who = (actor: Actor) => ({ kind: actor.kind, name: actorName(actor) });

/**
 * Gives a case to an officer of the unit that holds it (bulk assignment uses the same step); the officer is told
 * in the app.
 */
export async function assignCase(db: Db, actor: Actor, caseId: number, officerId: number, now: Date, request?: FastifyRequest) {
  return inTransaction(db, async (trx) => {
    const c = await getCaseRow(trx, caseId, { lock: true });
    if (!c) throw notFound('id');
    if (!mayHandleHeld(await scopeUnitIds(trx, actor), c)) throw new AppError('out_of_scope', {}, 'id');
    if (!HANDLING_STATES.includes(c.state)) throw new AppError('transition_refused', { action: 'assign', state: c.state }, 'id');
    const officer = await activeOfficer(trx, officerId);
    if (!officer) throw new AppError('reference_not_found', {}, 'officerId');
    if (officer.org_unit_id !== c.unit_id) throw new AppError('officer_not_in_unit', {}, 'officerId');
    await updateCaseRow(trx, caseId, { officer_id: officer.id, updated_at: now });
    await insertCaseEvent(trx, caseId, who(actor), c.kind, { action: 'assign', internal: true, note: officer.display_name, data: { officerId: officer.id } }, now);
    await recordAudit(trx, actor, { action: 'case.assign', entity: 'case_record', entityId: caseId, before: { officerId: c.officer_id }, after: { officerId: officer.id } }, request);
    const text = { vi: `Bạn được giao xử lý hồ sơ ${c.tracking_code}`, en: `You were assigned case ${c.tracking_code}` };
    await notifyUsers(trx, [officer.id], { event: 'case.assigned', caseId, subject: text, body: text, payload: { trackingCode: c.tracking_code, link: `/feedback?ma=${c.tracking_code}` } });
    return { id: caseId, officerId: officer.id };
  });
}

/** Moves the deadline by some working days, with the reason on the timeline. */
export async function extendCase(db: Db, actor: Actor, caseId: number, input: { workingDays: number; reason: string }, now: Date, request?: FastifyRequest) {
  const calendar = await loadWorkingCalendar(db);
  return inTransaction(db, async (trx) => {
    const c = await getCaseRow(trx, caseId, { lock: true });
    if (!c) throw notFound('id');
    if (!mayHandleHeld(await scopeUnitIds(trx, actor), c)) throw new AppError('out_of_scope', {}, 'id');
    if (!HANDLING_STATES.includes(c.state)) throw new AppError('transition_refused', { action: 'extend', state: c.state }, 'action');
    const dueDate = calendar.addWorkingDays(c.due_date, input.workingDays);
    await updateCaseRow(trx, caseId, { due_date: dueDate, updated_at: now, escalated_at: null, escalated_to_unit_id: null });
    await insertCaseEvent(trx, caseId, who(actor), c.kind, { action: 'extend', note: input.reason, data: { from: c.due_date, to: dueDate, workingDays: input.workingDays } }, now);
    await recordAudit(trx, actor, { action: 'case.extend', entity: 'case_record', entityId: caseId, before: { dueDate: c.due_date }, after: { dueDate, reason: input.reason } }, request);
    return { id: caseId, dueDate };
  });
}

/** An internal note (officers only) or a public update, on the timeline without changing the state. */
export async function noteCase(db: Db, actor: Actor, caseId: number, input: { text: string; internal: boolean }, now: Date): Promise<void> {
  const c = await getCaseRow(db, caseId);
  if (!c) throw notFound('id');
  if (!mayHandle(await scopeUnitIds(db, actor), c)) throw new AppError('out_of_scope', {}, 'id');
  await insertCaseEvent(db, caseId, who(actor), c.kind, { action: 'note', note: input.text, internal: input.internal }, now);
}

export async function caseTimeline(db: Db, caseId: number, options: { includeInternal: boolean }): Promise<CaseEventRow[]> {
  return listCaseEvents(db, caseId, options.includeInternal);
}
