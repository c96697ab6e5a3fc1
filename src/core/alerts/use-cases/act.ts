import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import type { AlertState } from '../../../db/schema.js';
import { AppError, notFound, outOfScope } from '../../../server/errors.js';
import { actorName, scopeUnitIds, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { publishLive } from '../../live/index.js';
import { getById } from '../../org-units/index.js';
import { activeUserUnit } from '../../users/index.js';
import { queueAlertNotices } from '../notices.js';
import { REQUIRED_FIELD, alertInScope, nextState, unitsOfAlert } from '../policy.js';
import { findType, getAlertRow, insertAlertEvent, updateAlert, type AlertRow } from '../repo.js';
import type { AlertActInput } from '../schema.js';
import { ACTION_WORDS, STATE_WORDS } from '../wording.js';

/** How the timeline names each action done. */
const DONE: Record<AlertActInput['action'], string> = {
  acknowledge: 'acknowledged', assign: 'assigned', resolve: 'resolved', close: 'closed', dismiss: 'dismissed', reopen: 'reopened',
  note: 'noted', check: 'checked', uncheck: 'unchecked',
};

export interface ActOnAlertOptions { db: Db; actor: Actor; id: number; input: AlertActInput; now: Date; request?: FastifyRequest }

/** The row an action changes, locked; an alert outside the actor's units is as absent as one that does not exist. */
async function alertToChange(db: Db, actor: Actor, id: number): Promise<AlertRow> {
  const alert = await getAlertRow(db, id, true);
  if (!alert || !alertInScope(alert, await scopeUnitIds(db, actor))) throw notFound('id');
  return alert;
}

/** Where an assignment sends the alert: a unit within the actor's scope, and/or an active officer of it. */
async function assignee(db: Db, actor: Actor, input: AlertActInput): Promise<{ unitId: number; userId: number | null; unitName: string }> {
  let unitId = input.unitId ?? null;
  if (input.userId !== undefined) {
    const userUnit = await activeUserUnit(db, input.userId);
    if (userUnit === null) throw new AppError('reference_not_found', { field: 'userId' }, 'userId');
    if (unitId !== null && unitId !== userUnit) throw new AppError('officer_not_in_unit', {}, 'userId');
    unitId = userUnit;
  }
  if (unitId === null) throw new AppError('alert_assignee_required', {}, 'unitId');
  const unit = await getById(db, unitId);
  if (!unit) throw new AppError('reference_not_found', { field: 'unitId' }, 'unitId');
  const scope = await scopeUnitIds(db, actor);
  if (scope && !scope.has(unitId)) throw outOfScope('unitId');
  return { unitId, userId: input.userId ?? null, unitName: unit.name };
}

/**
 * One step of an alert's handling: acknowledge, assign, resolve, close, dismiss (with a reason), reopen, a note, or
 * a checklist step ticked. Each is on the timeline and in the audit log, in one transaction, and heard live.
 */
export async function actOnAlert(options: ActOnAlertOptions): Promise<{ id: number; from: AlertState; state: AlertState }> {
  const { db, actor, id, input, now, request } = options;
  const required = REQUIRED_FIELD[input.action];
  if (required && !input[required]) throw new AppError('field_required_for_action', { action: input.action, field: required }, required);
  return inTransaction(db, async (trx) => {
    const alert = await alertToChange(trx, actor, id);
    const to = nextState(alert.state, input.action);
    if (!to) throw new AppError('alert_transition_refused', { action: ACTION_WORDS[input.action], state: STATE_WORDS[alert.state] });
    const patch: Parameters<typeof updateAlert>[2] = { state: to, updated_at: now };
    const data: Record<string, unknown> = {};
    let assigned: Awaited<ReturnType<typeof assignee>> | undefined;
    if (input.action === 'acknowledge' || (input.action === 'assign' && !alert.acknowledged_at)) patch.acknowledged_at = now;
    if (input.action === 'assign') {
      assigned = await assignee(trx, actor, input);
      Object.assign(patch, { assigned_unit_id: assigned.unitId, assigned_user_id: assigned.userId });
      Object.assign(data, { unitId: assigned.unitId, userId: assigned.userId });
    }
    if (input.action === 'resolve') patch.resolved_at = now;
    if (input.action === 'close') patch.closed_at = now;
    if (input.action === 'dismiss') Object.assign(patch, { dismiss_reason: input.note!, closed_at: now });
    if (input.action === 'reopen') Object.assign(patch, { resolved_at: null, closed_at: null, dismiss_reason: null, state: alert.assigned_unit_id ? 'assigned' : 'open' });
    if (input.action === 'check' || input.action === 'uncheck') {
      const type = await findType(trx, alert.type_code);
      if (!type?.checklist.some((s) => s.key === input.step)) throw new AppError('alert_step_unknown', { step: input.step! }, 'step');
      const checks = { ...alert.checks };
      if (input.action === 'check') checks[input.step!] = { by: actorName(actor), at: now.toISOString() };
      else delete checks[input.step!];
      patch.checks = JSON.stringify(checks);
      data.step = input.step;
    }
    const state = (patch.state ?? to) as AlertState;
    await updateAlert(trx, id, patch);
    const changed = state !== alert.state;
    await insertAlertEvent(trx, {
      alert_id: id, at: now, actor_kind: actor.kind, actor_name: actorName(actor), action: DONE[input.action],
      from_state: changed ? alert.state : null, to_state: changed ? state : null, note: input.note ?? '', data,
    });
    const { checks: _, evidence: __, ...before } = alert;
    await recordAudit(trx, actor, { action: `alert.${input.action}`, entity: 'alert', entityId: id, before, after: { ...before, ...patch, checks: undefined } }, request);
    if (assigned) {
      await queueAlertNotices(trx, 'assigned', { id, severity: alert.severity, title_vi: alert.title_vi, title_en: alert.title_en, unitName: assigned.unitName },
        assigned.userId ? { units: [], users: [assigned.userId], leaders: false } : { units: [assigned.unitId], leaders: false });
    }
    const units = unitsOfAlert({ ...alert, assigned_unit_id: assigned?.unitId ?? alert.assigned_unit_id });
    await publishLive(trx, { topic: 'alert', unitIds: units.length ? units : null, payload: { alertId: id, action: input.action, state } });
    return { id, from: alert.state, state };
  });
}
