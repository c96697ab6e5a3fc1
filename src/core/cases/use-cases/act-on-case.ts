import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import { type Actor, actorName, scopeUnitIds } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { loadWorkingCalendar, vnDate } from '../../calendar/index.js';
import { getById as getUnit } from '../../org-units/index.js';
import { queueCaseNotices } from '../notices.js';
import { EVENT_OF, mayHandle, missingField } from '../policy.js';
import { activeOfficer, getCaseRow, insertCaseEvent, updateCaseRow, type CaseChange } from '../repo.js';
import type { ActInput, ActResult } from '../schema.js';
import { nextState, TransitionRefused, type CaseState } from '../state-machine.js';
import { getCategory } from './open-case.js';

function stateAfter(state: CaseState, action: ActInput['action']): CaseState {
  try {
    return nextState(state, action);
  } catch (err) {
    if (err instanceof TransitionRefused) throw new AppError('transition_refused', { action, state }, 'action');
    throw err;
  }
}

/**
 * Takes one step of a case: checks the action against the state machine and the actor's units (the case's unit, or
 * the place it concerns while it has none), writes the new state and a timeline event, in one transaction.
 */
export async function actOnCase(db: Db, actor: Actor, caseId: number, input: ActInput, now: Date, request?: FastifyRequest): Promise<ActResult> {
  const missing = missingField(input);
  if (missing) throw new AppError('field_required_for_action', { action: input.action, field: missing }, missing);
  const calendar = input.action === 'forward' ? await loadWorkingCalendar(db) : null;
  return inTransaction(db, async (trx) => {
    const c = await getCaseRow(trx, caseId, { lock: true });
    if (!c) throw notFound('id');
    const scope = await scopeUnitIds(trx, actor);
    if (!mayHandle(scope, c)) throw new AppError('out_of_scope', {}, 'id');
    const to = stateAfter(c.state, input.action);
    const set: CaseChange = { state: to, updated_at: now };
    const data: { forwardLimit?: string; lateForward?: boolean } = {};
    if (input.action === 'route' || input.action === 'forward') {
      if (!(await getUnit(trx, input.unitId!))) throw new AppError('reference_not_found', {}, 'unitId');
      Object.assign(set, { unit_id: input.unitId, officer_id: null, escalated_to_unit_id: null, escalated_at: null });
      if (input.action === 'forward') {
        const cat = await getCategory(trx, c.kind, c.category_code);
        if (cat.forward_within_working_days && calendar) {
          const limit = calendar.addWorkingDays(vnDate(c.received_at), cat.forward_within_working_days);
          data.forwardLimit = limit;
          data.lateForward = vnDate(now) > limit;
        }
      }
    }
    if (input.officerId !== undefined && (input.action === 'accept' || input.action === 'start')) {
      // The officer named must work for the unit that holds the case, as when a case is assigned.
      const officer = await activeOfficer(trx, input.officerId);
      if (!officer) throw new AppError('reference_not_found', {}, 'officerId');
      if (officer.org_unit_id !== c.unit_id) throw new AppError('officer_not_in_unit', {}, 'officerId');
      set.officer_id = officer.id;
    }
    if (input.action === 'answer') Object.assign(set, { public_answer: input.answer, answered_at: now });
    if (input.action === 'close') set.closed_at = now;
    if (input.action === 'reopen') Object.assign(set, { closed_at: null });
    if (input.action === 'merge') {
      if (input.mergeInto === caseId) throw new AppError('merge_into_self', {}, 'mergeInto');
      const original = await getCaseRow(trx, input.mergeInto!);
      if (!original || original.kind !== c.kind) throw new AppError('reference_not_found', {}, 'mergeInto');
      if (original.state === 'merged') throw new AppError('merge_into_duplicate', {}, 'mergeInto');
      // Merging changes the original's timeline: it must be a case the actor handles too.
      if (!mayHandle(scope, original)) throw new AppError('out_of_scope', {}, 'mergeInto');
      set.merged_into_id = original.id;
    }
    await updateCaseRow(trx, caseId, set);
    const who = { kind: actor.kind, name: actorName(actor) };
    await insertCaseEvent(trx, caseId, who, c.kind, {
      action: input.action, from: c.state, to, unitId: set.unit_id ?? c.unit_id,
      note: input.action === 'answer' ? input.answer : input.note, internal: false, data,
    }, now);
    if (input.action === 'merge') await insertCaseEvent(trx, input.mergeInto!, who, c.kind, { action: 'merged_in', note: null, data: { duplicate: caseId } }, now);
    await recordAudit(trx, actor, { action: `case.${input.action}`, entity: 'case_record', entityId: caseId, before: { state: c.state, unitId: c.unit_id }, after: { state: to, ...input } }, request);
    const event = EVENT_OF[input.action];
    if (event) await queueCaseNotices(trx, caseId, event, { note: input.note });
    return { id: caseId, from: c.state, state: to, ...data };
  });
}
