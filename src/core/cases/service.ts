import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import { inTransaction, type Db } from '../../db/database.js';
import type { CaseCategoryTable } from '../../db/schema.js';
import { AppError, notFound } from '../../server/errors.js';
import { type Actor, actorName, scopeUnitIds } from '../access/index.js';
import { auditRow, recordAudit } from '../audit/index.js';
import { loadWorkingCalendar, vnDate } from '../calendar/index.js';
import { HANDLING_STATES, nextState, TransitionRefused, type CaseAction, type CaseState } from './state-machine.js';
import { citizenAddresses, composeCaseNotices, queueCaseNotices, type CaseEvent } from './notices.js';
import { STALE, withReference, type CaseReference } from './reference.js';
import { writeOpenedCase } from './writer.js';
import { storePhotos, type ProcessedPhoto } from './media.js';
import { notifyUsers } from '../notify/index.js';


/** A tracking code a citizen can read out on the phone: no 0/O or 1/I, 8 random characters. */
export function trackingCode(prefix: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(8);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface OpenCaseInput {
  kind: string;
  category: CaseCategory;
  description: string;
  title?: string | null;
  channel: string;
  placeUnitId?: number | null;
  unitId?: number | null;
  lat?: number | null;
  lon?: number | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  data?: Record<string, unknown>;
  /** Photos already checked and re-encoded (see media.ts), stored with the case in its transaction. */
  photos?: ProcessedPhoto[];
}

export type CaseCategory = Selectable<CaseCategoryTable>;

/** An active category of a kind, or a 400 naming the field. */
export async function getCategory(db: Db, kind: string, code: string): Promise<CaseCategory> {
  const row = await db.selectFrom('case_category').selectAll().where('kind', '=', kind).where('code', '=', code).where('active', '=', true).executeTakeFirst();
  if (!row) throw new AppError('reference_not_found', {}, 'category');
  return row;
}

async function record(db: Db, caseId: number, actor: Actor, kind: string, e: { action: string; from?: CaseState | null; to?: CaseState | null; unitId?: number | null; note?: string | null; internal?: boolean; data?: Record<string, unknown> }, at: Date) {
  await db.insertInto('case_event').values({
    case_id: caseId, at, actor_kind: actor.kind, actor_name: actorName(actor), action: e.action, from_state: e.from ?? null, to_state: e.to ?? null,
    unit_id: e.unitId ?? null, note: e.note ?? null, internal: e.internal ?? false, data: JSON.stringify({ kind, ...(e.data ?? {}) }),
  }).execute();
}

/** A received case, or STALE when the reference changed under the intake and it must be tried again. */
export interface OpenedCase { id: number; trackingCode: string; state: CaseState; dueDate: string }

/**
 * Receives a case: its deadline is the category's number of working days after the day it was received, on the
 * working calendar (public holidays, lunar Tết, make-up days). When the unit is already known it is routed at once.
 *
 * The case, its first timeline events, the audit row and the messages to the unit's officers, the citizen and
 * subscribed systems are written by the SQL function case_open (migration 0011, through writer.ts), guarded by the
 * version of the reference they were computed from (see reference.ts): one round trip, atomic by itself, and
 * nothing at all when the reference changed meanwhile.
 */
export async function openCase(db: Db, ref: CaseReference, actor: Actor, input: OpenCaseInput, now: Date, request?: FastifyRequest): Promise<OpenedCase | typeof STALE> {
  const cat = input.category;
  const dueDate = ref.calendar.addWorkingDays(vnDate(now), cat.deadline_working_days);
  const code = trackingCode(input.kind.slice(0, 2).toUpperCase());
  const state: CaseState = input.unitId ? 'routed' : 'received';
  const data = input.data ?? {};
  const who = { actor_kind: actor.kind, actor_name: actorName(actor) };
  const events = [
    { ...who, action: 'receive', from_state: null, to_state: 'received', unit_id: null, data: { kind: input.kind, channel: input.channel, dueDate, legalBasis: cat.legal_basis, photos: input.photos?.length ?? 0 } },
    ...(input.unitId ? [{ ...who, action: 'route', from_state: 'received', to_state: 'routed', unit_id: input.unitId, data: { kind: input.kind } }] : []),
  ];
  const audit = auditRow(actor, { action: 'case.open', entity: 'case_record', after: { ...input, category: cat.code, photos: input.photos?.length ?? 0, dueDate } }, request);
  const unitId = input.unitId ?? null;
  const facts = { id: 0, kind: input.kind, tracking_code: code, state, category_code: cat.code, unit_id: unitId, unit: unitId ? ref.unit(unitId)?.name ?? null : null, due_date: dueDate, public_answer: null, data };
  const notices = composeCaseNotices(facts, 'received', { officers: ref.officersOf(unitId), webhooks: ref.webhooks, citizens: citizenAddresses(data) });
  const write = async (trx: Db) => {
    const doc = {
      case: {
        kind: input.kind, tracking_code: code, category_code: cat.code, state, title: input.title ?? null, description: input.description, channel: input.channel,
        place_unit_id: input.placeUnitId ?? null, unit_id: unitId, priority: input.priority ?? 'normal', lat: input.lat ?? null, lon: input.lon ?? null,
        received_at: now.toISOString(), due_date: dueDate, data,
      },
      events: events.map((e) => ({ ...e, at: now.toISOString() })),
      audit: { ...audit, at: now.toISOString(), after: audit.after === null ? null : JSON.parse(audit.after) },
      notifications: notices.map((r) => ({ ...r, payload: JSON.parse(r.payload as string) })),
    };
    const id = await writeOpenedCase(trx, doc, ref.version);
    if (id === null) return STALE;
    await storePhotos(trx, id, input.photos ?? []);
    return { id, trackingCode: code, state, dueDate };
  };
  // Photos are a second statement, so only then is a transaction needed: case_open alone is atomic.
  return input.photos?.length ? inTransaction(db, write) : write(db);
}

/** Receives a case of any kind by its category's code, on the committed reference (retried when it changes). */
export async function receiveCase(db: Db, actor: Actor, input: Omit<OpenCaseInput, 'category'> & { category: string }, now: Date, request?: FastifyRequest): Promise<OpenedCase> {
  return withReference(db, async (ref) => {
    const category = ref.category(input.kind, input.category);
    if (!category) throw new AppError('reference_not_found', {}, 'category');
    return openCase(db, ref, actor, { ...input, category }, now, request);
  });
}

export interface ActInput {
  action: CaseAction;
  unitId?: number;
  officerId?: number;
  note?: string;
  answer?: string;
  mergeInto?: number;
}

/** The event each action announces (starting work is nobody else's news). */
const EVENT_OF: Partial<Record<CaseAction, CaseEvent>> = {
  route: 'routed', forward: 'forwarded', accept: 'accepted', answer: 'answered', return: 'returned', reopen: 'reopened', close: 'closed', merge: 'merged',
};

/** What each action needs besides the case. */
const NEEDS: Partial<Record<CaseAction, (keyof ActInput)[]>> = {
  route: ['unitId'], forward: ['unitId', 'note'], return: ['note'], answer: ['answer'], reopen: ['note'], merge: ['mergeInto'],
};

/**
 * Takes one step of a case: checks the action against the state machine and the actor's units (the case's unit, or
 * the place it concerns while it has none), writes the new state and a timeline event, in one transaction.
 */
export async function actOnCase(db: Db, actor: Actor, caseId: number, input: ActInput, now: Date, request?: FastifyRequest) {
  for (const field of NEEDS[input.action] ?? []) {
    if (input[field] === undefined || input[field] === '') throw new AppError('field_required_for_action', { action: input.action, field }, field);
  }
  const calendar = input.action === 'forward' ? await loadWorkingCalendar(db) : null;
  return inTransaction(db, async (trx) => {
    const c = await trx.selectFrom('case_record').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
    if (!c) throw notFound('id');
    const scope = await scopeUnitIds(trx, actor);
    const responsible = c.unit_id ?? c.place_unit_id;
    if (scope && (responsible === null || !scope.has(responsible))) throw new AppError('out_of_scope', {}, 'id');
    let to: CaseState;
    try {
      to = nextState(c.state, input.action);
    } catch (err) {
      if (err instanceof TransitionRefused) throw new AppError('transition_refused', { action: input.action, state: c.state }, 'action');
      throw err;
    }
    const set: Record<string, unknown> = { state: to, updated_at: now };
    const data: Record<string, unknown> = {};
    if (input.action === 'route' || input.action === 'forward') {
      const unit = await trx.selectFrom('org_unit').select('id').where('id', '=', input.unitId!).executeTakeFirst();
      if (!unit) throw new AppError('reference_not_found', {}, 'unitId');
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
    if (input.officerId !== undefined && (input.action === 'accept' || input.action === 'start')) set.officer_id = input.officerId;
    if (input.action === 'answer') Object.assign(set, { public_answer: input.answer, answered_at: now });
    if (input.action === 'close') set.closed_at = now;
    if (input.action === 'reopen') Object.assign(set, { closed_at: null });
    if (input.action === 'merge') {
      if (input.mergeInto === caseId) throw new AppError('merge_into_self', {}, 'mergeInto');
      const original = await trx.selectFrom('case_record').select(['id', 'kind', 'state']).where('id', '=', input.mergeInto!).executeTakeFirst();
      if (!original || original.kind !== c.kind) throw new AppError('reference_not_found', {}, 'mergeInto');
      if (original.state === 'merged') throw new AppError('merge_into_duplicate', {}, 'mergeInto');
      set.merged_into_id = original.id;
    }
    await trx.updateTable('case_record').set(set).where('id', '=', caseId).execute();
    await record(trx, caseId, actor, c.kind, {
      action: input.action, from: c.state, to, unitId: (set.unit_id as number | undefined) ?? c.unit_id,
      note: input.action === 'answer' ? input.answer : input.note, internal: false, data,
    }, now);
    if (input.action === 'merge') {
      await record(trx, input.mergeInto!, actor, c.kind, { action: 'merged_in', note: null, data: { duplicate: caseId } }, now);
    }
    await recordAudit(trx, actor, { action: `case.${input.action}`, entity: 'case_record', entityId: caseId, before: { state: c.state, unitId: c.unit_id }, after: { state: to, ...input } }, request);
    const event = EVENT_OF[input.action];
    if (event) await queueCaseNotices(trx, caseId, event, { note: input.note });
    return { id: caseId, from: c.state, state: to, ...data };
  });
}

/**
 * Gives a case to an officer of the unit that holds it (bulk assignment uses the same step); the officer is told
 * in the app.
 */
export async function assignCase(db: Db, actor: Actor, caseId: number, officerId: number, now: Date, request?: FastifyRequest) {
  return inTransaction(db, async (trx) => {
    const c = await trx.selectFrom('case_record').select(['id', 'kind', 'state', 'unit_id', 'officer_id', 'tracking_code']).where('id', '=', caseId).forUpdate().executeTakeFirst();
    if (!c) throw notFound('id');
    const scope = await scopeUnitIds(trx, actor);
    if (scope && (c.unit_id === null || !scope.has(c.unit_id))) throw new AppError('out_of_scope', {}, 'id');
    if (!HANDLING_STATES.includes(c.state)) throw new AppError('transition_refused', { action: 'assign', state: c.state }, 'id');
    const officer = await trx.selectFrom('app_user').select(['id', 'username', 'display_name', 'org_unit_id']).where('id', '=', officerId)
      .where('active', '=', true).where('role', 'in', ['officer', 'reviewer']).executeTakeFirst();
    if (!officer) throw new AppError('reference_not_found', {}, 'officerId');
    if (officer.org_unit_id !== c.unit_id) throw new AppError('officer_not_in_unit', {}, 'officerId');
    await trx.updateTable('case_record').set({ officer_id: officer.id, updated_at: now }).where('id', '=', caseId).execute();
    await record(trx, caseId, actor, c.kind, { action: 'assign', internal: true, note: officer.display_name, data: { officerId: officer.id } }, now);
    await recordAudit(trx, actor, { action: 'case.assign', entity: 'case_record', entityId: caseId, before: { officerId: c.officer_id }, after: { officerId: officer.id } }, request);
    const text = `Bạn được giao xử lý hồ sơ ${c.tracking_code}`;
    await notifyUsers(trx, [officer.id], { event: 'case.assigned', caseId, subject: text, body: text, payload: { trackingCode: c.tracking_code, link: `/feedback?ma=${c.tracking_code}` } });
    return { id: caseId, officerId: officer.id };
  });
}

/** Moves the deadline by some working days, with the reason on the timeline. */
export async function extendCase(db: Db, actor: Actor, caseId: number, input: { workingDays: number; reason: string }, now: Date, request?: FastifyRequest) {
  const calendar = await loadWorkingCalendar(db);
  return db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('case_record').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst();
    if (!c) throw notFound('id');
    const scope = await scopeUnitIds(trx, actor);
    if (scope && (c.unit_id === null || !scope.has(c.unit_id))) throw new AppError('out_of_scope', {}, 'id');
    if (!HANDLING_STATES.includes(c.state)) {
      throw new AppError('transition_refused', { action: 'extend', state: c.state }, 'action');
    }
    const dueDate = calendar.addWorkingDays(c.due_date, input.workingDays);
    await trx.updateTable('case_record').set({ due_date: dueDate, updated_at: now, escalated_at: null, escalated_to_unit_id: null }).where('id', '=', caseId).execute();
    await record(trx, caseId, actor, c.kind, { action: 'extend', note: input.reason, data: { from: c.due_date, to: dueDate, workingDays: input.workingDays } }, now);
    await recordAudit(trx, actor, { action: 'case.extend', entity: 'case_record', entityId: caseId, before: { dueDate: c.due_date }, after: { dueDate, reason: input.reason } }, request);
    return { id: caseId, dueDate };
  });
}

/** An internal note (officers only) or a public update, on the timeline without changing the state. */
export async function noteCase(db: Db, actor: Actor, caseId: number, input: { text: string; internal: boolean }, now: Date) {
  const c = await db.selectFrom('case_record').select(['id', 'kind', 'unit_id', 'place_unit_id']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('id');
  const scope = await scopeUnitIds(db, actor);
  const responsible = c.unit_id ?? c.place_unit_id;
  if (scope && (responsible === null || !scope.has(responsible))) throw new AppError('out_of_scope', {}, 'id');
  await record(db, caseId, actor, c.kind, { action: 'note', note: input.text, internal: input.internal }, now);
}

/**
 * The escalation job: every open case past its deadline that is not escalated yet goes up to its unit's parent
 * (the unit itself when it has none), recorded on its timeline. Runs once per due time across processes.
 */
export async function escalateOverdue(db: Db, now: Date): Promise<number> {
  const overdue = await db
    .selectFrom('case_record as c')
    .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.kind', 'c.state', 'c.unit_id', 'c.due_date', 'u.parent_id'])
    .where('c.state', 'in', HANDLING_STATES)
    .where('c.due_date', '<', vnDate(now))
    .where('c.escalated_at', 'is', null)
    .execute();
  const system = { kind: 'system' as const, name: 'escalation' };
  for (const c of overdue) {
    const to = c.parent_id ?? c.unit_id;
    await inTransaction(db, async (trx) => {
      await trx.updateTable('case_record').set({ escalated_to_unit_id: to, escalated_at: now }).where('id', '=', c.id).execute();
      await record(trx, c.id, system, c.kind, { action: 'escalate', unitId: to, data: { dueDate: c.due_date, overdueSince: c.due_date } }, now);
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
  const horizon = calendar.addWorkingDays(today, 1);
  const due = await db.selectFrom('case_record').select(['id', 'due_date'])
    .where('state', 'in', HANDLING_STATES).where('due_date', '>=', today).where('due_date', '<=', horizon)
    .where((eb) => eb.or([eb('reminded_due_date', 'is', null), eb('reminded_due_date', '<>', eb.ref('due_date'))]))
    .execute();
  for (const c of due) {
    await inTransaction(db, async (trx) => {
      await trx.updateTable('case_record').set({ reminded_due_date: c.due_date }).where('id', '=', c.id).execute();
      await queueCaseNotices(trx, c.id, 'due_soon');
    });
  }
  return due.length;
}

export async function caseTimeline(db: Db, caseId: number, options: { includeInternal: boolean }) {
  let q = db.selectFrom('case_event').selectAll().where('case_id', '=', caseId);
  if (!options.includeInternal) q = q.where('internal', '=', false);
  return q.orderBy('id').execute();
}

